/**
 * The fixture account of the security-service collectors' wire-level tests (account
 * 111122223333, us-east-1 and eu-west-1), answering after the API Reference examples: GuardDuty
 * REST-JSON, Secrets Manager / ACM / Organizations JSON 1.1 (timestamps as epoch seconds), SNS
 * and EC2 query XML. EC2 calls other than DescribeFlowLogs go to the compute fixture
 * (fake-account-ec2.test-helpers.ts), whose VPC `vpc-0a1b2c3d4e5f60001` answers in any region.
 * Collected "now" is COLLECTED_AT (2025-03-01). Seeds — one misconfiguration per posture check,
 * next to compliant resources:
 *
 * - GuardDuty: us-east-1 has an ENABLED detector (compliant) holding two non-archived
 *   high-severity findings (→ guardduty-non-archived-findings); eu-west-1 has no detector
 *   (→ guardduty-enabled).
 * - Secrets Manager (us-east-1): `prod/ehr/db-password` (PHI, customer KMS key, rotated every 30
 *   days, last 2025-02-20: compliant); `prod/ehr/api-key` (DataClassification=ePHI, AWS managed
 *   key, rotation off, never rotated since 2024-06-01 → secretsmanager-rotation-enabled,
 *   secretsmanager-rotated-within, secretsmanager-cmk-phi); `prod/billing/stripe-token` (not PHI,
 *   `rate(30 days)`, last rotated 2025-01-10 so due 2025-02-09 and overdue →
 *   secretsmanager-scheduled-rotation-success, while still within 90 days). Two pages.
 * - ACM (us-east-1): `ehr.example.com` (Amazon-issued RSA_2048, valid to 2026-01-15, in use by the
 *   ehr-web ALB: compliant); `legacy.example.com` (imported EC_prime256v1 — listed only because
 *   every key type is asked for — expiring 2025-03-10 → acm-certificate-expiration). Two pages.
 * - SNS (us-east-1): `ehr-alerts` (PHI, KMS key: compliant); `ops-notify` (no KMS key →
 *   sns-encrypted-kms). Two pages.
 * - Flow logs: us-east-1's VPC has an ACTIVE flow log delivering to CloudWatch Logs (compliant),
 *   plus a network-interface flow log on page 2; eu-west-1 has only a subnet flow log, so its VPC
 *   has none (→ vpc-flow-logs-enabled).
 * - Organizations: this account is the management account of o-a1b2c3d4e5. SCPs: FullAWSAccess
 *   (root); `deny-unencrypted-writes` attached to an OU, denying s3:PutObject without the
 *   server-side-encryption header and rds:CreateDBInstance unencrypted; `deny-unencrypted-ebs`
 *   exists but is attached nowhere (→ scp-encryption-enforced: EBS not enforced). Two pages.
 */

import { queryAnswer, VPC } from '../fake-account-ec2.test-helpers.js';
import type { AwsCall, AwsHandler, AwsReply } from '../fake-aws.test-helpers.js';
import { jsonError, queryError, restJsonError } from '../fake-aws.test-helpers.js';
import { ACCOUNT, ALB_ARN, KEY_PHI } from './fake-data-account.test-helpers.js';

export { ACCOUNT, fakeContext } from './fake-data-account.test-helpers.js';
export { VPC };

/** The collection time the seeds are dated against. */
export const COLLECTED_AT = '2025-03-01T00:00:00Z';

const json = (body: unknown): AwsReply => ({ body: JSON.stringify(body) });
const epoch = (iso: string) => Date.parse(iso) / 1000;
const page2 = (call: AwsCall, key = 'NextToken') => call.params[key] !== undefined;

// ------------------------------------------------ GuardDuty (GuardDuty API Reference, REST-JSON)
export const DETECTOR = '12abc34d567e8fa901bc2d34e56789f0';
export const FINDINGS = ['06c5b2b1a8e6f4d1c9a7e3b2f0d8c6a4', '2cc5b2b1a8e6f4d1c9a7e3b2f0d8c6b7'];

function guardduty(call: AwsCall): AwsReply {
  if (call.action === 'GET /detector')
    return json({ detectorIds: call.region === 'us-east-1' ? [DETECTOR] : [] });
  if (call.action === `GET /detector/${DETECTOR}`) {
    const feature = (name: string, status: string) => ({
      name,
      status,
      updatedAt: epoch('2024-02-01T10:00:00Z'),
    });
    return json({
      createdAt: '2024-02-01T10:00:00.000Z',
      findingPublishingFrequency: 'SIX_HOURS',
      serviceRole: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
      status: 'ENABLED',
      updatedAt: '2024-02-01T10:00:00.000Z',
      features: [
        feature('CLOUD_TRAIL', 'ENABLED'),
        feature('DNS_LOGS', 'ENABLED'),
        feature('FLOW_LOGS', 'ENABLED'),
        feature('S3_DATA_EVENTS', 'DISABLED'),
        feature('RDS_LOGIN_EVENTS', 'ENABLED'),
      ],
      tags: { Owner: 'security' },
    });
  }
  if (call.action === `POST /detector/${DETECTOR}/findings`) return json({ findingIds: FINDINGS });
  return restJsonError('BadRequestException', `fake has no ${call.action}`);
}

// -------------------------------------- Secrets Manager (Secrets Manager API Reference, JSON 1.1)
const secretArn = (name: string, suffix: string) =>
  `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${name}-${suffix}`;
export const SECRET_DB = secretArn('prod/ehr/db-password', 'a1b2c3');
export const SECRET_API = secretArn('prod/ehr/api-key', 'd4e5f6');
export const SECRET_BILLING = secretArn('prod/billing/stripe-token', 'g7h8i9');
const ROTATION_LAMBDA = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:SecretsManagerRotation`;

function secretsmanager(call: AwsCall): AwsReply {
  if (call.action !== 'ListSecrets')
    return jsonError('InvalidRequestException', `fake has no ${call.action}`);
  if (call.region !== 'us-east-1') return json({ SecretList: [] });
  if (!page2(call)) {
    return json({
      SecretList: [
        {
          ARN: SECRET_DB,
          Name: 'prod/ehr/db-password',
          Description: 'EHR database master password',
          KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY_PHI}`,
          RotationEnabled: true,
          RotationLambdaARN: ROTATION_LAMBDA,
          RotationRules: { AutomaticallyAfterDays: 30 },
          LastRotatedDate: epoch('2025-02-20T03:00:00Z'),
          LastChangedDate: epoch('2025-02-20T03:00:00Z'),
          LastAccessedDate: epoch('2025-02-28T00:00:00Z'),
          NextRotationDate: epoch('2025-03-22T00:00:00Z'),
          CreatedDate: epoch('2024-01-15T09:00:00Z'),
          Tags: [{ Key: 'PHI', Value: 'true' }],
          SecretVersionsToStages: { 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111': ['AWSCURRENT'] },
        },
        {
          ARN: SECRET_API,
          Name: 'prod/ehr/api-key',
          LastChangedDate: epoch('2024-06-01T12:00:00Z'),
          LastAccessedDate: epoch('2025-02-27T00:00:00Z'),
          CreatedDate: epoch('2024-06-01T12:00:00Z'),
          Tags: [{ Key: 'DataClassification', Value: 'ePHI' }],
          SecretVersionsToStages: { 'a1b2c3d4-5678-90ab-cdef-EXAMPLE22222': ['AWSCURRENT'] },
        },
      ],
      NextToken: 'secrets-page-2',
    });
  }
  return json({
    SecretList: [
      {
        ARN: SECRET_BILLING,
        Name: 'prod/billing/stripe-token',
        KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/0987dcba-09fe-87dc-65ba-ab0987654322`,
        RotationEnabled: true,
        RotationLambdaARN: ROTATION_LAMBDA,
        RotationRules: { ScheduleExpression: 'rate(30 days)', Duration: '2h' },
        LastRotatedDate: epoch('2025-01-10T02:00:00Z'),
        NextRotationDate: epoch('2025-02-09T00:00:00Z'),
        CreatedDate: epoch('2024-10-01T08:00:00Z'),
        Tags: [{ Key: 'Owner', Value: 'billing' }],
      },
    ],
  });
}

// ------------------------------------------------------- ACM (ACM API Reference, JSON 1.1)
const certArn = (id: string) => `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/${id}`;
export const CERT_EHR = certArn('3dcb0a41-bd72-4774-9ad9-756919c40557');
export const CERT_LEGACY = certArn('f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b');
const certificates: Record<string, Record<string, unknown>> = {
  [CERT_EHR]: {
    CertificateArn: CERT_EHR,
    DomainName: 'ehr.example.com',
    SubjectAlternativeNames: ['ehr.example.com'],
    Status: 'ISSUED',
    Type: 'AMAZON_ISSUED',
    KeyAlgorithm: 'RSA_2048',
    SignatureAlgorithm: 'SHA256WITHRSA',
    InUseBy: [ALB_ARN],
    RenewalEligibility: 'ELIGIBLE',
    NotBefore: epoch('2025-01-16T00:00:00Z'),
    NotAfter: epoch('2026-01-15T23:59:59Z'),
    IssuedAt: epoch('2025-01-16T00:00:00Z'),
    CreatedAt: epoch('2024-01-16T00:00:00Z'),
    Issuer: 'Amazon',
  },
  [CERT_LEGACY]: {
    CertificateArn: CERT_LEGACY,
    DomainName: 'legacy.example.com',
    SubjectAlternativeNames: ['legacy.example.com'],
    Status: 'ISSUED',
    Type: 'IMPORTED',
    KeyAlgorithm: 'EC_prime256v1',
    SignatureAlgorithm: 'SHA256WITHECDSA',
    InUseBy: [],
    RenewalEligibility: 'INELIGIBLE',
    NotBefore: epoch('2022-03-10T12:00:00Z'),
    NotAfter: epoch('2025-03-10T12:00:00Z'),
    ImportedAt: epoch('2023-12-18T10:00:00Z'),
    CreatedAt: epoch('2023-12-18T10:00:00Z'),
    Issuer: 'Example Legacy CA',
  },
};
const summary = (arn: string) => {
  const c = certificates[arn] ?? {};
  return {
    CertificateArn: arn,
    DomainName: c.DomainName,
    SubjectAlternativeNameSummaries: c.SubjectAlternativeNames,
    HasAdditionalSubjectAlternativeNames: false,
    Status: c.Status,
    Type: c.Type,
    KeyAlgorithm: c.KeyAlgorithm,
    InUse: (c.InUseBy as unknown[]).length > 0,
    RenewalEligibility: c.RenewalEligibility,
    NotAfter: c.NotAfter,
    CreatedAt: c.CreatedAt,
  };
};

function acm(call: AwsCall): AwsReply {
  const arn = String(call.params.CertificateArn);
  switch (call.action) {
    case 'ListCertificates':
      if (call.region !== 'us-east-1') return json({ CertificateSummaryList: [] });
      return page2(call)
        ? json({ CertificateSummaryList: [summary(CERT_LEGACY)] })
        : json({ CertificateSummaryList: [summary(CERT_EHR)], NextToken: 'acm-page-2' });
    case 'DescribeCertificate':
      return json({ Certificate: certificates[arn] });
    case 'ListTagsForCertificate':
      return json({ Tags: arn === CERT_EHR ? [{ Key: 'PHI', Value: 'true' }] : [] });
    default:
      return jsonError('InvalidParameterException', `fake has no ${call.action}`);
  }
}

// ------------------------------------------------------------ SNS (SNS API Reference, query XML)
export const TOPIC_ALERTS = `arn:aws:sns:us-east-1:${ACCOUNT}:ehr-alerts`;
export const TOPIC_OPS = `arn:aws:sns:us-east-1:${ACCOUNT}:ops-notify`;
const snsXml = (action: string, inner: string): AwsReply => ({
  body: `<${action}Response xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><${action}Result>${inner}</${action}Result><ResponseMetadata><RequestId>b9275252-3774-11df-9540-99d0768312d3</RequestId></ResponseMetadata></${action}Response>`,
});
const esc = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const entries = (map: Record<string, string>) =>
  Object.entries(map)
    .map(([k, v]) => `<entry><key>${k}</key><value>${esc(v)}</value></entry>`)
    .join('');
const topicPolicy = (arn: string) =>
  JSON.stringify({
    Version: '2008-10-17',
    Id: '__default_policy_ID',
    Statement: [
      {
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['SNS:Publish', 'SNS:Subscribe'],
        Resource: arn,
        Condition: { StringEquals: { 'AWS:SourceOwner': ACCOUNT } },
      },
    ],
  });

function sns(call: AwsCall): AwsReply {
  const arn = String(call.params.TopicArn ?? call.params.ResourceArn);
  const member = (a: string) => `<member><TopicArn>${a}</TopicArn></member>`;
  switch (call.action) {
    case 'ListTopics':
      if (call.region !== 'us-east-1') return snsXml(call.action, '<Topics/>');
      return page2(call)
        ? snsXml(call.action, `<Topics>${member(TOPIC_OPS)}</Topics>`)
        : snsXml(call.action, `<Topics>${member(TOPIC_ALERTS)}</Topics><NextToken>sns-page-2</NextToken>`);
    case 'GetTopicAttributes':
      return snsXml(
        call.action,
        `<Attributes>${entries({
          Owner: ACCOUNT,
          TopicArn: arn,
          Policy: topicPolicy(arn),
          DisplayName: '',
          SubscriptionsConfirmed: '1',
          SubscriptionsPending: '0',
          SubscriptionsDeleted: '0',
          ...(arn === TOPIC_ALERTS && { KmsMasterKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY_PHI}` }),
        })}</Attributes>`,
      );
    case 'ListTagsForResource':
      return snsXml(
        call.action,
        arn === TOPIC_ALERTS ? '<Tags><member><Key>PHI</Key><Value>true</Value></member></Tags>' : '<Tags/>',
      );
    default:
      return queryError('InvalidAction', `fake has no ${call.action}`);
  }
}

// ------------------------------------------ EC2 DescribeFlowLogs (EC2 API Reference, query XML)
export const FLOW_LOG_VPC = 'fl-0a1b2c3d4e5f60071';
const flowLog = (o: { id: string; resource: string; region: string }) =>
  `<item><creationTime>2024-03-01T09:00:00.000Z</creationTime><deliverLogsPermissionArn>arn:aws:iam::${ACCOUNT}:role/flow-logs</deliverLogsPermissionArn><deliverLogsStatus>SUCCESS</deliverLogsStatus><flowLogId>${o.id}</flowLogId><flowLogStatus>ACTIVE</flowLogStatus><logGroupName>/vpc/flow-logs</logGroupName><resourceId>${o.resource}</resourceId><trafficType>ALL</trafficType><logDestinationType>cloud-watch-logs</logDestinationType><logDestination>arn:aws:logs:${o.region}:${ACCOUNT}:log-group:/vpc/flow-logs</logDestination><logFormat>\${version} \${account-id} \${interface-id} \${srcaddr} \${dstaddr} \${srcport} \${dstport} \${protocol} \${packets} \${bytes} \${start} \${end} \${action} \${log-status}</logFormat><tagSet><item><key>Name</key><value>${o.id}</value></item></tagSet><maxAggregationInterval>600</maxAggregationInterval></item>`;
const flowLogsXml = (items: string, nextToken?: string): AwsReply => ({
  body: `<?xml version="1.0" encoding="UTF-8"?>
<DescribeFlowLogsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>3cb46f23-099e-4bf0-891c-EXAMPLE</requestId><flowLogSet>${items}</flowLogSet>${nextToken ? `<nextToken>${nextToken}</nextToken>` : ''}</DescribeFlowLogsResponse>`,
});

function ec2(call: AwsCall): AwsReply {
  if (call.action !== 'DescribeFlowLogs') return queryAnswer(call);
  if (call.region !== 'us-east-1')
    return flowLogsXml(
      flowLog({ id: 'fl-0a1b2c3d4e5f60073', resource: 'subnet-0a1b2c3d4e5f60011', region: call.region }),
    );
  return page2(call)
    ? flowLogsXml(
        flowLog({ id: 'fl-0a1b2c3d4e5f60072', resource: 'eni-0a1b2c3d4e5f60081', region: call.region }),
      )
    : flowLogsXml(flowLog({ id: FLOW_LOG_VPC, resource: VPC, region: call.region }), 'flow-logs-page-2');
}

// ------------------------------------------ Organizations (Organizations API Reference, JSON 1.1)
export const ORG_ID = 'o-a1b2c3d4e5';
export const ROOT_ID = 'r-a1b2';
export const OU_ID = 'ou-a1b2-f6g7h8i9';
const policyArn = (id: string) =>
  `arn:aws:organizations::${ACCOUNT}:policy/${ORG_ID}/service_control_policy/${id}`;
export const SCP_FULL = 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess';
export const SCP_WRITES = policyArn('p-a1b2c3d4');
export const SCP_EBS = policyArn('p-e5f6g7h8');
const policies: Record<
  string,
  { summary: Record<string, unknown>; content: unknown; targets: Record<string, string>[] }
> = {
  'p-FullAWSAccess': {
    summary: {
      Id: 'p-FullAWSAccess',
      Arn: SCP_FULL,
      Name: 'FullAWSAccess',
      Description: 'Allows access to every operation',
      Type: 'SERVICE_CONTROL_POLICY',
      AwsManaged: true,
    },
    content: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
    targets: [
      {
        TargetId: ROOT_ID,
        Arn: `arn:aws:organizations::${ACCOUNT}:root/${ORG_ID}/${ROOT_ID}`,
        Name: 'Root',
        Type: 'ROOT',
      },
    ],
  },
  'p-a1b2c3d4': {
    summary: {
      Id: 'p-a1b2c3d4',
      Arn: SCP_WRITES,
      Name: 'deny-unencrypted-writes',
      Description: 'S3 puts and RDS instances must be encrypted',
      Type: 'SERVICE_CONTROL_POLICY',
      AwsManaged: false,
    },
    content: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyUnencryptedObjectUploads',
          Effect: 'Deny',
          Action: 's3:PutObject',
          Resource: '*',
          Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
        },
        {
          Sid: 'DenyUnencryptedRds',
          Effect: 'Deny',
          Action: ['rds:CreateDBInstance', 'rds:CreateDBCluster'],
          Resource: '*',
          Condition: { Bool: { 'rds:StorageEncrypted': 'false' } },
        },
      ],
    },
    targets: [
      {
        TargetId: OU_ID,
        Arn: `arn:aws:organizations::${ACCOUNT}:ou/${ORG_ID}/${OU_ID}`,
        Name: 'Clinical',
        Type: 'ORGANIZATIONAL_UNIT',
      },
    ],
  },
  'p-e5f6g7h8': {
    summary: {
      Id: 'p-e5f6g7h8',
      Arn: SCP_EBS,
      Name: 'deny-unencrypted-ebs',
      Description: 'Draft: EBS volumes must be encrypted',
      Type: 'SERVICE_CONTROL_POLICY',
      AwsManaged: false,
    },
    content: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Action: 'ec2:CreateVolume',
          Resource: '*',
          Condition: { Bool: { 'ec2:Encrypted': 'false' } },
        },
      ],
    },
    targets: [],
  },
};

function organizations(call: AwsCall): AwsReply {
  const entry = policies[String(call.params.PolicyId ?? call.params.ResourceId)];
  switch (call.action) {
    case 'DescribeOrganization':
      return json({
        Organization: {
          Id: ORG_ID,
          Arn: `arn:aws:organizations::${ACCOUNT}:organization/${ORG_ID}`,
          FeatureSet: 'ALL',
          MasterAccountArn: `arn:aws:organizations::${ACCOUNT}:account/${ORG_ID}/${ACCOUNT}`,
          MasterAccountId: ACCOUNT,
          MasterAccountEmail: 'aws-root@example.com',
          AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
        },
      });
    case 'ListPolicies': {
      const all = Object.values(policies).map((p) => p.summary);
      return page2(call)
        ? json({ Policies: all.slice(1) })
        : json({ Policies: all.slice(0, 1), NextToken: 'policies-page-2' });
    }
    case 'DescribePolicy':
      return entry
        ? json({ Policy: { PolicySummary: entry.summary, Content: JSON.stringify(entry.content) } })
        : jsonError(
            'PolicyNotFoundException',
            'We can\u2019t find a policy with the PolicyId that you specified.',
          );
    case 'ListTargetsForPolicy':
      return json({ Targets: entry?.targets ?? [] });
    case 'ListTagsForResource':
      return json({ Tags: [{ Key: 'Owner', Value: 'security' }] });
    default:
      return jsonError('InvalidInputException', `fake has no ${call.action}`);
  }
}

const SERVICES: Record<string, (call: AwsCall) => AwsReply> = {
  guardduty,
  secretsmanager,
  acm,
  sns,
  ec2,
  organizations,
};

/** The fixture account; `override` may answer a call first (errors, other organizations). */
export function servicesAccount(
  override?: (call: AwsCall, calls: AwsCall[]) => AwsReply | undefined,
): AwsHandler {
  return (call, calls) => {
    const o = override?.(call, calls);
    if (o !== undefined) return o;
    const answer = SERVICES[call.service];
    return answer ? answer(call) : jsonError('UnknownService', `fake has no ${call.service}`);
  };
}
