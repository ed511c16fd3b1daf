/**
 * The fixture account of the data, identity and logging collectors' wire-level tests, answering
 * in AWS's wire formats after the API reference examples (S3 REST-XML, IAM/RDS/ELBv2 query XML,
 * KMS/CloudTrail/Logs JSON 1.1, Lambda REST-JSON). It is seeded with what the HIPAA posture
 * checks look for:
 *
 * - S3 `pw-phi-records` (tag PHI=true): public through its bucket policy (Principal "*"), no
 *   public access block, no default encryption, versioning never enabled, no server access
 *   logging, a lifecycle rule moving `phi/` to GLACIER after 90 days, no Object Ownership setting
 *   (ACLs in effect), no Object Lock, no replication, no event notifications.
 * - S3 `pw-blocked-public` (eu-west-1, found through GetBucketLocation): policy public, but its
 *   bucket-level block has RestrictPublicBuckets=true, so it is effectively not public;
 *   BucketOwnerEnforced, Object Lock GOVERNANCE 30 days, an enabled replication rule, an SQS
 *   notification and EventBridge delivery.
 * - Lambda `intake` (PHI): resource policy letting Principal "*" invoke its URL, and a URL with
 *   AuthType NONE and CORS `*` (its alias `live` has an AWS_IAM URL, on a second page);
 *   `reports-export`: Principal {"AWS":"*"} narrowed by aws:PrincipalOrgID, an AWS_IAM URL;
 *   `nightly-batch`: no policy (ResourceNotFoundException), no URL. `lambdaExposureAnswer` gives
 *   every other function name "no policy, no URL".
 * - No account-level S3 public access block.
 * - CloudTrail `management-events`: single-region, log file validation off, no KMS key.
 * - KMS `alias/phi-data`: customer-managed symmetric key with rotation off.
 * - RDS `ehr-db` (PHI): unencrypted, backup retention 0, single-AZ, a pending security
 *   `system-update`.
 * - IAM password policy: max age 365, no reuse prevention, length 8; user `alice`: access key last
 *   rotated 2024-01-10 (over 400 days before any 2025+ collection) and console password without
 *   MFA; root has an active access key and no MFA; role `ehr-app-role` has an inline policy with
 *   `"Action":"s3:*","Resource":"*"`.
 * - ALB `ehr-web` (PHI): HTTP:80 listener forwarding without redirect; HTTPS:443 listener with
 *   ELBSecurityPolicy-2016-08 (TLSv1 and TLSv1.1 allowed); access logs and deletion protection off.
 * - Log group `/ehr/app` (PHI): no KMS key, 30-day retention; its events of 2025-02-28 (two
 *   FilterLogEvents pages) hold a synthetic SSN-shaped string and a fake bearer token. Pin the
 *   logs collector's clock to `LOG_SAMPLE_NOW` to have them in the sampling window.
 *   `/aws/lambda/intake` logged nothing in the window.
 */

import { Agent } from 'node:http';
import type { LookupFunction } from 'node:net';
import type { CollectionGap } from '../../../../core/cloud.js';
import { type AwsContext, awsContext } from '../context.js';
import {
  type AwsCall,
  type AwsHandler,
  type AwsReply,
  type FakeAws,
  jsonError,
  queryError,
  restJsonError,
  s3Error,
} from '../fake-aws.test-helpers.js';

export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';
export const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

// Every host name resolves to the loopback: S3 Control puts the account id in front of the
// endpoint host (`111122223333.localhost`), which the system resolver does not know.
const loopback = ((_host: string, opts: { all?: boolean }, cb: (...a: unknown[]) => void) => {
  if (opts.all) cb(null, [{ address: '127.0.0.1', family: 4 }]);
  else cb(null, '127.0.0.1', 4);
}) as unknown as LookupFunction;

/** SDK request-handler settings that send every host name to the loopback. */
export function loopbackHandler(): { httpAgent: Agent } {
  return { httpAgent: new Agent({ lookup: loopback }) };
}

/** A collector context against the fake; `gaps` collects what `guarded` recorded. */
export function fakeContext(
  fake: FakeAws,
  opts: { region?: string; maxAttempts?: number; now?: Date } = {},
): { ctx: AwsContext; gaps: CollectionGap[] } {
  const gaps: CollectionGap[] = [];
  const region = opts.region ?? 'global';
  const port = new URL(fake.endpoint).port;
  // Extra SDK settings (requestHandler) ride along in the client configuration, for tests only.
  const client = {
    region: region === 'global' ? REGION : region,
    credentials,
    endpoint: `http://localhost:${port}`,
    forcePathStyle: true,
    maxAttempts: opts.maxAttempts ?? 1,
    requestHandler: loopbackHandler(),
  };
  // The log sample's window is measured from the collection time: the fixture's by default.
  const now = opts.now ?? new Date(LOG_SAMPLE_NOW);
  const ctx = awsContext({ account: ACCOUNT, region, regions: [REGION, 'eu-west-1'], client, now }, gaps);
  return { ctx, gaps };
}

const REQUEST_ID =
  '<ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata>';
const NS = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  rds: 'http://rds.amazonaws.com/doc/2014-10-31/',
  elasticloadbalancing: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
} as const;

/** A query-protocol answer: `<XResponse><XResult>…</XResult><ResponseMetadata/></XResponse>`. */
export function queryXml(service: keyof typeof NS, action: string, inner: string): AwsReply {
  return {
    body: `<${action}Response xmlns="${NS[service]}"><${action}Result>${inner}</${action}Result>${REQUEST_ID}</${action}Response>`,
  };
}

const xml = (body: string): AwsReply => ({ body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}` });
const json = (body: unknown): AwsReply => ({ body: JSON.stringify(body) });
const members = (items: string[]) => items.map((i) => `<member>${i}</member>`).join('');
const S3NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

// ---------------------------------------------------------------- S3 (S3 API Reference examples)
const publicPolicy = (bucket: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'PublicRead',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::${bucket}/*`,
      },
    ],
  });
const OWNER =
  '<Owner><ID>79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be</ID><DisplayName>ops</DisplayName></Owner>';
const acl = `<AccessControlPolicy xmlns="${S3NS}">${OWNER}<AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be</ID><DisplayName>ops</DisplayName></Grantee><Permission>FULL_CONTROL</Permission></Grant></AccessControlList></AccessControlPolicy>`;

function s3(call: AwsCall): AwsReply {
  const bucket = call.path.split('/')[1] ?? '';
  const sub = call.action.slice(call.action.indexOf('?') + 1);
  if (call.path === '/v20180820/configuration/publicAccessBlock') {
    return s3Error(
      'NoSuchPublicAccessBlockConfiguration',
      'The public access block configuration was not found',
      404,
    );
  }
  if (call.action === 'GET /') {
    // ListBuckets over two pages (ContinuationToken); the second bucket has no BucketRegion.
    if (call.params['continuation-token'] === undefined) {
      return xml(
        `<ListAllMyBucketsResult xmlns="${S3NS}"><Buckets><Bucket><Name>pw-phi-records</Name><CreationDate>2023-04-02T10:00:00.000Z</CreationDate><BucketRegion>us-east-1</BucketRegion></Bucket></Buckets>${OWNER}<ContinuationToken>page-2-token</ContinuationToken></ListAllMyBucketsResult>`,
      );
    }
    return xml(
      `<ListAllMyBucketsResult xmlns="${S3NS}"><Buckets><Bucket><Name>pw-blocked-public</Name><CreationDate>2024-06-30T08:15:00.000Z</CreationDate></Bucket></Buckets>${OWNER}</ListAllMyBucketsResult>`,
    );
  }
  const phi = bucket === 'pw-phi-records';
  switch (sub) {
    case 'location':
      return xml(`<LocationConstraint xmlns="${S3NS}">eu-west-1</LocationConstraint>`);
    case 'acl':
      return xml(acl);
    case 'policy':
      return { body: publicPolicy(bucket) };
    case 'policyStatus':
      return xml(`<PolicyStatus xmlns="${S3NS}"><IsPublic>true</IsPublic></PolicyStatus>`);
    case 'publicAccessBlock':
      return phi
        ? s3Error(
            'NoSuchPublicAccessBlockConfiguration',
            'The public access block configuration was not found',
            404,
          )
        : xml(
            `<PublicAccessBlockConfiguration xmlns="${S3NS}"><BlockPublicAcls>false</BlockPublicAcls><IgnorePublicAcls>false</IgnorePublicAcls><BlockPublicPolicy>false</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>`,
          );
    case 'encryption':
      return phi
        ? s3Error(
            'ServerSideEncryptionConfigurationNotFoundError',
            'The server side encryption configuration was not found',
            404,
          )
        : xml(
            `<ServerSideEncryptionConfiguration xmlns="${S3NS}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>arn:aws:kms:eu-west-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab</KMSMasterKeyID></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`,
          );
    case 'versioning':
      // A bucket never versioned answers an empty VersioningConfiguration.
      return xml(
        phi
          ? `<VersioningConfiguration xmlns="${S3NS}"/>`
          : `<VersioningConfiguration xmlns="${S3NS}"><Status>Enabled</Status><MfaDelete>Disabled</MfaDelete></VersioningConfiguration>`,
      );
    case 'logging':
      return xml(
        phi
          ? `<BucketLoggingStatus xmlns="${S3NS}"/>`
          : `<BucketLoggingStatus xmlns="${S3NS}"><LoggingEnabled><TargetBucket>pw-access-logs</TargetBucket><TargetPrefix>blocked/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>`,
      );
    case 'lifecycle':
      return phi
        ? xml(
            `<LifecycleConfiguration xmlns="${S3NS}"><Rule><ID>phi-to-glacier</ID><Filter><Prefix>phi/</Prefix></Filter><Status>Enabled</Status><Transition><Days>90</Days><StorageClass>GLACIER</StorageClass></Transition></Rule></LifecycleConfiguration>`,
          )
        : s3Error('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', 404);
    case 'tagging':
      return phi
        ? xml(
            `<Tagging xmlns="${S3NS}"><TagSet><Tag><Key>PHI</Key><Value>true</Value></Tag><Tag><Key>Owner</Key><Value>records-team</Value></Tag></TagSet></Tagging>`,
          )
        : s3Error('NoSuchTagSet', 'The TagSet does not exist', 404);
    case 'ownershipControls':
      return phi
        ? s3Error('OwnershipControlsNotFoundError', 'The bucket ownership controls were not found', 404)
        : xml(
            `<OwnershipControls xmlns="${S3NS}"><Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>`,
          );
    case 'object-lock':
      return phi
        ? s3Error(
            'ObjectLockConfigurationNotFoundError',
            'Object Lock configuration does not exist for this bucket',
            404,
          )
        : xml(
            `<ObjectLockConfiguration xmlns="${S3NS}"><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>GOVERNANCE</Mode><Days>30</Days></DefaultRetention></Rule></ObjectLockConfiguration>`,
          );
    case 'replication':
      return phi
        ? s3Error('ReplicationConfigurationNotFoundError', 'The replication configuration was not found', 404)
        : xml(
            `<ReplicationConfiguration xmlns="${S3NS}"><Role>arn:aws:iam::${ACCOUNT}:role/s3-replication</Role><Rule><ID>replicate-all</ID><Priority>1</Priority><Status>Enabled</Status><Filter><Prefix></Prefix></Filter><DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication><Destination><Bucket>arn:aws:s3:::pw-blocked-public-replica</Bucket><StorageClass>STANDARD_IA</StorageClass></Destination></Rule></ReplicationConfiguration>`,
          );
    case 'notification':
      // A bucket without notifications answers an empty NotificationConfiguration, not an error.
      return xml(
        phi
          ? `<NotificationConfiguration xmlns="${S3NS}"/>`
          : `<NotificationConfiguration xmlns="${S3NS}"><QueueConfiguration><Id>new-objects</Id><Queue>arn:aws:sqs:eu-west-1:${ACCOUNT}:ingest</Queue><Event>s3:ObjectCreated:*</Event><Filter><S3Key><FilterRule><Name>prefix</Name><Value>incoming/</Value></FilterRule></S3Key></Filter></QueueConfiguration><EventBridgeConfiguration></EventBridgeConfiguration></NotificationConfiguration>`,
      );
    default:
      return s3Error('NotImplemented', `fake has no ${call.action}`, 501);
  }
}

// ------------------------------------------------- IAM (IAM API Reference examples, query XML)
const doc = (d: unknown) => encodeURIComponent(JSON.stringify(d));
export const S3_STAR = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
};
export const TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
export const PHI_READ_V2 = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::pw-phi-records/*' }],
};

/** Credential report CSV (IAM User Guide, "Getting credential reports"), columns abridged. */
export const CREDENTIAL_REPORT = [
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_2_active,access_key_2_last_rotated',
  `<root_account>,arn:aws:iam::${ACCOUNT}:root,2019-02-01T12:00:00+00:00,not_supported,2025-01-02T09:00:00+00:00,not_supported,not_supported,false,true,2019-02-01T12:30:00+00:00,2025-01-03T10:00:00+00:00,false,N/A`,
  `alice,arn:aws:iam::${ACCOUNT}:user/alice,2023-12-01T08:00:00+00:00,true,2025-01-05T08:00:00+00:00,2023-12-01T08:05:00+00:00,2024-11-25T08:05:00+00:00,false,true,2024-01-10T09:00:00+00:00,2025-01-04T12:00:00+00:00,false,N/A`,
  `bob,arn:aws:iam::${ACCOUNT}:user/bob,2024-05-01T08:00:00+00:00,false,N/A,N/A,N/A,true,false,N/A,N/A,false,N/A`,
].join('\n');

const authPage1 = `<IsTruncated>true</IsTruncated><Marker>EXAMPLEkakv9BCuUNFDtxWSyfzetYwEx2ADc8dnzfvERF5S6YMvXKx41t6gCl</Marker>
<UserDetailList>${members([
  `<Path>/</Path><UserName>alice</UserName><UserId>AIDACKCEVSQ6C2EXAMPLE</UserId><Arn>arn:aws:iam::${ACCOUNT}:user/alice</Arn><CreateDate>2023-12-01T08:00:00Z</CreateDate><UserPolicyList>${members([`<PolicyName>self-service</PolicyName><PolicyDocument>${doc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ChangePassword', Resource: `arn:aws:iam::${ACCOUNT}:user/alice` }] })}</PolicyDocument>`])}</UserPolicyList><GroupList>${members(['clinicians'])}</GroupList><AttachedManagedPolicies>${members(['<PolicyName>ReadOnlyAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/ReadOnlyAccess</PolicyArn>'])}</AttachedManagedPolicies><Tags>${members(['<Key>Team</Key><Value>clinical</Value>'])}</Tags>`,
  `<Path>/service/</Path><UserName>bob</UserName><UserId>AIDACKCEVSQ6C3EXAMPLE</UserId><Arn>arn:aws:iam::${ACCOUNT}:user/service/bob</Arn><CreateDate>2024-05-01T08:00:00Z</CreateDate><UserPolicyList/><GroupList/><AttachedManagedPolicies/>`,
])}</UserDetailList>
<GroupDetailList>${members([
  `<Path>/</Path><GroupName>clinicians</GroupName><GroupId>AGPACKCEVSQ6C2EXAMPLE</GroupId><Arn>arn:aws:iam::${ACCOUNT}:group/clinicians</Arn><CreateDate>2023-11-01T08:00:00Z</CreateDate><GroupPolicyList/><AttachedManagedPolicies>${members([`<PolicyName>phi-readers</PolicyName><PolicyArn>arn:aws:iam::${ACCOUNT}:policy/phi-readers</PolicyArn>`])}</AttachedManagedPolicies>`,
])}</GroupDetailList><RoleDetailList/><Policies/>`;

const authPage2 = `<IsTruncated>false</IsTruncated><UserDetailList/><GroupDetailList/>
<RoleDetailList>${members([
  `<Path>/</Path><RoleName>ehr-app-role</RoleName><RoleId>AROADBQP57FF2AEXAMPLE</RoleId><Arn>arn:aws:iam::${ACCOUNT}:role/ehr-app-role</Arn><CreateDate>2024-02-20T10:00:00Z</CreateDate><AssumeRolePolicyDocument>${doc(TRUST)}</AssumeRolePolicyDocument><InstanceProfileList/><RolePolicyList>${members([`<PolicyName>s3-everything</PolicyName><PolicyDocument>${doc(S3_STAR)}</PolicyDocument>`])}</RolePolicyList><AttachedManagedPolicies/><Tags>${members(['<Key>PHI</Key><Value>true</Value>'])}</Tags><RoleLastUsed><LastUsedDate>2025-01-06T10:00:00Z</LastUsedDate><Region>us-east-1</Region></RoleLastUsed>`,
])}</RoleDetailList>
<Policies>${members([
  `<PolicyName>phi-readers</PolicyName><DefaultVersionId>v2</DefaultVersionId><PolicyId>ANPAJ2UCCR6DPCEXAMPLE</PolicyId><Path>/</Path><PolicyVersionList>${members(
    [
      `<Document>${doc(PHI_READ_V2)}</Document><IsDefaultVersion>true</IsDefaultVersion><VersionId>v2</VersionId><CreateDate>2024-03-01T00:00:00Z</CreateDate>`,
      `<Document>${doc(S3_STAR)}</Document><IsDefaultVersion>false</IsDefaultVersion><VersionId>v1</VersionId><CreateDate>2024-01-01T00:00:00Z</CreateDate>`,
    ],
  )}</PolicyVersionList><Arn>arn:aws:iam::${ACCOUNT}:policy/phi-readers</Arn><AttachmentCount>1</AttachmentCount><PermissionsBoundaryUsageCount>0</PermissionsBoundaryUsageCount><IsAttachable>true</IsAttachable><CreateDate>2024-01-01T00:00:00Z</CreateDate><UpdateDate>2024-03-01T00:00:00Z</UpdateDate>`,
  `<PolicyName>ReadOnlyAccess</PolicyName><DefaultVersionId>v1</DefaultVersionId><PolicyId>ANPAILL3HVNFSB6DCOWYQ</PolicyId><Path>/</Path><PolicyVersionList>${members([`<Document>${doc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }] })}</Document><IsDefaultVersion>true</IsDefaultVersion><VersionId>v1</VersionId><CreateDate>2015-02-06T18:39:48Z</CreateDate>`])}</PolicyVersionList><Arn>arn:aws:iam::aws:policy/ReadOnlyAccess</Arn><AttachmentCount>1</AttachmentCount><IsAttachable>true</IsAttachable><CreateDate>2015-02-06T18:39:48Z</CreateDate><UpdateDate>2015-02-06T18:39:48Z</UpdateDate>`,
  `<PolicyName>AdministratorAccess</PolicyName><DefaultVersionId>v1</DefaultVersionId><PolicyId>ANPAIWMBCKSKIEE64ZLYK</PolicyId><Path>/</Path><PolicyVersionList>${members([`<Document>${doc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] })}</Document><IsDefaultVersion>true</IsDefaultVersion><VersionId>v1</VersionId><CreateDate>2015-02-06T18:39:46Z</CreateDate>`])}</PolicyVersionList><Arn>arn:aws:iam::aws:policy/AdministratorAccess</Arn><AttachmentCount>0</AttachmentCount><IsAttachable>true</IsAttachable><CreateDate>2015-02-06T18:39:46Z</CreateDate><UpdateDate>2015-02-06T18:39:46Z</UpdateDate>`,
])}</Policies>`;

function iam(call: AwsCall): AwsReply {
  switch (call.action) {
    case 'GetAccountPasswordPolicy':
      return queryXml(
        'iam',
        call.action,
        '<PasswordPolicy><MinimumPasswordLength>8</MinimumPasswordLength><RequireSymbols>false</RequireSymbols><RequireNumbers>true</RequireNumbers><RequireUppercaseCharacters>true</RequireUppercaseCharacters><RequireLowercaseCharacters>true</RequireLowercaseCharacters><AllowUsersToChangePassword>true</AllowUsersToChangePassword><ExpirePasswords>true</ExpirePasswords><MaxPasswordAge>365</MaxPasswordAge><HardExpiry>false</HardExpiry></PasswordPolicy>',
      );
    case 'GetAccountSummary': {
      const map = {
        Users: 2,
        Groups: 1,
        Roles: 1,
        Policies: 1,
        AccountMFAEnabled: 0,
        AccountAccessKeysPresent: 1,
        AccountSigningCertificatesPresent: 0,
        MFADevices: 1,
        MFADevicesInUse: 1,
      };
      const entries = Object.entries(map)
        .map(([k, v]) => `<entry><key>${k}</key><value>${v}</value></entry>`)
        .join('');
      return queryXml('iam', call.action, `<SummaryMap>${entries}</SummaryMap>`);
    }
    case 'ListVirtualMFADevices':
      return queryXml(
        'iam',
        call.action,
        `<IsTruncated>false</IsTruncated><VirtualMFADevices>${members([`<SerialNumber>arn:aws:iam::${ACCOUNT}:mfa/bob</SerialNumber><User><Path>/service/</Path><UserName>bob</UserName><UserId>AIDACKCEVSQ6C3EXAMPLE</UserId><Arn>arn:aws:iam::${ACCOUNT}:user/service/bob</Arn><CreateDate>2024-05-01T08:00:00Z</CreateDate></User><EnableDate>2024-05-01T08:10:00Z</EnableDate>`])}</VirtualMFADevices>`,
      );
    case 'GenerateCredentialReport':
      return queryXml('iam', call.action, '<State>COMPLETE</State>');
    case 'GetCredentialReport':
      return queryXml(
        'iam',
        call.action,
        `<Content>${Buffer.from(CREDENTIAL_REPORT).toString('base64')}</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>2025-01-07T09:00:00Z</GeneratedTime>`,
      );
    case 'GetAccountAuthorizationDetails':
      return queryXml('iam', call.action, call.params.Marker === undefined ? authPage1 : authPage2);
    default:
      return queryError('InvalidAction', `fake has no ${call.action}`);
  }
}

// -------------------------------------------------- RDS (RDS API Reference examples, query XML)
export const EHR_DB_ARN = `arn:aws:rds:us-east-1:${ACCOUNT}:db:ehr-db`;
const dbInstance = (o: {
  id: string;
  encrypted: boolean;
  kms?: string;
  retention: number;
  multiAz: boolean;
  tags: string;
}) =>
  `<DBInstance><DBInstanceIdentifier>${o.id}</DBInstanceIdentifier><DBInstanceClass>db.t3.medium</DBInstanceClass><Engine>postgres</Engine><EngineVersion>14.7</EngineVersion><DBInstanceStatus>available</DBInstanceStatus><MasterUsername>dbadmin</MasterUsername><Endpoint><Address>${o.id}.cg034hpkmmjt.us-east-1.rds.amazonaws.com</Address><Port>5432</Port><HostedZoneId>Z2R2ITUGPM61AM</HostedZoneId></Endpoint><AllocatedStorage>100</AllocatedStorage><InstanceCreateTime>2023-06-01T10:00:00.000Z</InstanceCreateTime><BackupRetentionPeriod>${o.retention}</BackupRetentionPeriod><MultiAZ>${o.multiAz}</MultiAZ><AutoMinorVersionUpgrade>false</AutoMinorVersionUpgrade><MonitoringInterval>0</MonitoringInterval><PubliclyAccessible>false</PubliclyAccessible><StorageType>gp3</StorageType><StorageEncrypted>${o.encrypted}</StorageEncrypted>${o.kms ? `<KmsKeyId>${o.kms}</KmsKeyId>` : ''}<DbiResourceId>db-${o.id.toUpperCase()}EXAMPLE</DbiResourceId><DeletionProtection>false</DeletionProtection><IAMDatabaseAuthenticationEnabled>false</IAMDatabaseAuthenticationEnabled><DBInstanceArn>arn:aws:rds:us-east-1:${ACCOUNT}:db:${o.id}</DBInstanceArn><TagList>${o.tags}</TagList></DBInstance>`;

function rds(call: AwsCall): AwsReply {
  if (call.action === 'DescribeDBInstances') {
    if (call.params.Marker === undefined) {
      return queryXml(
        'rds',
        call.action,
        `<Marker>ehr-db-page-2</Marker><DBInstances>${dbInstance({ id: 'ehr-db', encrypted: false, retention: 0, multiAz: false, tags: '<Tag><Key>PHI</Key><Value>true</Value></Tag>' })}</DBInstances>`,
      );
    }
    return queryXml(
      'rds',
      call.action,
      `<DBInstances>${dbInstance({ id: 'reports-db', encrypted: true, kms: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, retention: 7, multiAz: true, tags: '' })}</DBInstances>`,
    );
  }
  if (call.action === 'DescribePendingMaintenanceActions') {
    return queryXml(
      'rds',
      call.action,
      `<PendingMaintenanceActions><ResourcePendingMaintenanceActions><ResourceIdentifier>${EHR_DB_ARN}</ResourceIdentifier><PendingMaintenanceActionDetails><PendingMaintenanceAction><Action>system-update</Action><Description>New Operating System update is available: security fixes</Description><AutoAppliedAfterDate>2025-02-01T00:00:00Z</AutoAppliedAfterDate><CurrentApplyDate>2025-02-01T00:00:00Z</CurrentApplyDate></PendingMaintenanceAction></PendingMaintenanceActionDetails></ResourcePendingMaintenanceActions></PendingMaintenanceActions>`,
    );
  }
  return queryError('InvalidAction', `fake has no ${call.action}`);
}

// ------------------------------------------------------ KMS (KMS API Reference examples, JSON)
export const KEY_PHI = '1234abcd-12ab-34cd-56ef-1234567890ab';
export const KEY_AWS_S3 = '0987dcba-09fe-87dc-65ba-ab0987654321';
export const KEY_RSA = 'mrk-1234abcd12ab34cd56ef1234567890ab';
const keyArn = (id: string) => `arn:aws:kms:us-east-1:${ACCOUNT}:key/${id}`;
const keyMetadata: Record<string, Record<string, unknown>> = {
  [KEY_PHI]: {
    KeyManager: 'CUSTOMER',
    KeySpec: 'SYMMETRIC_DEFAULT',
    KeyUsage: 'ENCRYPT_DECRYPT',
    Description: 'PHI data key',
  },
  [KEY_AWS_S3]: {
    KeyManager: 'AWS',
    KeySpec: 'SYMMETRIC_DEFAULT',
    KeyUsage: 'ENCRYPT_DECRYPT',
    Description: 'Default key that protects my S3 objects when no other key is defined',
  },
  [KEY_RSA]: {
    KeyManager: 'CUSTOMER',
    KeySpec: 'RSA_2048',
    KeyUsage: 'SIGN_VERIFY',
    Description: 'Signing key',
    MultiRegion: true,
  },
};

function kms(call: AwsCall): AwsReply {
  const KeyId = call.params.KeyId as string;
  switch (call.action) {
    case 'ListKeys':
      // Two pages: NextMarker/Truncated (KMS API Reference, ListKeys).
      return call.params.Marker === undefined
        ? json({
            Keys: [KEY_PHI, KEY_AWS_S3].map((k) => ({ KeyId: k, KeyArn: keyArn(k) })),
            NextMarker: 'eyJrZXkiOiJwYWdlMiJ9',
            Truncated: true,
          })
        : json({ Keys: [{ KeyId: KEY_RSA, KeyArn: keyArn(KEY_RSA) }], Truncated: false });
    case 'ListAliases':
      return json({
        Aliases: [
          {
            AliasName: 'alias/phi-data',
            AliasArn: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/phi-data`,
            TargetKeyId: KEY_PHI,
          },
          {
            AliasName: 'alias/aws/s3',
            AliasArn: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/aws/s3`,
            TargetKeyId: KEY_AWS_S3,
          },
          { AliasName: 'alias/aws/rds', AliasArn: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/aws/rds` },
        ],
        Truncated: false,
      });
    case 'DescribeKey':
      return json({
        KeyMetadata: {
          AWSAccountId: ACCOUNT,
          KeyId,
          Arn: keyArn(KeyId),
          CreationDate: 1.499988169234e9,
          Enabled: true,
          KeyState: 'Enabled',
          Origin: 'AWS_KMS',
          ...keyMetadata[KeyId],
        },
      });
    case 'GetKeyRotationStatus':
      return json({ KeyRotationEnabled: false, KeyId: keyArn(KeyId) });
    case 'ListResourceTags':
      return json({ Tags: KeyId === KEY_PHI ? [{ TagKey: 'PHI', TagValue: 'true' }] : [], Truncated: false });
    default:
      return jsonError('UnknownOperationException', `fake has no ${call.action}`);
  }
}

// ------------------------------------------- CloudTrail (CloudTrail API Reference, JSON 1.1)
export const TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/management-events`;

function cloudtrail(call: AwsCall): AwsReply {
  switch (call.action) {
    case 'DescribeTrails':
      return json({
        trailList: [
          {
            Name: 'management-events',
            S3BucketName: 'pw-trail-logs',
            IncludeGlobalServiceEvents: true,
            IsMultiRegionTrail: false,
            HomeRegion: 'us-east-1',
            TrailARN: TRAIL_ARN,
            LogFileValidationEnabled: false,
            HasCustomEventSelectors: false,
            HasInsightSelectors: false,
            IsOrganizationTrail: false,
          },
        ],
      });
    case 'GetTrailStatus':
      return json({
        IsLogging: true,
        LatestDeliveryTime: 1736240000,
        StartLoggingTime: 1700000000,
        LatestDeliveryAttemptTime: '2025-01-07T09:00:00Z',
      });
    case 'GetEventSelectors':
      return json({
        TrailARN: TRAIL_ARN,
        EventSelectors: [
          {
            ReadWriteType: 'All',
            IncludeManagementEvents: true,
            DataResources: [],
            ExcludeManagementEventSources: [],
          },
        ],
      });
    case 'ListTags':
      return json({
        ResourceTagList: [{ ResourceId: TRAIL_ARN, TagsList: [{ Key: 'Owner', Value: 'security' }] }],
      });
    default:
      return jsonError('UnknownOperationException', `fake has no ${call.action}`);
  }
}

// ---------------------------------------------- ELBv2 (ELBv2 API Reference examples, query XML)
export const ALB_ARN = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/ehr-web/50dc6c495c0c9188`;
export const HTTP_LISTENER = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener/app/ehr-web/50dc6c495c0c9188/f2f7dc8efc522ab2`;
export const HTTPS_LISTENER = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener/app/ehr-web/50dc6c495c0c9188/0467ef3c8400ae65`;
const TG = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/ehr-targets/73e2d6bc24d8a067`;
const forward = `<DefaultActions>${members([`<Type>forward</Type><TargetGroupArn>${TG}</TargetGroupArn>`])}</DefaultActions>`;

function elbv2(call: AwsCall): AwsReply {
  switch (call.action) {
    case 'DescribeLoadBalancers':
      return queryXml(
        'elasticloadbalancing',
        call.action,
        `<LoadBalancers>${members([`<LoadBalancerArn>${ALB_ARN}</LoadBalancerArn><Scheme>internet-facing</Scheme><LoadBalancerName>ehr-web</LoadBalancerName><VpcId>vpc-3ac0fb5f</VpcId><CanonicalHostedZoneId>Z2P70J7EXAMPLE</CanonicalHostedZoneId><CreatedTime>2024-04-27T00:12:30.210Z</CreatedTime><AvailabilityZones>${members(['<SubnetId>subnet-8360a9e7</SubnetId><ZoneName>us-east-1a</ZoneName>', '<SubnetId>subnet-b7d581c0</SubnetId><ZoneName>us-east-1b</ZoneName>'])}</AvailabilityZones><SecurityGroups>${members(['sg-5943793c'])}</SecurityGroups><DNSName>ehr-web-1234567890.us-east-1.elb.amazonaws.com</DNSName><State><Code>active</Code></State><Type>application</Type><IpAddressType>ipv4</IpAddressType>`])}</LoadBalancers>`,
      );
    case 'DescribeListeners':
      // Two pages (NextMarker/Marker): HTTP:80 forwarding without a redirect, then HTTPS:443.
      return call.params.Marker === undefined
        ? queryXml(
            'elasticloadbalancing',
            call.action,
            `<Listeners>${members([`<LoadBalancerArn>${ALB_ARN}</LoadBalancerArn><Protocol>HTTP</Protocol><Port>80</Port><ListenerArn>${HTTP_LISTENER}</ListenerArn>${forward}`])}</Listeners><NextMarker>listener-page-2</NextMarker>`,
          )
        : queryXml(
            'elasticloadbalancing',
            call.action,
            `<Listeners>${members([`<LoadBalancerArn>${ALB_ARN}</LoadBalancerArn><Protocol>HTTPS</Protocol><Port>443</Port><ListenerArn>${HTTPS_LISTENER}</ListenerArn><SslPolicy>ELBSecurityPolicy-2016-08</SslPolicy><Certificates>${members([`<CertificateArn>arn:aws:acm:us-east-1:${ACCOUNT}:certificate/3dcb0a41-bd72-4774-9ad9-756919c40557</CertificateArn>`])}</Certificates>${forward}`])}</Listeners>`,
          );
    case 'DescribeTags':
      return queryXml(
        'elasticloadbalancing',
        call.action,
        `<TagDescriptions>${members([`<ResourceArn>${ALB_ARN}</ResourceArn><Tags>${members(['<Key>PHI</Key><Value>true</Value>', '<Key>Name</Key><Value>ehr-web</Value>'])}</Tags>`])}</TagDescriptions>`,
      );
    case 'DescribeLoadBalancerAttributes':
      return queryXml(
        'elasticloadbalancing',
        call.action,
        `<Attributes>${members([
          '<Key>access_logs.s3.enabled</Key><Value>false</Value>',
          '<Key>deletion_protection.enabled</Key><Value>false</Value>',
          '<Key>routing.http.drop_invalid_header_fields.enabled</Key><Value>false</Value>',
        ])}</Attributes>`,
      );
    case 'DescribeSSLPolicies':
      return queryXml(
        'elasticloadbalancing',
        call.action,
        `<SslPolicies>${members([`<Name>ELBSecurityPolicy-2016-08</Name><SslProtocols>${members(['TLSv1', 'TLSv1.1', 'TLSv1.2'])}</SslProtocols><Ciphers>${members(['<Name>ECDHE-ECDSA-AES128-GCM-SHA256</Name><Priority>1</Priority>', '<Name>AES128-SHA</Name><Priority>2</Priority>'])}</Ciphers><SupportedLoadBalancerTypes>${members(['application', 'network'])}</SupportedLoadBalancerTypes>`])}</SslPolicies>`,
      );
    default:
      return queryError('InvalidAction', `fake has no ${call.action}`);
  }
}

// ------------------------------------------ CloudWatch Logs (Logs API Reference, JSON 1.1)
const logGroup = (name: string, extra: Record<string, unknown>) => ({
  logGroupName: name,
  creationTime: 1700000000000,
  metricFilterCount: 0,
  arn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${name}:*`,
  logGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${name}`,
  storedBytes: 1048576,
  logGroupClass: 'STANDARD',
  ...extra,
});

function logs(call: AwsCall): AwsReply {
  if (call.action === 'DescribeLogGroups') {
    return call.params.nextToken === undefined
      ? json({ logGroups: [logGroup('/ehr/app', { retentionInDays: 30 })], nextToken: 'logs-page-2' })
      : json({
          logGroups: [
            logGroup('/aws/lambda/intake', {
              kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY_PHI}`,
              dataProtectionStatus: 'ACTIVATED',
            }),
          ],
        });
  }
  if (call.action === 'ListTagsForResource') {
    return json({ tags: String(call.params.resourceArn).endsWith(':/ehr/app') ? { PHI: 'true' } : {} });
  }
  if (call.action === 'FilterLogEvents') return filterLogEvents(call);
  return jsonError('UnknownOperationException', `fake has no ${call.action}`);
}

/** A clock for the logs collector under which the seeded events are inside its sampling window. */
export const LOG_SAMPLE_NOW = Date.parse('2025-03-01T00:00:00Z');
/** Synthetic SSN-shaped and bearer-token strings seeded into `/ehr/app` (never real data). */
export const SYNTHETIC_SSN = '123-45-6789';
export const SYNTHETIC_BEARER = 'pw-synthetic-token-0000000000';
const at = (iso: string) => Date.parse(iso);
/** `/ehr/app`'s events over two pages; `/aws/lambda/intake` logged nothing. */
export const EHR_EVENTS = [
  [
    {
      logStreamName: 'ehr-app/i-0a1b2c3d4e5f60001',
      timestamp: at('2025-02-28T10:00:00Z'),
      message: 'GET /api/patients 200 12ms',
    },
    {
      logStreamName: 'ehr-app/i-0a1b2c3d4e5f60001',
      timestamp: at('2025-02-28T10:00:05Z'),
      message: `updated patient record ssn=${SYNTHETIC_SSN} status=ok`,
    },
  ],
  [
    {
      logStreamName: 'ehr-app/i-0a1b2c3d4e5f60002',
      timestamp: at('2025-02-28T11:30:00Z'),
      message: `calling lab API with Authorization: Bearer ${SYNTHETIC_BEARER}`,
    },
    {
      logStreamName: 'ehr-app/i-0a1b2c3d4e5f60002',
      timestamp: at('2025-02-28T11:30:01Z'),
      message: 'health check ok',
    },
  ],
];

// FilterLogEvents (Logs API Reference): events of the window, at most `limit`, pages by nextToken.
function filterLogEvents(call: AwsCall): AwsReply {
  const p = call.params as { logGroupName?: string; startTime?: number; endTime?: number; limit?: number };
  const second = call.params.nextToken === 'events-page-2';
  const page = p.logGroupName === '/ehr/app' ? (EHR_EVENTS[second ? 1 : 0] ?? []) : [];
  const inWindow = page
    .filter((e) => (p.startTime ?? 0) <= e.timestamp && e.timestamp <= (p.endTime ?? Number.MAX_SAFE_INTEGER))
    .slice(0, p.limit ?? 10_000)
    .map((e, i) => ({ ...e, ingestionTime: e.timestamp + 1000, eventId: `${e.timestamp}${i}` }));
  const more = p.logGroupName === '/ehr/app' && !second;
  return json({ events: inWindow, searchedLogStreams: [], ...(more && { nextToken: 'events-page-2' }) });
}

// ------------------------------------------- Lambda (Lambda API Reference examples, REST-JSON)
const fnArn = (name: string) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;
const fn = (name: string, extra: Record<string, unknown>) => ({
  FunctionName: name,
  FunctionArn: fnArn(name),
  Runtime: 'nodejs20.x',
  Role: `arn:aws:iam::${ACCOUNT}:role/${name}`,
  Handler: 'index.handler',
  CodeSize: 2048,
  Timeout: 30,
  MemorySize: 256,
  LastModified: '2024-09-01T10:00:00.000+0000',
  CodeSha256: `sha+${name}`,
  Version: '$LATEST',
  PackageType: 'Zip',
  Architectures: ['arm64'],
  ...extra,
});
export const DATA_FUNCTIONS = {
  intake: fn('intake', { Description: 'Referral intake webhook' }),
  reports: fn('reports-export', {}),
  batch: fn('nightly-batch', { Timeout: 300 }),
};
const FUNCTION_TAGS: Record<string, Record<string, string>> = {
  [DATA_FUNCTIONS.intake.FunctionArn]: { PHI: 'true' },
  [DATA_FUNCTIONS.reports.FunctionArn]: { Owner: 'analytics' },
  [DATA_FUNCTIONS.batch.FunctionArn]: {},
};
/** intake: anyone may invoke its URL (the statement the console writes for AuthType NONE). */
export const INTAKE_POLICY = {
  Version: '2012-10-17',
  Id: 'default',
  Statement: [
    {
      Sid: 'FunctionURLAllowPublicAccess',
      Effect: 'Allow',
      Principal: '*',
      Action: 'lambda:InvokeFunctionUrl',
      Resource: DATA_FUNCTIONS.intake.FunctionArn,
      Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
    },
    {
      Sid: 's3-invoke',
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: DATA_FUNCTIONS.intake.FunctionArn,
      Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::pw-phi-records' } },
    },
  ],
};
/** reports-export: Principal "*", narrowed to the organisation. */
export const REPORTS_POLICY = {
  Version: '2012-10-17',
  Id: 'default',
  Statement: [
    {
      Sid: 'org-invoke',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'lambda:InvokeFunction',
      Resource: DATA_FUNCTIONS.reports.FunctionArn,
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
    },
  ],
};
const POLICIES: Record<string, unknown> = { intake: INTAKE_POLICY, 'reports-export': REPORTS_POLICY };
const url = (name: string, qualifier: string, auth: string, cors?: Record<string, unknown>) => ({
  FunctionUrl: `https://${name}${qualifier}.lambda-url.us-east-1.on.aws/`,
  FunctionArn: `${fnArn(name)}${qualifier === '' ? '' : `:${qualifier}`}`,
  CreationTime: '2024-09-01T10:00:00.000Z',
  LastModifiedTime: '2024-09-01T10:00:00.000Z',
  AuthType: auth,
  InvokeMode: 'BUFFERED',
  ...(cors && { Cors: cors }),
});
// intake's URLs come over two pages (NextMarker): $LATEST open to anyone, alias `live` with IAM.
const URLS: Record<string, unknown[][]> = {
  intake: [
    [
      url('intake', '', 'NONE', {
        AllowOrigins: ['*'],
        AllowMethods: ['POST'],
        AllowCredentials: false,
        MaxAge: 0,
      }),
    ],
    [url('intake', 'live', 'AWS_IAM')],
  ],
  'reports-export': [[url('reports-export', '', 'AWS_IAM')]],
};

/**
 * Lambda's GetPolicy and ListFunctionUrlConfigs for any function: the data account's seeded
 * ones, and "no policy, no URL" (ResourceNotFoundException, `[]`) for every other name.
 */
export function lambdaExposureAnswer(call: AwsCall): AwsReply | undefined {
  if (call.method !== 'GET') return undefined;
  const policy = /^\/2015-03-31\/functions\/([^/]+)\/policy$/.exec(call.path);
  if (policy) {
    const doc = POLICIES[policy[1] as string];
    return doc === undefined
      ? restJsonError('ResourceNotFoundException', 'The resource you requested does not exist.', 404)
      : json({ Policy: JSON.stringify(doc), RevisionId: '4843f2f6-7c59-4fda-b484-afd0bc0e22b8' });
  }
  const urls = /^\/2021-10-31\/functions\/([^/]+)\/urls$/.exec(call.path);
  if (urls) {
    const pages = URLS[urls[1] as string] ?? [[]];
    const i = call.params.Marker === undefined ? 0 : Number(call.params.Marker);
    return json({
      FunctionUrlConfigs: pages[i] ?? [],
      ...(i + 1 < pages.length && { NextMarker: String(i + 1) }),
    });
  }
  return undefined;
}

function lambda(call: AwsCall): AwsReply {
  if (call.method === 'GET' && call.path.replace(/\/$/, '') === '/2015-03-31/functions') {
    return json({ Functions: Object.values(DATA_FUNCTIONS) });
  }
  const tags = /^\/2017-03-31\/tags\/(.+)$/.exec(call.path);
  if (call.method === 'GET' && tags) {
    const t = FUNCTION_TAGS[tags[1] as string];
    return t ? json({ Tags: t }) : restJsonError('ResourceNotFoundException', 'Function not found', 404);
  }
  return (
    lambdaExposureAnswer(call) ??
    restJsonError('UnknownOperationException', `fake has no ${call.action}`, 404)
  );
}

const SERVICES: Record<string, (call: AwsCall) => AwsReply> = {
  lambda,
  s3,
  iam,
  rds,
  kms,
  cloudtrail,
  elasticloadbalancing: elbv2,
  logs,
};

/** The fixture account; `override` may answer a call first (errors, throttling). */
export function dataAccount(
  override?: (call: AwsCall, calls: AwsCall[]) => AwsReply | undefined,
): AwsHandler {
  return (call, calls) => {
    const o = override?.(call, calls);
    if (o !== undefined) return o;
    const answer = SERVICES[call.service];
    return answer ? answer(call) : jsonError('UnknownService', `fake has no ${call.service}`);
  };
}
