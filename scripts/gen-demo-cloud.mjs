#!/usr/bin/env node
// Writes demo/cloud/*.json.gz: the demo fleet's AWS estate as AWS Config configuration snapshots,
// one file per account and region as Config delivers them (`{fileVersion, configSnapshotId,
// configurationItems}`, item version 1.3 spellings). `demo load` imports them with the service
// `import aws-config` uses, so `posture scan` has something to judge.
//
// SYNTHETIC. Accounts 111122223333 / 444455556666 are AWS's documentation placeholders; every
// name, id, key, date and tag below is invented (no PHI, no real organisation). The EC2
// instances and Lambda functions are the ones in demo/fleet.yaml — same ids, regions, names and
// tags — so the cloud sighting and the SBOM sighting merge into one asset. Item shapes follow
// docs/cloud-snapshot.md (what the live collector writes, which is Config's vocabulary).
//
// Deterministic: no clock, no randomness. Ages (access keys, AMIs, deprecations) are set relative
// to each file's capture time, because posture checks judge them at the snapshot's collection
// time. Run `node scripts/gen-demo-cloud.mjs` after editing; the output is committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const OUT = new URL('../demo/cloud/', import.meta.url);
const DAY = 86_400_000;

const PROD = '111122223333';
const NONPROD = '444455556666';

// The prod account's AWS Backup plans; the DR region's vault receives the PHI plan's copies.
const PHI_PLAN = '5a6b7c8d-0000-4000-8000-000000000001';
const EBS_PLAN = '5a6b7c8d-0000-4000-8000-000000000002';
const NONPROD_PLAN = '6b7c8d9e-0000-4000-8000-000000000001';
const DR_VAULT = `arn:aws:backup:us-west-2:${PROD}:backup-vault:phi-dr-vault`;

// ---------------------------------------------------------------------------------------------
// Small builders
// ---------------------------------------------------------------------------------------------

const iso = (ms) => new Date(ms).toISOString();
/** `n` days (fractions allowed) before the capture time `t` (ISO). */
const ago = (t, n) => iso(Date.parse(t) - n * DAY);
/** Invented but well-formed hex ids: `<prefix>-0<12 hex of the scope><4 hex of n>`. */
const hexId = (prefix, scope, n) => `${prefix}-0${scope}${n.toString(16).padStart(4, '0')}`;
const tagList = (tags) => Object.entries(tags).map(([key, value]) => ({ key, value }));
const uuid = (scope, n) => `${scope.slice(0, 8)}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const json = (o) => JSON.stringify(o);

/** One Config item (version 1.3 envelope). */
function item(ctx, r) {
  return {
    configurationItemVersion: '1.3',
    configurationItemCaptureTime: ctx.capturedAt,
    configurationStateId: Date.parse(ctx.capturedAt),
    configurationItemStatus: 'OK',
    awsAccountId: ctx.account,
    resourceType: r.type,
    resourceId: r.resourceId,
    resourceName: r.name,
    ARN: r.arn,
    awsRegion: r.region ?? ctx.region,
    ...(r.az && { availabilityZone: r.az }),
    ...(r.created && { resourceCreationTime: r.created }),
    tags: r.tags ?? {},
    relationships: [],
    configuration: r.configuration,
    supplementaryConfiguration: r.supplementary ?? {},
  };
}

const arn = (ctx, service, resource) => `arn:aws:${service}:${ctx.region}:${ctx.account}:${resource}`;

// ---------------------------------------------------------------------------------------------
// Network: VPCs, subnets, route tables, VPC endpoints, security groups
// ---------------------------------------------------------------------------------------------

function vpc(ctx, v) {
  return item(ctx, {
    type: 'AWS::EC2::VPC',
    resourceId: v.id,
    name: v.name,
    arn: arn(ctx, 'ec2', `vpc/${v.id}`),
    tags: { Name: v.name, ...v.tags },
    configuration: {
      vpcId: v.id,
      cidrBlock: v.cidr,
      cidrBlockAssociationSet: [
        {
          associationId: `vpc-cidr-assoc-${v.id.slice(4)}`,
          cidrBlock: v.cidr,
          cidrBlockState: { state: 'associated' },
        },
      ],
      dhcpOptionsId: `dopt-${v.id.slice(4)}`,
      instanceTenancy: 'default',
      isDefault: false,
      ownerId: ctx.account,
      state: 'available',
      tags: tagList({ Name: v.name, ...v.tags }),
    },
  });
}

/** Subnets with their governing route table and publicity (`supplementary.public`). */
function subnet(ctx, s, table) {
  const publicRoute = table.routes.some(
    (r) => r.destinationCidrBlock === '0.0.0.0/0' && r.gatewayId?.startsWith('igw-'),
  );
  const subnetArn = arn(ctx, 'ec2', `subnet/${s.id}`);
  return item(ctx, {
    type: 'AWS::EC2::Subnet',
    resourceId: s.id,
    name: s.name,
    arn: subnetArn,
    az: s.az,
    tags: { Name: s.name },
    configuration: {
      subnetId: s.id,
      subnetArn,
      vpcId: s.vpc,
      cidrBlock: s.cidr,
      availabilityZone: s.az,
      availableIpAddressCount: 240,
      defaultForAz: false,
      mapPublicIpOnLaunch: publicRoute,
      state: 'available',
      ownerId: ctx.account,
      tags: tagList({ Name: s.name }),
    },
    supplementary: { public: publicRoute, routeTableId: table.id },
  });
}

function routeTable(ctx, t) {
  return item(ctx, {
    type: 'AWS::EC2::RouteTable',
    resourceId: t.id,
    name: t.name,
    arn: arn(ctx, 'ec2', `route-table/${t.id}`),
    tags: { Name: t.name },
    configuration: {
      routeTableId: t.id,
      vpcId: t.vpc,
      ownerId: ctx.account,
      routes: [
        { destinationCidrBlock: t.vpcCidr, gatewayId: 'local', origin: 'CreateRouteTable', state: 'active' },
        ...t.routes.map((r) => ({ ...r, origin: 'CreateRoute', state: 'active' })),
      ],
      associations: [
        ...(t.main
          ? [
              {
                main: true,
                routeTableAssociationId: `rtbassoc-${t.id.slice(4)}`,
                routeTableId: t.id,
                associationState: { state: 'associated' },
              },
            ]
          : []),
        ...t.subnets.map((subnetId, i) => ({
          main: false,
          routeTableAssociationId: `rtbassoc-${t.id.slice(4, -1)}${i + 1}`,
          routeTableId: t.id,
          subnetId,
          associationState: { state: 'associated' },
        })),
      ],
      tags: tagList({ Name: t.name }),
    },
  });
}

function vpcEndpoint(ctx, e) {
  const policy = {
    Version: '2008-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
  };
  return item(ctx, {
    type: 'AWS::EC2::VPCEndpoint',
    resourceId: e.id,
    name: e.id,
    arn: arn(ctx, 'ec2', `vpc-endpoint/${e.id}`),
    configuration: {
      vpcEndpointId: e.id,
      vpcEndpointType: e.type,
      vpcId: e.vpc,
      serviceName: `com.amazonaws.${ctx.region}.${e.service}`,
      state: 'available',
      policyDocument: json(policy),
      routeTableIds: e.routeTables ?? [],
      subnetIds: e.subnets ?? [],
      privateDnsEnabled: e.type === 'Interface',
      creationTimestamp: e.created,
      ownerId: ctx.account,
    },
  });
}

/** A security-group rule in Config's spelling (`ipRanges` as CIDR strings next to `ipv4Ranges`). */
function rule(ipProtocol, fromPort, toPort, cidrs = [], groups = []) {
  return {
    ipProtocol,
    ...(ipProtocol !== '-1' && { fromPort, toPort }),
    ipRanges: cidrs,
    ipv4Ranges: cidrs.map((cidrIp) => ({ cidrIp })),
    ipv6Ranges: [],
    prefixListIds: [],
    userIdGroupPairs: groups.map((groupId) => ({ groupId })),
  };
}

function securityGroup(ctx, g) {
  return item(ctx, {
    type: 'AWS::EC2::SecurityGroup',
    resourceId: g.id,
    name: g.name,
    arn: arn(ctx, 'ec2', `security-group/${g.id}`),
    tags: g.tags ?? {},
    configuration: {
      groupId: g.id,
      groupName: g.name,
      description: g.description,
      vpcId: g.vpc,
      ownerId: ctx.account,
      ipPermissions: g.ingress,
      ipPermissionsEgress: g.egress ?? [rule('-1', 0, 0, ['0.0.0.0/0'])],
      tags: tagList(g.tags ?? {}),
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Compute: AMIs, instances, volumes, SSM, EBS default, Lambda, ECR
// ---------------------------------------------------------------------------------------------

/** AMIs by id; `age` and `deprecatesIn` are days relative to the capture time. */
function image(ctx, a) {
  return {
    imageId: a.id,
    name: a.name,
    ownerId: a.owner === 'amazon' ? '137112412989' : ctx.account,
    ...(a.owner === 'amazon' && { imageOwnerAlias: 'amazon' }),
    creationDate: ago(ctx.capturedAt, a.age),
    ...(a.deprecatesIn !== undefined && { deprecationTime: ago(ctx.capturedAt, -a.deprecatesIn) }),
  };
}

function instance(ctx, i) {
  const tags = { Name: i.name, ...i.tags };
  const state =
    i.stoppedDaysAgo === undefined ? { code: 16, name: 'running' } : { code: 80, name: 'stopped' };
  const stopped = i.stoppedDaysAgo === undefined ? undefined : ago(ctx.capturedAt, i.stoppedDaysAgo);
  const launched = ago(ctx.capturedAt, i.launchedDaysAgo);
  const supplementary = i.ami.unavailable
    ? {
        imageUnavailable:
          'DescribeImages did not return the image: deregistered, or no longer shared with this account',
      }
    : { image: image(ctx, i.ami) };
  return item(ctx, {
    type: 'AWS::EC2::Instance',
    resourceId: i.id,
    name: i.name,
    arn: arn(ctx, 'ec2', `instance/${i.id}`),
    az: i.az,
    created: launched,
    tags,
    configuration: {
      instanceId: i.id,
      imageId: i.ami.id,
      instanceType: i.type,
      architecture: i.type.includes('g.') ? 'arm64' : 'x86_64',
      launchTime: launched,
      placement: { availabilityZone: i.az, tenancy: 'default' },
      privateIpAddress: i.privateIp,
      ...(i.publicIp && { publicIpAddress: i.publicIp }),
      subnetId: i.subnet,
      vpcId: i.vpc,
      state,
      stateTransitionReason: stopped ? `User initiated (${stopped.slice(0, 19).replace('T', ' ')} GMT)` : '',
      ...(stopped && {
        stateReason: {
          code: 'Client.UserInitiatedShutdown',
          message: 'Client.UserInitiatedShutdown: User initiated shutdown',
        },
      }),
      securityGroups: i.groups.map(([groupId, groupName]) => ({ groupId, groupName })),
      ...(i.profile && {
        iamInstanceProfile: {
          arn: `arn:aws:iam::${ctx.account}:instance-profile/${i.profile}`,
          id: `AIPA${i.id.slice(-12).toUpperCase()}DEMO`,
        },
      }),
      metadataOptions: {
        state: 'applied',
        httpTokens: i.imdsv2 ? 'required' : 'optional',
        httpPutResponseHopLimit: 2,
        httpEndpoint: 'enabled',
        httpProtocolIpv6: 'disabled',
        instanceMetadataTags: 'disabled',
      },
      rootDeviceName: '/dev/xvda',
      rootDeviceType: 'ebs',
      blockDeviceMappings: i.volumes.map((v) => ({
        deviceName: v.device,
        ebs: {
          volumeId: v.id,
          status: 'attached',
          attachTime: launched,
          deleteOnTermination: v.device === '/dev/xvda',
        },
      })),
      platformDetails: 'Linux/UNIX',
      virtualizationType: 'hvm',
      hypervisor: 'xen',
      enaSupport: true,
      ebsOptimized: true,
      monitoring: { state: 'disabled' },
      tags: tagList(tags),
    },
    supplementary,
  });
}

function volume(ctx, v, attachedTo) {
  return item(ctx, {
    type: 'AWS::EC2::Volume',
    resourceId: v.id,
    name: v.id,
    arn: arn(ctx, 'ec2', `volume/${v.id}`),
    az: v.az,
    created: v.created,
    tags: v.tags ?? {},
    configuration: {
      volumeId: v.id,
      size: v.size,
      volumeType: 'gp3',
      iops: 3000,
      throughput: 125,
      availabilityZone: v.az,
      createTime: v.created,
      encrypted: v.encrypted,
      ...(v.encrypted && { kmsKeyId: v.kmsKey }),
      multiAttachEnabled: false,
      snapshotId: v.snapshot ?? '',
      state: attachedTo ? 'in-use' : 'available',
      attachments: attachedTo
        ? [
            {
              attachTime: v.created,
              device: v.device,
              instanceId: attachedTo,
              state: 'attached',
              volumeId: v.id,
              deleteOnTermination: v.device === '/dev/xvda',
            },
          ]
        : [],
      tags: tagList(v.tags ?? {}),
    },
  });
}

function ebsDefault(ctx, on) {
  return item(ctx, {
    type: 'AWS::EC2::EBSEncryptionByDefault',
    resourceId: 'ebs-encryption-by-default',
    name: `ebs-encryption-by-default ${ctx.region}`,
    arn: arn(ctx, 'ec2', 'ebs-encryption-by-default'),
    configuration: { ebsEncryptionByDefault: on, sseType: on ? 'sse-ebs' : undefined },
  });
}

/** The SSM inventory item (instance information only: no application inventory is associated). */
function ssmInventory(ctx, i, platform) {
  return item(ctx, {
    type: 'AWS::SSM::ManagedInstanceInventory',
    resourceId: i.id,
    name: i.id,
    arn: arn(ctx, 'ssm', `managed-instance-inventory/${i.id}`),
    configuration: {
      'AWS:InstanceInformation': {
        SchemaVersion: '1.0',
        Content: {
          [i.id]: {
            AgentVersion: '3.3.1611.0',
            ComputerName: `ip-${i.privateIp.replaceAll('.', '-')}.ec2.internal`,
            InstanceId: i.id,
            IpAddress: i.privateIp,
            PlatformName: platform.name,
            PlatformType: 'Linux',
            PlatformVersion: platform.version,
            ResourceType: 'EC2Instance',
          },
        },
      },
    },
  });
}

/** Patch compliance: `missing` lists the non-compliant patches (id, title, severity, class). */
function patchCompliance(ctx, i, p) {
  const scanned = ago(ctx.capturedAt, p.scannedDaysAgo ?? 0.2);
  // The Critical count is by the baseline's compliance level, which these baselines leave
  // unspecified (SSM API Reference, InstancePatchState): only the Security count is set.
  const critical = 0;
  const security = p.missing.filter((m) => m.classification === 'Security').length;
  const patch = {
    ComplianceSummary: {
      ComplianceType: 'Patch',
      PatchBaselineId: p.baseline,
      PatchGroup: p.group,
      Status: p.missing.length > 0 ? 'NON_COMPLIANT' : 'COMPLIANT',
      NonCompliantCriticalCount: critical,
      ExecutionTime: scanned,
    },
  };
  for (const m of p.missing) {
    patch[m.id] = {
      Id: m.id,
      Title: m.title,
      Status: 'NON_COMPLIANT',
      PatchSeverity: m.severity,
      Classification: m.classification,
      PatchState: 'Missing',
      PatchBaselineId: p.baseline,
      PatchGroup: p.group,
    };
  }
  return item(ctx, {
    type: 'AWS::SSM::PatchCompliance',
    resourceId: `AWS::SSM::ManagedInstanceInventory/${i.id}`,
    name: i.id,
    arn: arn(ctx, 'ssm', `patch-compliance/${i.id}`),
    configuration: {
      'AWS:ComplianceItem': { SchemaVersion: '1.0', ComplianceType: 'Patch', Content: { Patch: patch } },
    },
    supplementary: {
      patchState: {
        instanceId: i.id,
        patchGroup: p.group,
        baselineId: p.baseline,
        installedCount: p.installed,
        installedOtherCount: 0,
        installedPendingRebootCount: 0,
        installedRejectedCount: 0,
        missingCount: p.missing.length,
        failedCount: 0,
        unreportedNotApplicableCount: 0,
        notApplicableCount: 412,
        operationStartTime: ago(scanned, 0.01),
        operationEndTime: scanned,
        operation: 'Scan',
        criticalNonCompliantCount: critical,
        securityNonCompliantCount: security,
        otherNonCompliantCount: p.missing.length - security,
      },
    },
  });
}

// Lambda runtime deprecation dates (AWS Lambda Developer Guide, "Lambda runtimes"), as the live
// collector attaches them (src/sources/cloud/aws/services/lambda-runtimes.ts).
const RUNTIME_DEPRECATION = {
  'python3.9': '2025-12-15',
  'python3.11': '2026-06-30',
  'provided.al2023': '2029-06-30',
};

function lambda(ctx, f) {
  const functionArn = arn(ctx, 'lambda', `function:${f.name}`);
  const tags = { ...f.tags };
  return item(ctx, {
    type: 'AWS::Lambda::Function',
    resourceId: f.name,
    name: f.name,
    arn: functionArn,
    created: f.modified,
    tags,
    configuration: {
      functionName: f.name,
      functionArn,
      runtime: f.runtime,
      role: `arn:aws:iam::${ctx.account}:role/${f.role}`,
      handler: f.runtime.startsWith('provided') ? 'bootstrap' : 'app.handler',
      codeSize: f.codeSize,
      description: f.description,
      timeout: f.timeout,
      memorySize: f.memory,
      lastModified: f.modified,
      codeSha256: f.codeSha256,
      version: '$LATEST',
      ...(f.vpc && {
        vpcConfig: { subnetIds: f.vpc.subnets, securityGroupIds: f.vpc.groups, vpcId: f.vpc.id },
      }),
      tracingConfig: { mode: f.tracing ? 'Active' : 'PassThrough' },
      revisionId: uuid(f.codeSha256.replace(/[^0-9a-f]/gi, '0').toLowerCase(), 1),
      state: 'Active',
      lastUpdateStatus: 'Successful',
      packageType: 'Zip',
      architectures: [f.arch ?? 'arm64'],
      ephemeralStorage: { size: 512 },
      loggingConfig: { logFormat: 'JSON', logGroup: `/aws/lambda/${f.name}` },
      ...(f.kmsKey && { kmskeyArn: f.kmsKey }),
      environmentVariableNames: f.env,
    },
    supplementary: {
      runtimeDeprecation: { date: RUNTIME_DEPRECATION[f.runtime] },
      Policy: null,
      functionUrlConfigs: [],
    },
  });
}

function ecrRepository(ctx, r) {
  const repoArn = arn(ctx, 'ecr', `repository/${r.name}`);
  return item(ctx, {
    type: 'AWS::ECR::Repository',
    resourceId: r.name,
    name: r.name,
    arn: repoArn,
    created: r.created,
    tags: r.tags,
    configuration: {
      RepositoryName: r.name,
      Arn: repoArn,
      RepositoryUri: `${ctx.account}.dkr.ecr.${ctx.region}.amazonaws.com/${r.name}`,
      ImageTagMutability: r.immutable ? 'IMMUTABLE' : 'MUTABLE',
      ImageScanningConfiguration: { ScanOnPush: r.scanOnPush },
      EncryptionConfiguration: { EncryptionType: 'AES256' },
      RegistryId: ctx.account,
      CreatedAt: r.created,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Data: KMS, S3, RDS, CloudWatch Logs
// ---------------------------------------------------------------------------------------------

function kmsKey(ctx, k) {
  const keyArn = arn(ctx, 'kms', `key/${k.id}`);
  const customer = k.manager === 'CUSTOMER';
  return item(ctx, {
    type: 'AWS::KMS::Key',
    resourceId: k.id,
    name: k.aliases[0],
    arn: keyArn,
    created: k.created,
    tags: k.tags ?? {},
    configuration: {
      aWSAccountId: ctx.account,
      keyId: k.id,
      arn: keyArn,
      creationDate: k.created,
      enabled: true,
      description: k.description,
      keyUsage: 'ENCRYPT_DECRYPT',
      keyState: 'Enabled',
      origin: 'AWS_KMS',
      keyManager: k.manager,
      customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      keySpec: 'SYMMETRIC_DEFAULT',
      encryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      multiRegion: false,
    },
    supplementary: {
      aliases: k.aliases,
      // AWS-managed keys rotate on their own: no rotation status of ours to read (kms.ts).
      keyRotationStatus: customer
        ? {
            keyRotationEnabled: k.rotation,
            ...(k.rotation && {
              rotationPeriodInDays: 365,
              nextRotationDate: ago(ctx.capturedAt, -k.nextRotationIn),
            }),
          }
        : null,
    },
  });
}

/** An ACL grantee in the collector's shape (s3.ts `grant`): the type kept, absent fields null. */
const grantee = (type, g) => ({ type, id: null, displayName: null, uri: null, emailAddress: null, ...g });
const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

function bucket(ctx, b) {
  const ownerId = ctx.canonicalId;
  const grants = [
    { grantee: grantee('CanonicalUser', { id: ownerId }), permission: 'FULL_CONTROL' },
    ...(b.logDeliveryAcl
      ? [
          { grantee: grantee('Group', { uri: LOG_DELIVERY }), permission: 'WRITE' },
          { grantee: grantee('Group', { uri: LOG_DELIVERY }), permission: 'READ_ACP' },
        ]
      : []),
  ];
  const sse = b.kmsKey
    ? { sseAlgorithm: 'aws:kms', kmsMasterKeyID: b.kmsKey }
    : { sseAlgorithm: 'AES256', kmsMasterKeyID: null };
  const region = b.region ?? ctx.region;
  return item(ctx, {
    type: 'AWS::S3::Bucket',
    resourceId: b.name,
    name: b.name,
    arn: `arn:aws:s3:::${b.name}`,
    region,
    created: b.created,
    tags: b.tags,
    configuration: {
      name: b.name,
      owner: { id: ownerId, displayName: null },
      creationDate: b.created,
      region,
    },
    supplementary: {
      // Config delivers the ACL as JSON text; the importer parses it.
      AccessControlList: json({
        grantSet: null,
        grantList: grants,
        owner: { displayName: null, id: ownerId },
        isRequesterCharged: false,
      }),
      BucketPolicy: b.policy ? { policyText: json(b.policy) } : null,
      BucketPolicyStatus: b.policy ? { isPublic: b.publicPolicy === true } : null,
      PublicAccessBlockConfiguration: b.blockPublic
        ? {
            blockPublicAcls: true,
            ignorePublicAcls: true,
            blockPublicPolicy: true,
            restrictPublicBuckets: true,
          }
        : null,
      ServerSideEncryptionConfiguration: {
        rules: [{ applyServerSideEncryptionByDefault: sse, bucketKeyEnabled: Boolean(b.kmsKey) }],
      },
      BucketVersioningConfiguration: {
        status: b.versioning ?? 'Off',
        isMfaDeleteEnabled: b.mfaDelete ?? null,
      },
      BucketLoggingConfiguration: {
        destinationBucketName: b.logTo ?? null,
        logFilePrefix: b.logTo ? `s3/${b.name}/` : null,
      },
      BucketLifecycleConfiguration: b.lifecycle ? { rules: b.lifecycle } : null,
      BucketTaggingConfiguration: Object.keys(b.tags).length > 0 ? { tagSets: [{ tags: b.tags }] } : null,
      OwnershipControls: {
        rules: [{ objectOwnership: b.logDeliveryAcl ? 'ObjectWriter' : 'BucketOwnerEnforced' }],
      },
      ObjectLockConfiguration: null,
      BucketReplicationConfiguration: b.replication ?? null,
      BucketNotificationConfiguration: { configurations: {}, eventBridgeEnabled: false },
    },
  });
}

function accountPublicAccessBlock(ctx, flags) {
  return item(ctx, {
    type: 'AWS::S3::AccountPublicAccessBlock',
    resourceId: ctx.account,
    name: ctx.account,
    arn: `arn:aws:s3::${ctx.account}:account-public-access-block`,
    region: 'global',
    configuration: flags ?? {},
    supplementary: { configured: flags !== null },
  });
}

function rds(ctx, d) {
  const dbArn = arn(ctx, 'rds', `db:${d.id}`);
  const tags = d.tags;
  return item(ctx, {
    type: 'AWS::RDS::DBInstance',
    resourceId: `db-${d.resourceId}`,
    name: d.id,
    arn: dbArn,
    az: d.az,
    created: d.created,
    tags,
    configuration: {
      dBInstanceIdentifier: d.id,
      dBInstanceClass: d.class,
      engine: d.engine,
      engineVersion: d.version,
      dBInstanceStatus: 'available',
      masterUsername: 'dbadmin',
      dBName: d.dbName,
      endpoint: {
        address: `${d.id}.c1demo0example.${ctx.region}.rds.amazonaws.com`,
        port: d.engine === 'postgres' ? 5432 : 3306,
      },
      allocatedStorage: d.storage,
      instanceCreateTime: d.created,
      preferredBackupWindow: '07:00-07:30',
      backupRetentionPeriod: d.backupDays,
      vpcSecurityGroups: [{ vpcSecurityGroupId: d.group, status: 'active' }],
      dBSubnetGroup: { dBSubnetGroupName: d.subnetGroup, vpcId: d.vpc, subnetGroupStatus: 'Complete' },
      availabilityZone: d.az,
      ...(d.multiAZ && { secondaryAvailabilityZone: d.az.replace(/a$/, 'b') }),
      multiAZ: d.multiAZ,
      autoMinorVersionUpgrade: d.autoMinor,
      publiclyAccessible: d.public,
      storageType: 'gp3',
      storageEncrypted: d.encrypted,
      ...(d.encrypted && { kmsKeyId: d.kmsKey }),
      dbiResourceId: `db-${d.resourceId}`,
      caCertificateIdentifier: 'rds-ca-rsa2048-g1',
      dBInstanceArn: dbArn,
      iAMDatabaseAuthenticationEnabled: d.iamAuth ?? false,
      deletionProtection: d.deletionProtection,
      copyTagsToSnapshot: true,
      performanceInsightsEnabled: false,
      monitoringInterval: d.monitoring ? 60 : 0,
      ...(d.monitoring && { monitoringRoleArn: `arn:aws:iam::${ctx.account}:role/rds-monitoring-role` }),
      enabledCloudwatchLogsExports: d.logExports ?? [],
      tagList: tagList(tags),
    },
    supplementary: { pendingMaintenanceActions: d.pending ?? [] },
  });
}

function logGroup(ctx, g) {
  const groupArn = arn(ctx, 'logs', `log-group:${g.name}`);
  return item(ctx, {
    type: 'AWS::Logs::LogGroup',
    resourceId: g.name,
    name: g.name,
    arn: groupArn,
    tags: g.tags ?? {},
    configuration: {
      logGroupName: g.name,
      creationTime: Date.parse(g.created),
      ...(g.retention !== undefined && { retentionInDays: g.retention }),
      metricFilterCount: 0,
      arn: `${groupArn}:*`,
      logGroupArn: groupArn,
      storedBytes: g.bytes,
      ...(g.kmsKey && { kmsKeyId: g.kmsKey }),
      logGroupClass: 'STANDARD',
    },
    supplementary: { sensitiveDataSample: logSample(ctx, g) },
  });
}

// The detectors of the logs collector's sampled scan (log-sample-detectors.ts).
const LOG_DETECTORS = [
  'us-ssn',
  'mrn-label',
  'dob-label',
  'aws-access-key-id',
  'aws-session-token',
  'jwt',
  'bearer-token',
];

/**
 * The collector's sampled scan of a group's last day (log-sample.ts): counts only, never event
 * text. `g.events` read (200 is the bound: truncated), `g.hits` per detector.
 */
function logSample(ctx, g) {
  const events = g.events ?? 200;
  const detectors = Object.fromEntries(
    LOG_DETECTORS.map((id) => {
      const hits = g.hits?.[id] ?? 0;
      const firstHit = hits > 0 ? { logStreamName: g.hitStream, timestamp: ago(ctx.capturedAt, 0.31) } : null;
      return [id, { hits, firstHit }];
    }),
  );
  return { windowHours: 24, eventsSampled: events, truncated: events >= 200, detectors };
}

/** A VPC flow log (DescribeFlowLogs camel-cased); `on` is the VPC, subnet or interface id. */
function flowLog(ctx, f) {
  const destination =
    f.bucket !== undefined
      ? { logDestinationType: 's3', logDestination: `arn:aws:s3:::${f.bucket}/vpc-flow-logs/` }
      : {
          logDestinationType: 'cloud-watch-logs',
          logGroupName: f.logGroup,
          logDestination: arn(ctx, 'logs', `log-group:${f.logGroup}`),
          deliverLogsPermissionArn: `arn:aws:iam::${ctx.account}:role/vpc-flow-logs`,
        };
  return item(ctx, {
    type: 'AWS::EC2::FlowLog',
    resourceId: f.id,
    name: f.id,
    arn: arn(ctx, 'ec2', `vpc-flow-log/${f.id}`),
    created: f.created,
    configuration: {
      creationTime: f.created,
      flowLogId: f.id,
      flowLogStatus: 'ACTIVE',
      deliverLogsStatus: f.failed ? 'FAILED' : 'SUCCESS',
      ...(f.failed && { deliverLogsErrorMessage: 'Access error' }),
      resourceId: f.on,
      trafficType: 'ALL',
      ...destination,
      logFormat:
        // EC2's default flow log format, whose fields are written `${field}`.
        `\${version} \${account-id} \${interface-id} \${srcaddr} \${dstaddr} \${srcport} \${dstport} \${protocol} \${packets} \${bytes} \${start} \${end} \${action} \${log-status}`,
      maxAggregationInterval: 600,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// AWS Backup (the backup collector's shapes: camel-cased API answers, selections in the plan)
// ---------------------------------------------------------------------------------------------

// AWS Backup's per-type opt-in as DescribeRegionSettings answers it in a typical account.
const OPT_IN = {
  Aurora: true,
  CloudFormation: true,
  DocumentDB: true,
  DynamoDB: true,
  EBS: true,
  EC2: true,
  EFS: true,
  FSx: true,
  Neptune: true,
  RDS: true,
  Redshift: false,
  S3: false,
  'Storage Gateway': true,
  VirtualMachine: true,
};

function backupSettings(ctx) {
  return item(ctx, {
    type: 'AWS::Backup::RegionSettings',
    resourceId: 'region-settings',
    name: `${ctx.region} AWS Backup settings`,
    arn: arn(ctx, 'backup', 'region-settings'),
    configuration: {
      resourceTypeOptInPreference: OPT_IN,
      resourceTypeManagementPreference: { DynamoDB: true, EFS: true },
    },
  });
}

/** A backup plan; `select` lists selections as `{name, tags: {k: v}, resources: [arn patterns]}`. */
function backupPlan(ctx, p) {
  const planArn = arn(ctx, 'backup', `backup-plan:${p.id}`);
  const role = `arn:aws:iam::${ctx.account}:role/service-role/AWSBackupDefaultServiceRole`;
  return item(ctx, {
    type: 'AWS::Backup::BackupPlan',
    resourceId: p.id,
    name: p.name,
    arn: planArn,
    created: p.created,
    tags: p.tags ?? {},
    configuration: {
      backupPlan: {
        backupPlanName: p.name,
        rules: p.rules.map((r, i) => ({
          ruleName: r.name,
          targetBackupVaultName: p.vault,
          scheduleExpression: r.schedule,
          scheduleExpressionTimezone: 'Etc/UTC',
          startWindowMinutes: 60,
          completionWindowMinutes: 180,
          lifecycle: { deleteAfterDays: r.keepDays },
          ruleId: uuid(p.id, i + 1),
          copyActions: (r.copies ?? []).map((c) => ({
            destinationBackupVaultArn: c.vault,
            lifecycle: { deleteAfterDays: c.keepDays },
          })),
          enableContinuousBackup: false,
        })),
      },
      backupPlanArn: planArn,
      backupPlanId: p.id,
      versionId: `${p.id.slice(0, 8)}-v1`,
      creationDate: p.created,
      lastExecutionDate: ago(ctx.capturedAt, 0.04),
    },
    supplementary: {
      backupSelections: p.select.map((sel, i) => ({
        selectionId: uuid(p.id, 0x100 + i),
        selectionName: sel.name,
        backupPlanId: p.id,
        creationDate: p.created,
        iamRoleArn: role,
        backupSelection: {
          selectionName: sel.name,
          iamRoleArn: role,
          resources: sel.resources ?? [],
          notResources: [],
          listOfTags: Object.entries(sel.tags ?? {}).map(([conditionKey, conditionValue]) => ({
            conditionType: 'STRINGEQUALS',
            conditionKey,
            conditionValue,
          })),
          conditions: { stringEquals: [], stringNotEquals: [], stringLike: [], stringNotLike: [] },
        },
      })),
    },
  });
}

/** A vault and every recovery point it holds (`points`: resource ARN, type, age in days, encryption). */
function backupVault(ctx, v) {
  const vaultArn = arn(ctx, 'backup', `backup-vault:${v.name}`);
  const points = v.points.map((pt, i) => {
    const created = ago(ctx.capturedAt, pt.age + 0.2);
    const rpArn =
      pt.type === 'RDS'
        ? arn(ctx, 'rds', `snapshot:awsbackup:job-${uuid(v.keyId, 0x200 + i)}`)
        : pt.type === 'EC2'
          ? `arn:aws:ec2:${ctx.region}::image/${hexId('ami', ctx.hex, 0x200 + i)}`
          : `arn:aws:ec2:${ctx.region}::snapshot/${hexId('snap', ctx.hex, 0x200 + i)}`;
    const planArn = pt.planArn ?? arn(ctx, 'backup', `backup-plan:${pt.plan}`);
    return item(ctx, {
      type: 'AWS::Backup::RecoveryPoint',
      resourceId: rpArn,
      name: pt.name,
      arn: rpArn,
      created,
      configuration: {
        recoveryPointArn: rpArn,
        backupVaultName: v.name,
        backupVaultArn: vaultArn,
        resourceArn: pt.resource,
        resourceType: pt.type,
        resourceName: pt.name,
        createdBy: {
          backupPlanId: pt.plan,
          backupPlanArn: planArn,
          backupPlanVersion: `${pt.plan.slice(0, 8)}-v1`,
        },
        iamRoleArn: `arn:aws:iam::${ctx.account}:role/service-role/AWSBackupDefaultServiceRole`,
        status: 'COMPLETED',
        creationDate: created,
        completionDate: ago(created, -0.02),
        backupSizeInBytes: pt.bytes,
        lifecycle: { deleteAfterDays: pt.keepDays },
        calculatedLifecycle: { deleteAt: ago(created, -pt.keepDays) },
        isEncrypted: pt.encrypted !== false,
        ...(pt.encrypted !== false && { encryptionKeyArn: arn(ctx, 'kms', `key/${v.keyId}`) }),
        vaultType: 'BACKUP_VAULT',
      },
    });
  });
  return [
    item(ctx, {
      type: 'AWS::Backup::BackupVault',
      resourceId: v.name,
      name: v.name,
      arn: vaultArn,
      created: v.created,
      tags: v.tags ?? {},
      configuration: {
        backupVaultName: v.name,
        backupVaultArn: vaultArn,
        vaultType: 'BACKUP_VAULT',
        creationDate: v.created,
        encryptionKeyArn: arn(ctx, 'kms', `key/${v.keyId}`),
        creatorRequestId: uuid(v.keyId, 0x300),
        numberOfRecoveryPoints: points.length,
        locked: v.lockedSince !== undefined,
        ...(v.lockedSince !== undefined && {
          lockDate: v.lockedSince,
          minRetentionDays: 35,
          maxRetentionDays: 2557,
        }),
      },
      supplementary: {
        accessPolicy: v.policy ?? null,
        recoveryPointsListed: points.length,
        recoveryPointsTruncated: false,
      },
    }),
    ...points,
  ];
}

// ---------------------------------------------------------------------------------------------
// Load balancers
// ---------------------------------------------------------------------------------------------

// The TLS protocols and ciphers of the ELB security policies used (ELB User Guide, "Security
// policies for your Application Load Balancer").
const SSL_POLICIES = {
  'ELBSecurityPolicy-TLS13-1-2-2021-06': {
    sslProtocols: ['TLSv1.2', 'TLSv1.3'],
    ciphers: [
      'TLS_AES_128_GCM_SHA256',
      'TLS_AES_256_GCM_SHA384',
      'TLS_CHACHA20_POLY1305_SHA256',
      'ECDHE-ECDSA-AES128-GCM-SHA256',
      'ECDHE-RSA-AES128-GCM-SHA256',
      'ECDHE-ECDSA-AES128-SHA256',
      'ECDHE-RSA-AES128-SHA256',
      'ECDHE-ECDSA-AES256-GCM-SHA384',
      'ECDHE-RSA-AES256-GCM-SHA384',
      'ECDHE-ECDSA-AES256-SHA384',
      'ECDHE-RSA-AES256-SHA384',
    ],
  },
  'ELBSecurityPolicy-TLS-1-2-2017-01': {
    sslProtocols: ['TLSv1.2'],
    ciphers: [
      'ECDHE-ECDSA-AES128-GCM-SHA256',
      'ECDHE-RSA-AES128-GCM-SHA256',
      'ECDHE-ECDSA-AES128-SHA256',
      'ECDHE-RSA-AES128-SHA256',
      'ECDHE-ECDSA-AES256-GCM-SHA384',
      'ECDHE-RSA-AES256-GCM-SHA384',
      'ECDHE-ECDSA-AES256-SHA384',
      'ECDHE-RSA-AES256-SHA384',
      'AES128-GCM-SHA256',
      'AES128-SHA256',
      'AES256-GCM-SHA384',
      'AES256-SHA256',
    ],
  },
  'ELBSecurityPolicy-2016-08': {
    sslProtocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
    ciphers: [
      'ECDHE-ECDSA-AES128-GCM-SHA256',
      'ECDHE-RSA-AES128-GCM-SHA256',
      'ECDHE-ECDSA-AES128-SHA256',
      'ECDHE-RSA-AES128-SHA256',
      'ECDHE-ECDSA-AES128-SHA',
      'ECDHE-RSA-AES128-SHA',
      'ECDHE-ECDSA-AES256-GCM-SHA384',
      'ECDHE-RSA-AES256-GCM-SHA384',
      'ECDHE-ECDSA-AES256-SHA384',
      'ECDHE-RSA-AES256-SHA384',
      'ECDHE-RSA-AES256-SHA',
      'ECDHE-ECDSA-AES256-SHA',
      'AES128-GCM-SHA256',
      'AES128-SHA256',
      'AES128-SHA',
      'AES256-GCM-SHA384',
      'AES256-SHA256',
      'AES256-SHA',
    ],
  },
};

/** A load balancer and its listeners (`https.policy`, `http: 'redirect' | 'forward'`). */
function loadBalancer(ctx, lb) {
  const lbArn = arn(ctx, 'elasticloadbalancing', `loadbalancer/app/${lb.name}/${lb.suffix}`);
  const target = arn(ctx, 'elasticloadbalancing', `targetgroup/${lb.name}-tg/${lb.suffix.slice(0, 16)}`);
  const listener = (port) =>
    arn(
      ctx,
      'elasticloadbalancing',
      `listener/app/${lb.name}/${lb.suffix}/${lb.suffix.slice(0, 12)}${String(port).padStart(4, '0')}`,
    );
  const listeners = [];
  if (lb.http) {
    listeners.push({
      config: {
        listenerArn: listener(80),
        loadBalancerArn: lbArn,
        port: 80,
        protocol: 'HTTP',
        defaultActions:
          lb.http === 'redirect'
            ? [
                {
                  type: 'redirect',
                  order: 1,
                  redirectConfig: {
                    protocol: 'HTTPS',
                    port: '443',
                    host: '#{host}',
                    path: '/#{path}',
                    query: '#{query}',
                    statusCode: 'HTTP_301',
                  },
                },
              ]
            : [{ type: 'forward', order: 1, targetGroupArn: target }],
      },
      sslPolicy: null,
    });
  }
  if (lb.https) {
    const p = SSL_POLICIES[lb.https];
    listeners.push({
      config: {
        listenerArn: listener(443),
        loadBalancerArn: lbArn,
        port: 443,
        protocol: 'HTTPS',
        sslPolicy: lb.https,
        certificates: [{ certificateArn: arn(ctx, 'acm', `certificate/${uuid(lb.suffix, 443)}`) }],
        defaultActions: [{ type: 'forward', order: 1, targetGroupArn: target }],
      },
      sslPolicy: {
        name: lb.https,
        sslProtocols: p.sslProtocols,
        ciphers: p.ciphers,
        supportedLoadBalancerTypes: ['application'],
      },
    });
  }
  return [
    item(ctx, {
      type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      resourceId: lbArn,
      name: lb.name,
      arn: lbArn,
      created: lb.created,
      tags: lb.tags,
      configuration: {
        loadBalancerArn: lbArn,
        dNSName: `${lb.name}-${lb.suffix.slice(0, 10)}.${ctx.region}.elb.amazonaws.com`,
        canonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
        createdTime: lb.created,
        loadBalancerName: lb.name,
        scheme: lb.scheme,
        vpcId: lb.vpc,
        state: { code: 'active' },
        type: 'application',
        availabilityZones: lb.subnets.map(([subnetId, zoneName]) => ({ subnetId, zoneName })),
        securityGroups: lb.groups,
        ipAddressType: 'ipv4',
      },
      supplementary: {
        listeners: listeners.map((l) => l.config),
        attributes: {
          'access_logs.s3.enabled': String(Boolean(lb.accessLogs)),
          'access_logs.s3.bucket': lb.accessLogs ?? '',
          'deletion_protection.enabled': String(lb.scheme === 'internet-facing'),
          'routing.http.drop_invalid_header_fields.enabled': String(
            lb.https === 'ELBSecurityPolicy-TLS13-1-2-2021-06',
          ),
          'idle_timeout.timeout_seconds': '60',
        },
      },
    }),
    ...listeners.map((l) =>
      item(ctx, {
        type: 'AWS::ElasticLoadBalancingV2::Listener',
        resourceId: l.config.listenerArn,
        name: `${l.config.protocol}:${l.config.port}`,
        arn: l.config.listenerArn,
        configuration: l.config,
        supplementary: { sslPolicy: l.sslPolicy },
      }),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// CloudTrail and IAM
// ---------------------------------------------------------------------------------------------

/** A trail homed in the scope's region; `dataEvents` lists buckets whose object events it records (`*`: all). */
function trail(ctx, t) {
  const trailArn = arn(ctx, 'cloudtrail', `trail/${t.name}`);
  return item(ctx, {
    type: 'AWS::CloudTrail::Trail',
    resourceId: t.name,
    name: t.name,
    arn: trailArn,
    tags: t.tags ?? {},
    configuration: {
      name: t.name,
      s3BucketName: t.bucket,
      s3KeyPrefix: t.prefix,
      includeGlobalServiceEvents: true,
      isMultiRegionTrail: t.multiRegion,
      homeRegion: ctx.region,
      trailARN: trailArn,
      logFileValidationEnabled: t.validation,
      ...(t.logGroup && {
        cloudWatchLogsLogGroupArn: `${arn(ctx, 'logs', `log-group:${t.logGroup}`)}:*`,
        cloudWatchLogsRoleArn: `arn:aws:iam::${ctx.account}:role/cloudtrail-to-cloudwatch`,
      }),
      ...(t.kmsKey && { kmsKeyId: t.kmsKey }),
      hasCustomEventSelectors: t.dataEvents.length > 0,
      hasInsightSelectors: false,
      isOrganizationTrail: false,
      isLogging: true,
    },
    supplementary: {
      trailStatus: {
        isLogging: true,
        latestDeliveryTime: ago(ctx.capturedAt, 0.004),
        startLoggingTime: t.started,
        latestDigestDeliveryTime: t.validation ? ago(ctx.capturedAt, 0.03) : undefined,
        latestCloudWatchLogsDeliveryTime: t.logGroup ? ago(ctx.capturedAt, 0.003) : undefined,
        timeLoggingStarted: t.started.replace('.000Z', 'Z'),
      },
      eventSelectors: {
        eventSelectors: [
          {
            readWriteType: 'All',
            includeManagementEvents: true,
            dataResources:
              t.dataEvents.length > 0
                ? [
                    {
                      type: 'AWS::S3::Object',
                      values: t.dataEvents.map((b) => (b === '*' ? 'arn:aws:s3' : `arn:aws:s3:::${b}/`)),
                    },
                  ]
                : [],
            excludeManagementEventSources: [],
          },
        ],
        advancedEventSelectors: [],
      },
    },
  });
}

/** A credential report row: the CSV's columns, `true`/`false` as booleans, `N/A` as null. */
function credentialRow(ctx, u) {
  const t = ctx.capturedAt;
  const d = (n) => (n === undefined ? null : ago(t, n).replace('.000Z', '+00:00'));
  const key = (n) => u.keys?.[n - 1];
  const row = {
    user: u.name,
    arn: u.arn,
    user_creation_time: d(u.createdDaysAgo),
    password_enabled: u.password !== undefined,
    password_last_used: u.password
      ? u.password.lastUsed === undefined
        ? 'no_information'
        : d(u.password.lastUsed)
      : null,
    password_last_changed: u.password ? d(u.password.changed) : null,
    password_next_rotation: u.password?.nextRotation === undefined ? null : d(-u.password.nextRotation),
    mfa_active: u.mfa === true,
  };
  for (const n of [1, 2]) {
    const k = key(n);
    row[`access_key_${n}_active`] = k !== undefined;
    row[`access_key_${n}_last_rotated`] = k ? d(k.rotated) : null;
    row[`access_key_${n}_last_used_date`] = k ? (k.lastUsed === undefined ? null : d(k.lastUsed)) : null;
    row[`access_key_${n}_last_used_region`] = k?.lastUsed === undefined ? null : k.region;
    row[`access_key_${n}_last_used_service`] = k?.lastUsed === undefined ? null : k.service;
  }
  row.cert_1_active = false;
  row.cert_1_last_rotated = null;
  row.cert_2_active = false;
  row.cert_2_last_rotated = null;
  return row;
}

const inline = (policyName, ...Statement) => ({
  policyName,
  policyDocument: { Version: '2012-10-17', Statement },
});
const allow = (Action, Resource, extra = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });

function iamUser(ctx, u) {
  const userArn = `arn:aws:iam::${ctx.account}:user/${u.name}`;
  const tags = u.tags ?? {};
  return item(ctx, {
    type: 'AWS::IAM::User',
    resourceId: u.id,
    name: u.name,
    arn: userArn,
    region: 'global',
    created: ago(ctx.capturedAt, u.createdDaysAgo),
    tags,
    configuration: {
      path: '/',
      userName: u.name,
      userId: u.id,
      arn: userArn,
      createDate: ago(ctx.capturedAt, u.createdDaysAgo),
      userPolicyList: u.inline ?? [],
      groupList: u.groups ?? [],
      attachedManagedPolicies: (u.managed ?? []).map((policyArn) => ({
        policyName: policyArn.split('/').at(-1),
        policyArn,
      })),
      tags: tagList(tags),
    },
    supplementary: { credentialReport: credentialRow(ctx, { ...u, arn: userArn }) },
  });
}

function iamGroup(ctx, g) {
  const groupArn = `arn:aws:iam::${ctx.account}:group/${g.name}`;
  return item(ctx, {
    type: 'AWS::IAM::Group',
    resourceId: g.id,
    name: g.name,
    arn: groupArn,
    region: 'global',
    configuration: {
      path: '/',
      groupName: g.name,
      groupId: g.id,
      arn: groupArn,
      createDate: g.created,
      groupPolicyList: g.inline ?? [],
      attachedManagedPolicies: (g.managed ?? []).map((policyArn) => ({
        policyName: policyArn.split('/').at(-1),
        policyArn,
      })),
    },
  });
}

function trustFor(service) {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  };
}

function iamRole(ctx, r) {
  const roleArn = `arn:aws:iam::${ctx.account}:role/${r.name}`;
  const tags = r.tags ?? {};
  return item(ctx, {
    type: 'AWS::IAM::Role',
    resourceId: r.id,
    name: r.name,
    arn: roleArn,
    region: 'global',
    created: r.created,
    tags,
    configuration: {
      path: '/',
      roleName: r.name,
      roleId: r.id,
      arn: roleArn,
      createDate: r.created,
      assumeRolePolicyDocument: trustFor(r.trust),
      instanceProfileList:
        r.trust === 'ec2.amazonaws.com'
          ? [{ instanceProfileName: r.name, arn: `arn:aws:iam::${ctx.account}:instance-profile/${r.name}` }]
          : [],
      rolePolicyList: r.inline ?? [],
      attachedManagedPolicies: (r.managed ?? []).map((policyArn) => ({
        policyName: policyArn.split('/').at(-1),
        policyArn,
      })),
      roleLastUsed: { lastUsedDate: ago(ctx.capturedAt, r.lastUsedDaysAgo ?? 0.1), region: ctx.homeRegion },
      tags: tagList(tags),
    },
  });
}

/** A Lambda execution role: its own log group, plus `statements`. */
function lambdaRole(ctx, name, created, statements, tags = {}) {
  return iamRole(ctx, {
    name,
    id: `AROA${name.replaceAll('-', '').toUpperCase().slice(0, 13).padEnd(13, 'X')}DEMO`,
    trust: 'lambda.amazonaws.com',
    created,
    tags,
    inline: [
      inline(
        `${name}-policy`,
        allow(
          ['logs:CreateLogStream', 'logs:PutLogEvents'],
          arn(ctx, 'logs', `log-group:/aws/lambda/${name.replace(/-lambda$/, '')}:*`),
        ),
        ...statements,
      ),
    ],
  });
}

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

function iamPolicy(ctx, p) {
  return item(ctx, {
    type: 'AWS::IAM::Policy',
    resourceId: p.id ?? p.arn,
    name: p.arn.split('/').at(-1),
    arn: p.arn,
    region: 'global',
    configuration: {
      policyName: p.arn.split('/').at(-1),
      ...(p.id && { policyId: p.id }),
      arn: p.arn,
      path: '/',
      defaultVersionId: p.version,
      attachmentCount: p.attachments,
      permissionsBoundaryUsageCount: 0,
      isAttachable: true,
      createDate: p.created,
      updateDate: p.updated ?? p.created,
      policyVersionList: [
        {
          document: p.document,
          versionId: p.version,
          isDefaultVersion: true,
          createDate: p.updated ?? p.created,
        },
      ],
    },
  });
}

// AWS's own managed policy (IAM: "AdministratorAccess"), attached where an account grants admin.
const ADMIN_POLICY = (attachments) => ({
  arn: ADMIN,
  version: 'v1',
  attachments,
  created: '2015-02-06T18:39:46.000Z',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
});

function passwordPolicy(ctx, p) {
  return item(ctx, {
    type: 'AWS::IAM::PasswordPolicy',
    resourceId: `${ctx.account}-password-policy`,
    name: 'account-password-policy',
    arn: `arn:aws:iam::${ctx.account}:account-password-policy`,
    region: 'global',
    configuration: p ?? {},
    supplementary: { configured: p !== null },
  });
}

/** The `<root_account>` row: root has no console password of IAM's kind, so those say not_supported. */
function rootRow(ctx, r) {
  const row = credentialRow(ctx, {
    name: '<root_account>',
    arn: `arn:aws:iam::${ctx.account}:root`,
    createdDaysAgo: r.createdDaysAgo,
    mfa: r.mfa,
  });
  return {
    ...row,
    password_enabled: 'not_supported',
    password_last_used: ago(ctx.capturedAt, r.passwordLastUsed).replace('.000Z', '+00:00'),
    password_last_changed: 'not_supported',
    password_next_rotation: 'not_supported',
  };
}

function root(ctx, r) {
  return item(ctx, {
    type: 'AWS::IAM::RootAccount',
    resourceId: ctx.account,
    name: '<root_account>',
    arn: `arn:aws:iam::${ctx.account}:root`,
    region: 'global',
    configuration: {
      accountMFAEnabled: r.mfa,
      accountAccessKeysPresent: false,
      accountSigningCertificatesPresent: false,
      users: r.users,
      groups: r.groups,
      roles: r.roles,
      policies: r.policies,
      mFADevices: r.mfaDevices,
      mFADevicesInUse: r.mfaDevices,
      accessKeysPerUserQuota: 2,
      usersQuota: 5000,
    },
    supplementary: {
      credentialReport: rootRow(ctx, r),
      virtualMfa: false,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The estate
// ---------------------------------------------------------------------------------------------

/** A regional scope: account, region, capture time and the 12 hex digits its ids carry. */
function scope(account, region, capturedAt, hex) {
  return {
    account,
    region,
    capturedAt,
    hex,
    homeRegion: 'us-east-1',
    canonicalId: `${hex}${'0'.repeat(40)}${account}`.slice(0, 64),
  };
}

const AL2023 = 'Amazon Linux';

/** An EC2 instance of demo/fleet.yaml; unless it says otherwise IMDSv2 is required and it started 40 days ago. */
function fleetInstance(i) {
  return { imdsv2: true, launchedDaysAgo: 40, ...i };
}

// Tags of demo/fleet.yaml shared by several instances; each adds `Name` and mostly `Owner`.
const T = {
  portal: { PHI: 'true', Environment: 'prod', Application: 'patient-portal', CostCenter: 'cc-1040' },
  messaging: { PHI: 'true', Environment: 'prod', Application: 'secure-messaging' },
};

function prodEast() {
  const ctx = scope(PROD, 'us-east-1', '2026-11-23T06:00:00.000Z', 'a1e1c0de0000');
  const id = (p, n) => hexId(p, ctx.hex, n);
  const VPC = id('vpc', 1);
  const igw = id('igw', 1);
  const nat = id('nat', 1);
  const sn = {
    pubA: id('subnet', 0x11),
    pubB: id('subnet', 0x12),
    appA: id('subnet', 0x21),
    appB: id('subnet', 0x22),
    dataA: id('subnet', 0x31),
    dataB: id('subnet', 0x32),
  };
  const rt = { pub: id('rtb', 1), app: id('rtb', 2), main: id('rtb', 3) };
  const sg = {
    default: id('sg', 1),
    alb: id('sg', 2),
    portal: id('sg', 3),
    msg: id('sg', 4),
    sso: id('sg', 5),
    app: id('sg', 6),
    directory: id('sg', 7),
    rds: id('sg', 8),
    lambda: id('sg', 9),
    rdp: id('sg', 0xa),
  };
  const kms = {
    phi: uuid('1a2b3c4d', 1),
    trail: uuid('1a2b3c4d', 2),
    legacy: uuid('1a2b3c4d', 3),
    ebs: uuid('1a2b3c4d', 4),
  };
  const kmsArn = (k) => arn(ctx, 'kms', `key/${k}`);
  const tables = [
    {
      id: rt.pub,
      name: 'prod-public',
      vpc: VPC,
      vpcCidr: '10.10.0.0/16',
      routes: [{ destinationCidrBlock: '0.0.0.0/0', gatewayId: igw }],
      subnets: [sn.pubA, sn.pubB],
    },
    {
      id: rt.app,
      name: 'prod-private',
      vpc: VPC,
      vpcCidr: '10.10.0.0/16',
      routes: [
        { destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat },
        { destinationPrefixListId: 'pl-63a5400a', gatewayId: id('vpce', 1) },
      ],
      subnets: [sn.appA, sn.appB],
    },
    {
      id: rt.main,
      name: 'prod-data (main)',
      vpc: VPC,
      vpcCidr: '10.10.0.0/16',
      routes: [],
      subnets: [],
      main: true,
    },
  ];
  const tableOf = (s) => tables.find((t) => t.subnets.includes(s)) ?? tables[2];
  const subnets = [
    { id: sn.pubA, name: 'prod-public-a', vpc: VPC, cidr: '10.10.0.0/24', az: 'us-east-1a' },
    { id: sn.pubB, name: 'prod-public-b', vpc: VPC, cidr: '10.10.1.0/24', az: 'us-east-1b' },
    { id: sn.appA, name: 'prod-app-a', vpc: VPC, cidr: '10.10.10.0/24', az: 'us-east-1a' },
    { id: sn.appB, name: 'prod-app-b', vpc: VPC, cidr: '10.10.11.0/24', az: 'us-east-1b' },
    { id: sn.dataA, name: 'prod-data-a', vpc: VPC, cidr: '10.10.20.0/24', az: 'us-east-1a' },
    { id: sn.dataB, name: 'prod-data-b', vpc: VPC, cidr: '10.10.21.0/24', az: 'us-east-1b' },
  ];
  const world = ['0.0.0.0/0'];
  const groups = [
    // Emptied by the landing-zone baseline, so nothing can fall back on it.
    {
      id: sg.default,
      name: 'default',
      description: 'default VPC security group',
      vpc: VPC,
      ingress: [],
      egress: [],
    },
    {
      id: sg.alb,
      name: 'prod-alb-public',
      description: 'Public load balancers',
      vpc: VPC,
      ingress: [rule('tcp', 80, 80, world), rule('tcp', 443, 443, world)],
    },
    {
      id: sg.portal,
      name: 'portal-web',
      description: 'Patient portal web servers',
      vpc: VPC,
      ingress: [
        rule('tcp', 80, 80, world),
        rule('tcp', 443, 443, world),
        rule('tcp', 22, 22, ['10.10.0.0/16']),
      ],
    },
    {
      id: sg.msg,
      name: 'secure-messaging-web',
      description: 'Secure messaging web servers',
      vpc: VPC,
      ingress: [rule('tcp', 443, 443, world), rule('tcp', 22, 22, ['10.10.0.0/16'])],
    },
    {
      id: sg.sso,
      name: 'sso-keycloak',
      description: 'Keycloak',
      vpc: VPC,
      ingress: [rule('tcp', 443, 443, world), rule('tcp', 7800, 7800, [], [sg.sso])],
    },
    {
      id: sg.app,
      name: 'prod-app-internal',
      description: 'Internal services',
      vpc: VPC,
      ingress: [rule('tcp', 8080, 8080, ['10.10.0.0/16']), rule('tcp', 22, 22, ['10.10.0.0/16'])],
    },
    {
      id: sg.directory,
      name: 'provider-directory-web',
      description: 'Public provider directory',
      vpc: VPC,
      ingress: [rule('tcp', 80, 80, world), rule('tcp', 443, 443, world)],
    },
    {
      id: sg.rds,
      name: 'prod-rds',
      description: 'Databases',
      vpc: VPC,
      ingress: [
        rule('tcp', 5432, 5432, [], [sg.app, sg.portal, sg.lambda]),
        rule('tcp', 3306, 3306, [], [sg.app]),
      ],
    },
    { id: sg.lambda, name: 'prod-lambda', description: 'Lambda functions in the VPC', vpc: VPC, ingress: [] },
    // Left over from a vendor's remote session during a 2024 migration, attached to nothing.
    {
      id: sg.rdp,
      name: 'legacy-vendor-rdp',
      description: 'TEMP vendor access - remove after cutover',
      vpc: VPC,
      ingress: [rule('tcp', 3389, 3389, world)],
      tags: { CreatedBy: 'migration-2024' },
    },
  ];
  const ami = {
    golden: { id: id('ami', 0x101), name: 'pwdemo-golden-al2023-2026.10.1', owner: 'self', age: 48 },
    al2023: {
      id: id('ami', 0x102),
      name: 'al2023-ami-2023.9.20261020.0-kernel-6.1-x86_64',
      owner: 'amazon',
      age: 34,
      deprecatesIn: 696,
    },
    sso: { id: id('ami', 0x103), name: 'pwdemo-sso-keycloak-2025.06.2', owner: 'self', age: 531 },
    gone: { id: id('ami', 0x104), unavailable: true },
  };
  const vol = (n, device, size, extra = {}) => ({
    id: id('vol', n),
    device,
    size,
    encrypted: true,
    kmsKey: kmsArn(kms.ebs),
    ...extra,
  });
  const instances = [
    fleetInstance({
      id: 'i-0a1b2c3d4e5f60001',
      name: 'portal-web-1',
      type: 'm6i.large',
      az: 'us-east-1a',
      subnet: sn.pubA,
      vpc: VPC,
      privateIp: '10.10.0.21',
      publicIp: '198.51.100.21',
      groups: [[sg.portal, 'portal-web']],
      profile: 'portal-web-ec2',
      ami: ami.golden,
      tags: { ...T.portal, Owner: 'team-portal', DataClassification: 'ePHI' },
      volumes: [vol(1, '/dev/xvda', 30)],
    }),
    fleetInstance({
      id: 'i-0a1b2c3d4e5f60002',
      name: 'portal-web-2',
      type: 'm6i.large',
      az: 'us-east-1b',
      subnet: sn.pubB,
      vpc: VPC,
      privateIp: '10.10.1.22',
      publicIp: '198.51.100.22',
      groups: [[sg.portal, 'portal-web']],
      profile: 'portal-web-ec2',
      ami: ami.golden,
      tags: { ...T.portal, Owner: 'team-portal', DataClassification: 'ePHI' },
      volumes: [vol(2, '/dev/xvda', 30)],
    }),
    fleetInstance({
      id: 'i-0c1d2e3f4a5b60021',
      name: 'msg-web-1',
      profile: 'prod-ssm-core',
      type: 'c6i.large',
      az: 'us-east-1a',
      subnet: sn.pubA,
      vpc: VPC,
      privateIp: '10.10.0.41',
      publicIp: '198.51.100.41',
      groups: [[sg.msg, 'secure-messaging-web']],
      ami: ami.golden,
      tags: { ...T.messaging, Owner: 'team-messaging', DataClassification: 'ePHI' },
      volumes: [vol(3, '/dev/xvda', 30)],
    }),
    fleetInstance({
      id: 'i-0c1d2e3f4a5b60022',
      name: 'msg-web-2',
      profile: 'prod-ssm-core',
      type: 'c6i.large',
      az: 'us-east-1b',
      subnet: sn.pubB,
      vpc: VPC,
      privateIp: '10.10.1.42',
      publicIp: '198.51.100.42',
      groups: [[sg.msg, 'secure-messaging-web']],
      ami: ami.golden,
      tags: { ...T.messaging, Owner: 'team-messaging', DataClassification: 'ePHI' },
      volumes: [vol(4, '/dev/xvda', 30)],
    }),
    fleetInstance({
      id: 'i-0e1f2a3b4c5d60031',
      name: 'bedboard-ui-1',
      type: 't3.medium',
      az: 'us-east-1a',
      subnet: sn.appA,
      vpc: VPC,
      privateIp: '10.10.10.31',
      groups: [[sg.app, 'prod-app-internal']],
      ami: ami.gone,
      launchedDaysAgo: 74,
      tags: {
        Environment: 'prod',
        Application: 'bed-board',
        DataClassification: 'internal',
        Owner: 'team-ops-tools',
      },
      volumes: [vol(5, '/dev/xvda', 20)],
    }),
    fleetInstance({
      id: 'i-0f1a2b3c4d5e60041',
      name: 'sso-keycloak-1',
      profile: 'prod-ssm-core',
      type: 'm6i.large',
      az: 'us-east-1a',
      subnet: sn.pubA,
      vpc: VPC,
      privateIp: '10.10.0.51',
      publicIp: '198.51.100.51',
      groups: [[sg.sso, 'sso-keycloak']],
      ami: ami.sso,
      launchedDaysAgo: 102,
      tags: {
        Environment: 'prod',
        Application: 'sso',
        DataClassification: 'confidential',
        Owner: 'team-identity',
      },
      volumes: [vol(6, '/dev/xvda', 40)],
    }),
    fleetInstance({
      id: 'i-0f1a2b3c4d5e60042',
      name: 'sso-keycloak-2',
      profile: 'prod-ssm-core',
      type: 'm6i.large',
      az: 'us-east-1b',
      subnet: sn.pubB,
      vpc: VPC,
      privateIp: '10.10.1.52',
      publicIp: '198.51.100.52',
      groups: [[sg.sso, 'sso-keycloak']],
      ami: ami.sso,
      launchedDaysAgo: 102,
      tags: {
        Environment: 'prod',
        Application: 'sso',
        DataClassification: 'confidential',
        Owner: 'team-identity',
      },
      volumes: [vol(7, '/dev/xvda', 40)],
    }),
    fleetInstance({
      id: 'i-01a2b3c4d5e6f0051',
      name: 'claims-svc-1',
      type: 'r6i.large',
      az: 'us-east-1a',
      subnet: sn.appA,
      vpc: VPC,
      privateIp: '10.10.10.51',
      groups: [[sg.app, 'prod-app-internal']],
      profile: 'claims-svc-ec2',
      ami: ami.al2023,
      tags: {
        DataClassification: 'ePHI',
        Environment: 'prod',
        Application: 'claims-adjudication',
        Owner: 'team-claims',
      },
      volumes: [vol(8, '/dev/xvda', 30), vol(9, '/dev/sdf', 200)],
    }),
    fleetInstance({
      id: 'i-01a2b3c4d5e6f0052',
      name: 'claims-svc-2',
      type: 'r6i.large',
      az: 'us-east-1b',
      subnet: sn.appB,
      vpc: VPC,
      privateIp: '10.10.11.52',
      groups: [[sg.app, 'prod-app-internal']],
      profile: 'claims-svc-ec2',
      ami: ami.al2023,
      tags: {
        DataClassification: 'ePHI',
        Environment: 'prod',
        Application: 'claims-adjudication',
        Owner: 'team-claims',
      },
      volumes: [vol(0xa, '/dev/xvda', 30), vol(0xb, '/dev/sdf', 200)],
    }),
    fleetInstance({
      id: 'i-02b3c4d5e6f7a0061',
      name: 'provider-directory-web-1',
      profile: 'prod-ssm-core',
      type: 't3.large',
      az: 'us-east-1a',
      subnet: sn.pubA,
      vpc: VPC,
      privateIp: '10.10.0.61',
      publicIp: '198.51.100.61',
      groups: [[sg.directory, 'provider-directory-web']],
      ami: ami.al2023,
      imdsv2: false,
      tags: {
        Environment: 'prod',
        Application: 'provider-directory',
        DataClassification: 'public',
        Owner: 'team-web',
      },
      volumes: [vol(0xc, '/dev/xvda', 20)],
    }),
    // The oldest PHI box: its data volume predates encryption by default.
    fleetInstance({
      id: 'i-03c4d5e6f7a8b0071',
      name: 'mail-bridge-1',
      profile: 'prod-ssm-core',
      type: 't3.large',
      az: 'us-east-1a',
      subnet: sn.appA,
      vpc: VPC,
      privateIp: '10.10.10.71',
      groups: [[sg.app, 'prod-app-internal']],
      ami: ami.golden,
      tags: { PHI: 'true', Environment: 'prod', Application: 'secure-mail-bridge', Owner: 'team-messaging' },
      volumes: [
        vol(0xd, '/dev/xvda', 30),
        vol(0xe, '/dev/sdf', 500, {
          encrypted: false,
          created: '2021-04-12T14:03:11.000Z',
          tags: { Name: 'mail-bridge-spool (migrated 2021)' },
        }),
      ],
    }),
  ];
  const volumes = instances.flatMap((i) =>
    i.volumes.map((v) =>
      volume(ctx, { az: i.az, created: ago(ctx.capturedAt, i.launchedDaysAgo), ...v }, i.id),
    ),
  );
  const patch = (missing = [], installed = 512) => ({
    baseline: 'pb-0a1e1c0de00000001',
    group: 'prod-linux',
    installed,
    missing,
  });
  const patches = {
    'i-0a1b2c3d4e5f60002': patch([
      {
        id: 'ALAS2023-2026-1187',
        title: 'openssl: security update',
        severity: 'Important',
        classification: 'Security',
      },
      {
        id: 'ALAS2023-2026-1192',
        title: 'kernel: security update',
        severity: 'Critical',
        classification: 'Security',
      },
    ]),
    'i-0f1a2b3c4d5e60041': patch(
      [
        {
          id: 'ALAS2023-2026-1140',
          title: 'glibc: security update',
          severity: 'Critical',
          classification: 'Security',
        },
      ],
      488,
    ),
    'i-0f1a2b3c4d5e60042': patch(
      [
        {
          id: 'ALAS2023-2026-1140',
          title: 'glibc: security update',
          severity: 'Critical',
          classification: 'Security',
        },
      ],
      488,
    ),
    'i-02b3c4d5e6f7a0061': patch([
      { id: 'ALAS2023-2026-1201', title: 'vim: bugfix update', severity: 'Low', classification: 'Bugfix' },
    ]),
  };
  const ssm = instances
    .filter((i) => !i.ami.unavailable)
    .flatMap((i) => [
      ssmInventory(ctx, i, { name: AL2023, version: '2023' }),
      patchCompliance(ctx, i, patches[i.id] ?? patch()),
    ]);

  const functions = [
    {
      name: 'claims-export',
      runtime: 'python3.9',
      role: 'claims-export-lambda',
      timeout: 900,
      memory: 1024,
      codeSize: 18_442_301,
      modified: '2025-03-18T16:20:44.000+0000',
      codeSha256: 'Q2xhaW1zRXhwb3J0RGVtbzIuMy4xAAAAAAAAAAAAAAA=',
      description: 'Nightly claims export to the clearinghouse',
      env: ['CLEARINGHOUSE_HOST', 'EXPORT_BUCKET', 'LOG_LEVEL'],
      vpc: { id: VPC, subnets: [sn.appA, sn.appB], groups: [sg.lambda] },
      kmsKey: kmsArn(kms.phi),
      arch: 'x86_64',
      tags: {
        PHI: 'true',
        Environment: 'prod',
        Application: 'claims-export',
        Runtime: 'python3.9',
        Owner: 'team-claims',
        DataClassification: 'ePHI',
      },
    },
    {
      name: 'hl7-gateway',
      runtime: 'provided.al2023',
      role: 'hl7-gateway-lambda',
      timeout: 30,
      memory: 512,
      codeSize: 9_215_880,
      modified: '2026-09-28T10:02:13.000+0000',
      codeSha256: 'SEw3R2F0ZXdheURlbW8xLjQuMAAAAAAAAAAAAAAAAAA=',
      description: 'HL7 v2 to FHIR gateway',
      env: ['FHIR_ENDPOINT', 'QUEUE_URL'],
      vpc: { id: VPC, subnets: [sn.appA, sn.appB], groups: [sg.lambda] },
      kmsKey: kmsArn(kms.phi),
      tracing: true,
      tags: {
        DataClassification: 'ePHI',
        Environment: 'prod',
        Application: 'hl7-gateway',
        Runtime: 'provided.al2023',
        Owner: 'team-integration',
      },
    },
    {
      name: 'visit-summary-ai',
      runtime: 'python3.11',
      role: 'visit-summary-ai-lambda',
      timeout: 120,
      memory: 2048,
      codeSize: 41_877_120,
      modified: '2026-11-13T09:45:00.000+0000',
      codeSha256: 'VmlzaXRTdW1tYXJ5RGVtbzAuNC4yAAAAAAAAAAAAAAA=',
      description: 'Drafts visit summaries for clinician review',
      env: ['MODEL_ID', 'SUMMARY_BUCKET'],
      tags: { PHI: 'true', Environment: 'prod', Application: 'visit-summary', Runtime: 'python3.11' },
    },
  ];
  const buckets = [
    // A PHI bucket without versioning: an overwritten upload cannot be recovered.
    {
      name: 'pwdemo-patient-portal-uploads',
      created: '2022-08-03T15:12:40.000Z',
      tags: { PHI: 'true', DataClassification: 'ePHI', Owner: 'team-portal', Environment: 'prod' },
      kmsKey: kmsArn(kms.phi),
      blockPublic: true,
      logTo: 'pwdemo-s3-access-logs',
      policy: denyInsecure('pwdemo-patient-portal-uploads'),
    },
    {
      name: 'pwdemo-claims-exports',
      created: '2021-05-20T11:00:02.000Z',
      tags: { DataClassification: 'ePHI', PHI: 'true', Owner: 'team-claims', Environment: 'prod' },
      kmsKey: kmsArn(kms.phi),
      blockPublic: true,
      versioning: 'Enabled',
      logTo: 'pwdemo-s3-access-logs',
      policy: denyInsecure('pwdemo-claims-exports'),
      lifecycle: [archiveRule('exports-to-glacier', 'GLACIER', 90)],
    },
    {
      name: 'pwdemo-hl7-archive',
      created: '2020-11-02T09:30:00.000Z',
      tags: { DataClassification: 'ePHI', PHI: 'true', Owner: 'team-integration', Environment: 'prod' },
      blockPublic: true,
      versioning: 'Enabled',
      logTo: 'pwdemo-s3-access-logs',
      lifecycle: [archiveRule('hl7-deep-archive', 'DEEP_ARCHIVE', 30)],
    },
    {
      name: 'pwdemo-visit-summaries',
      created: '2026-10-01T08:00:00.000Z',
      tags: { PHI: 'true', DataClassification: 'ePHI', Owner: 'team-clinical-apps', Environment: 'prod' },
      kmsKey: kmsArn(kms.phi),
      blockPublic: true,
      versioning: 'Enabled',
      logTo: 'pwdemo-s3-access-logs',
      policy: denyInsecure('pwdemo-visit-summaries'),
      replication: replication(ctx, 'pwdemo-visit-summaries-dr'),
    },
    {
      name: 'pwdemo-cloudtrail-logs',
      created: '2019-04-02T10:00:00.000Z',
      tags: { Owner: 'team-security', Environment: 'prod', DataClassification: 'internal' },
      kmsKey: kmsArn(kms.trail),
      blockPublic: true,
      versioning: 'Enabled',
      logTo: 'pwdemo-s3-access-logs',
      policy: trailBucketPolicy('pwdemo-cloudtrail-logs', [PROD, NONPROD]),
      lifecycle: [archiveRule('trail-to-glacier', 'GLACIER', 365)],
    },
    // The access-log bucket does not log itself (that would loop): a finding teams accept or mute.
    {
      name: 'pwdemo-s3-access-logs',
      created: '2019-04-02T10:05:00.000Z',
      tags: { Owner: 'team-security', Environment: 'prod', DataClassification: 'internal' },
      blockPublic: true,
      versioning: 'Enabled',
      logDeliveryAcl: true,
      lifecycle: [
        { id: 'expire-after-400-days', status: 'Enabled', filter: { prefix: '' }, expiration: { days: 400 } },
      ],
    },
    // Public on purpose (static website of the provider directory), so the account block is off.
    {
      name: 'pwdemo-provider-directory-site',
      created: '2023-01-10T12:00:00.000Z',
      tags: { DataClassification: 'public', Owner: 'team-web', Environment: 'prod' },
      blockPublic: false,
      versioning: 'Enabled',
      logTo: 'pwdemo-s3-access-logs',
      publicPolicy: true,
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'PublicRead',
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::pwdemo-provider-directory-site/*',
          },
        ],
      },
    },
  ];
  const databases = [
    {
      id: 'claims-db',
      resourceId: 'CLAIMSDEMO0000000000000001',
      monitoring: true,
      class: 'db.r6g.large',
      engine: 'postgres',
      version: '15.8',
      dbName: 'claims',
      storage: 500,
      created: '2021-05-20T12:00:00.000Z',
      backupDays: 35,
      group: sg.rds,
      subnetGroup: 'prod-data',
      vpc: VPC,
      az: 'us-east-1a',
      multiAZ: true,
      autoMinor: true,
      public: false,
      encrypted: true,
      kmsKey: kmsArn(kms.phi),
      deletionProtection: true,
      iamAuth: true,
      logExports: ['postgresql'],
      tags: {
        DataClassification: 'ePHI',
        PHI: 'true',
        Owner: 'team-claims',
        Environment: 'prod',
        Application: 'claims-adjudication',
      },
    },
    {
      id: 'portal-db',
      resourceId: 'PORTALDEMO000000000000001',
      monitoring: true,
      class: 'db.m6g.large',
      engine: 'postgres',
      version: '14.12',
      dbName: 'portal',
      storage: 200,
      created: '2022-08-03T16:00:00.000Z',
      backupDays: 7,
      group: sg.rds,
      subnetGroup: 'prod-data',
      vpc: VPC,
      az: 'us-east-1b',
      multiAZ: false,
      autoMinor: false,
      public: false,
      encrypted: true,
      kmsKey: kmsArn(kms.phi),
      deletionProtection: true,
      logExports: ['postgresql'],
      tags: {
        PHI: 'true',
        DataClassification: 'ePHI',
        Owner: 'team-portal',
        Environment: 'prod',
        Application: 'patient-portal',
      },
      pending: [
        {
          action: 'system-update',
          autoAppliedAfterDate: ago(ctx.capturedAt, -12),
          description: 'New Operating System update is available',
          optInStatus: 'pending',
          currentApplyDate: ago(ctx.capturedAt, -12),
        },
      ],
    },
    {
      id: 'bedboard-db',
      resourceId: 'BEDBOARDDEMO0000000000001',
      class: 'db.t4g.medium',
      engine: 'mysql',
      version: '8.0.39',
      dbName: 'bedboard',
      storage: 50,
      created: '2024-02-14T10:00:00.000Z',
      backupDays: 7,
      group: sg.rds,
      subnetGroup: 'prod-data',
      vpc: VPC,
      az: 'us-east-1a',
      multiAZ: false,
      autoMinor: true,
      public: false,
      encrypted: true,
      kmsKey: kmsArn(kms.phi),
      deletionProtection: false,
      tags: {
        DataClassification: 'internal',
        Owner: 'team-ops-tools',
        Environment: 'prod',
        Application: 'bed-board',
      },
    },
    // Built in 2018 from an unencrypted snapshot; encrypting it means a snapshot-copy migration.
    {
      id: 'legacy-reporting-db',
      resourceId: 'LEGACYREPDEMO000000000001',
      class: 'db.m5.large',
      engine: 'mysql',
      version: '8.0.36',
      dbName: 'reporting',
      storage: 300,
      created: '2018-09-12T09:00:00.000Z',
      backupDays: 14,
      group: sg.rds,
      subnetGroup: 'prod-data',
      vpc: VPC,
      az: 'us-east-1a',
      multiAZ: true,
      autoMinor: true,
      public: false,
      encrypted: false,
      deletionProtection: true,
      tags: {
        PHI: 'true',
        DataClassification: 'ePHI',
        Owner: 'team-claims',
        Environment: 'prod',
        Application: 'claims-reporting',
      },
    },
  ];
  const users = [
    {
      name: 'breakglass-admin',
      id: 'AIDABREAKGLASSDEMO0001',
      createdDaysAgo: 1378,
      groups: ['admins'],
      password: { lastUsed: 83, changed: 84, nextRotation: 6 },
      mfa: true,
      tags: { Owner: 'team-security', Purpose: 'emergency-access' },
    },
    {
      name: 'ci-deploy',
      id: 'AIDACIDEPLOYDEMO000001',
      createdDaysAgo: 927,
      managed: [`arn:aws:iam::${PROD}:policy/ci-deploy-ecr-push`],
      keys: [{ rotated: 103, lastUsed: 0.4, region: 'us-east-1', service: 'ecr' }],
      tags: { Owner: 'team-platform' },
    },
    // An integration partner's key, issued once and never rotated: still in daily use.
    {
      name: 'legacy-hl7-sftp',
      id: 'AIDALEGACYHL7DEMO00001',
      createdDaysAgo: 2079,
      inline: [inline('hl7-drop', allow(['s3:PutObject'], 'arn:aws:s3:::pwdemo-hl7-archive/inbound/*'))],
      keys: [{ rotated: 2079, lastUsed: 1, region: 'us-east-1', service: 's3' }],
      tags: { Owner: 'team-integration', Vendor: 'example-hie' },
    },
    {
      name: 'analytics-readonly',
      id: 'AIDAANALYTICSDEMO00001',
      createdDaysAgo: 640,
      groups: ['analysts'],
      password: { lastUsed: 145, changed: 150, nextRotation: -60 },
      mfa: false,
      tags: { Owner: 'team-analytics' },
    },
  ];
  const items = [
    vpc(ctx, {
      id: VPC,
      name: 'prod-core',
      cidr: '10.10.0.0/16',
      tags: { Environment: 'prod', Owner: 'team-platform' },
    }),
    ...subnets.map((s) => subnet(ctx, s, tableOf(s.id))),
    ...tables.map((t) => routeTable(ctx, t)),
    vpcEndpoint(ctx, {
      id: id('vpce', 1),
      type: 'Gateway',
      service: 's3',
      vpc: VPC,
      routeTables: [rt.app, rt.main],
      created: '2021-05-19T10:00:00.000Z',
    }),
    vpcEndpoint(ctx, {
      id: id('vpce', 2),
      type: 'Interface',
      service: 'kms',
      vpc: VPC,
      subnets: [sn.appA, sn.appB],
      created: '2021-05-19T10:05:00.000Z',
    }),
    ...groups.map((g) => securityGroup(ctx, g)),
    ...instances.map((i) => instance(ctx, i)),
    ...volumes,
    ebsDefault(ctx, true),
    flowLog(ctx, {
      id: id('fl', 1),
      on: VPC,
      bucket: 'pwdemo-cloudtrail-logs',
      created: '2021-05-19T11:00:00.000Z',
    }),
    ...ssm,
    ...functions.map((f) => lambda(ctx, f)),
    ecrRepository(ctx, {
      name: 'patient-portal',
      created: '2022-08-01T10:00:00.000Z',
      scanOnPush: true,
      immutable: true,
      tags: { PHI: 'true', DataClassification: 'ePHI', Owner: 'team-portal', Environment: 'prod' },
    }),
    ecrRepository(ctx, {
      name: 'patient-intake-api',
      created: '2024-01-22T10:00:00.000Z',
      scanOnPush: false,
      tags: { PHI: 'true', DataClassification: 'ePHI', Owner: 'team-intake', Environment: 'prod' },
    }),
    kmsKey(ctx, {
      id: kms.phi,
      aliases: ['alias/phi-data'],
      manager: 'CUSTOMER',
      rotation: true,
      nextRotationIn: 141,
      created: '2021-05-19T09:00:00.000Z',
      description: 'ePHI at rest: S3, RDS, EBS data volumes, Lambda',
      tags: { Owner: 'team-security' },
    }),
    kmsKey(ctx, {
      id: kms.trail,
      aliases: ['alias/cloudtrail'],
      manager: 'CUSTOMER',
      rotation: true,
      nextRotationIn: 211,
      created: '2019-04-02T09:55:00.000Z',
      description: 'CloudTrail log files',
      tags: { Owner: 'team-security' },
    }),
    kmsKey(ctx, {
      id: kms.legacy,
      aliases: ['alias/legacy-reporting-exports'],
      manager: 'CUSTOMER',
      rotation: false,
      created: '2018-09-12T08:00:00.000Z',
      description: 'Reporting exports (legacy)',
      tags: { Owner: 'team-claims' },
    }),
    kmsKey(ctx, {
      id: kms.ebs,
      aliases: ['alias/aws/ebs'],
      manager: 'AWS',
      created: '2019-04-02T09:00:00.000Z',
      description: 'Default key that protects my EBS volumes when no other key is defined',
    }),
    ...buckets.map((b) => bucket(ctx, b)),
    accountPublicAccessBlock(ctx, {
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: false,
      restrictPublicBuckets: false,
    }),
    ...databases.map((d) => rds(ctx, d)),
    ...loadBalancer(ctx, {
      name: 'portal-alb',
      suffix: '5e1f0a2b3c4d5e6f',
      scheme: 'internet-facing',
      vpc: VPC,
      subnets: [
        [sn.pubA, 'us-east-1a'],
        [sn.pubB, 'us-east-1b'],
      ],
      groups: [sg.alb],
      http: 'redirect',
      https: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      accessLogs: 'pwdemo-s3-access-logs',
      created: '2022-08-03T17:00:00.000Z',
      tags: { PHI: 'true', DataClassification: 'ePHI', Owner: 'team-portal', Environment: 'prod' },
    }),
    // Set up in 2019 with the console's then-default policy, never revisited.
    ...loadBalancer(ctx, {
      name: 'messaging-alb',
      suffix: '6f2a1b3c4d5e6f70',
      scheme: 'internet-facing',
      vpc: VPC,
      subnets: [
        [sn.pubA, 'us-east-1a'],
        [sn.pubB, 'us-east-1b'],
      ],
      groups: [sg.alb],
      http: 'forward',
      https: 'ELBSecurityPolicy-2016-08',
      created: '2019-06-11T13:00:00.000Z',
      tags: { PHI: 'true', DataClassification: 'ePHI', Owner: 'team-messaging', Environment: 'prod' },
    }),
    ...loadBalancer(ctx, {
      name: 'directory-alb',
      suffix: '7a3b2c4d5e6f7081',
      scheme: 'internet-facing',
      vpc: VPC,
      subnets: [
        [sn.pubA, 'us-east-1a'],
        [sn.pubB, 'us-east-1b'],
      ],
      groups: [sg.alb],
      http: 'redirect',
      https: 'ELBSecurityPolicy-TLS-1-2-2017-01',
      accessLogs: 'pwdemo-s3-access-logs',
      created: '2023-01-10T12:30:00.000Z',
      tags: { DataClassification: 'public', Owner: 'team-web', Environment: 'prod' },
    }),
    backupSettings(ctx),
    backupPlan(ctx, {
      id: PHI_PLAN,
      name: 'phi-daily',
      vault: 'prod-vault',
      created: '2021-06-01T10:00:00.000Z',
      tags: { Owner: 'team-platform' },
      // Daily for 35 days here; each backup copied to the DR region and kept six years there.
      rules: [
        {
          name: 'daily',
          schedule: 'cron(0 5 ? * * *)',
          keepDays: 35,
          copies: [{ vault: DR_VAULT, keepDays: 2192 }],
        },
      ],
      select: [{ name: 'phi-tagged', tags: { PHI: 'true', DataClassification: 'ePHI' } }],
    }),
    backupPlan(ctx, {
      id: EBS_PLAN,
      name: 'ebs-nightly',
      vault: 'prod-vault',
      created: '2021-06-01T10:05:00.000Z',
      tags: { Owner: 'team-platform' },
      rules: [{ name: 'nightly', schedule: 'cron(0 3 ? * * *)', keepDays: 35 }],
      select: [{ name: 'all-volumes', resources: ['arn:aws:ec2:*:*:volume/*'] }],
    }),
    ...backupVault(ctx, {
      name: 'prod-vault',
      keyId: kms.phi,
      created: '2021-06-01T09:50:00.000Z',
      lockedSince: '2022-01-15T00:00:00.000Z',
      tags: { Owner: 'team-platform' },
      points: [
        {
          resource: arn(ctx, 'rds', 'db:claims-db'),
          type: 'RDS',
          name: 'claims-db',
          age: 0,
          keepDays: 35,
          bytes: 268_435_456_000,
          plan: PHI_PLAN,
        },
        {
          resource: arn(ctx, 'rds', 'db:portal-db'),
          type: 'RDS',
          name: 'portal-db',
          age: 0,
          keepDays: 35,
          bytes: 96_636_764_160,
          plan: PHI_PLAN,
        },
        // A snapshot of an unencrypted database is unencrypted too.
        {
          resource: arn(ctx, 'rds', 'db:legacy-reporting-db'),
          type: 'RDS',
          name: 'legacy-reporting-db',
          age: 0,
          keepDays: 35,
          bytes: 171_798_691_840,
          plan: PHI_PLAN,
          encrypted: false,
        },
        {
          resource: arn(ctx, 'ec2', 'instance/i-0a1b2c3d4e5f60001'),
          type: 'EC2',
          name: 'portal-web-1',
          age: 0,
          keepDays: 35,
          bytes: 32_212_254_720,
          plan: PHI_PLAN,
        },
        {
          resource: arn(ctx, 'ec2', `volume/${id('vol', 9)}`),
          type: 'EBS',
          name: 'claims-svc-1 data',
          age: 0.1,
          keepDays: 35,
          bytes: 214_748_364_800,
          plan: EBS_PLAN,
        },
        {
          resource: arn(ctx, 'ec2', `volume/${id('vol', 0xe)}`),
          type: 'EBS',
          name: 'mail-bridge-spool (migrated 2021)',
          age: 0.1,
          keepDays: 35,
          bytes: 536_870_912_000,
          plan: EBS_PLAN,
          encrypted: false,
        },
      ],
    }),
    logGroup(ctx, {
      name: '/aws/lambda/claims-export',
      created: '2021-05-20T12:30:00.000Z',
      retention: 2192,
      kmsKey: kmsArn(kms.phi),
      bytes: 8_812_003_114,
      tags: { PHI: 'true', DataClassification: 'ePHI', Owner: 'team-claims' },
    }),
    // Created by Lambda on first invocation: default encryption, 400 days chosen by hand.
    logGroup(ctx, {
      name: '/aws/lambda/hl7-gateway',
      created: '2026-09-28T10:05:00.000Z',
      retention: 400,
      bytes: 1_204_551_870,
      tags: { PHI: 'true', DataClassification: 'ePHI', Owner: 'team-integration' },
    }),
    logGroup(ctx, {
      name: '/aws/lambda/visit-summary-ai',
      created: '2026-11-13T09:46:00.000Z',
      kmsKey: kmsArn(kms.phi),
      bytes: 52_118_009,
      tags: { PHI: 'true', DataClassification: 'ePHI', Owner: 'team-clinical-apps' },
      events: 143,
    }),
    logGroup(ctx, {
      name: '/patient-portal/application',
      created: '2022-08-03T16:30:00.000Z',
      retention: 2557,
      kmsKey: kmsArn(kms.phi),
      bytes: 31_559_220_145,
      tags: { PHI: 'true', DataClassification: 'ePHI', Owner: 'team-portal' },
      // A debug line left in the intake form handler logs the record number it saved.
      hits: { 'mrn-label': 3 },
      hitStream: 'portal-web-2/application.log',
    }),
    logGroup(ctx, {
      name: '/aws/rds/instance/claims-db/postgresql',
      created: '2021-05-20T12:10:00.000Z',
      retention: 2192,
      kmsKey: kmsArn(kms.phi),
      bytes: 2_991_004_551,
      tags: { PHI: 'true', DataClassification: 'ePHI', Owner: 'team-claims' },
    }),
    logGroup(ctx, {
      name: 'aws-cloudtrail-logs-prod',
      created: '2019-04-02T10:10:00.000Z',
      retention: 365,
      kmsKey: kmsArn(kms.trail),
      bytes: 40_125_778_001,
      tags: { Owner: 'team-security' },
    }),
    trail(ctx, {
      name: 'prod-audit-trail',
      bucket: 'pwdemo-cloudtrail-logs',
      prefix: 'prod',
      multiRegion: true,
      validation: true,
      kmsKey: kmsArn(kms.trail),
      logGroup: 'aws-cloudtrail-logs-prod',
      started: '2019-04-02T10:12:00.000Z',
      // S3 object-level events of every bucket (`*`), as the PHI buckets need.
      dataEvents: ['*'],
      tags: { Owner: 'team-security' },
    }),
    // IAM (global, recorded once, in the home region's delivery)
    passwordPolicy(ctx, {
      minimumPasswordLength: 14,
      requireSymbols: true,
      requireNumbers: true,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      allowUsersToChangePassword: true,
      expirePasswords: true,
      maxPasswordAge: 90,
      passwordReusePrevention: 24,
      hardExpiry: false,
    }),
    root(ctx, {
      mfa: true,
      createdDaysAgo: 2792,
      passwordLastUsed: 258,
      users: users.length,
      groups: 2,
      roles: 7,
      policies: 1,
      mfaDevices: 2,
    }),
    ...users.map((u) => iamUser(ctx, u)),
    iamGroup(ctx, {
      name: 'admins',
      id: 'AGPAADMINSDEMO00000001',
      created: '2019-04-01T12:00:00.000Z',
      managed: [ADMIN],
    }),
    iamGroup(ctx, {
      name: 'analysts',
      id: 'AGPAANALYSTSDEMO000001',
      created: '2025-02-11T12:00:00.000Z',
      inline: [
        inline(
          'read-reporting',
          allow(
            ['athena:StartQueryExecution', 'athena:GetQueryResults', 'athena:GetQueryExecution'],
            arn(ctx, 'athena', 'workgroup/reporting'),
          ),
          allow(
            ['s3:GetObject', 's3:ListBucket'],
            ['arn:aws:s3:::pwdemo-claims-exports', 'arn:aws:s3:::pwdemo-claims-exports/*'],
          ),
        ),
      ],
    }),
    iamRole(ctx, {
      name: 'portal-web-ec2',
      id: 'AROAPORTALWEBEC2DEMO01',
      trust: 'ec2.amazonaws.com',
      created: '2022-08-03T15:00:00.000Z',
      inline: [
        inline(
          'portal-uploads',
          allow(['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::pwdemo-patient-portal-uploads/*'),
          allow(['kms:Decrypt', 'kms:GenerateDataKey'], kmsArn(kms.phi)),
        ),
      ],
      managed: ['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'],
      tags: { Application: 'patient-portal' },
    }),
    iamRole(ctx, {
      name: 'claims-svc-ec2',
      id: 'AROACLAIMSSVCEC2DEMO01',
      trust: 'ec2.amazonaws.com',
      created: '2021-05-20T11:30:00.000Z',
      inline: [
        inline(
          'claims-data',
          allow(['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::pwdemo-claims-exports/*'),
          allow(['rds-db:connect'], arn(ctx, 'rds-db', 'dbuser:db-CLAIMSDEMO0000000000000001/claims_svc')),
        ),
      ],
      managed: ['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'],
      tags: { Application: 'claims-adjudication' },
    }),
    // "Temporarily" broadened during a 2025 incident; the wildcard stayed.
    lambdaRole(
      ctx,
      'claims-export-lambda',
      '2021-05-20T12:00:00.000Z',
      [allow(['s3:*'], '*'), allow(['kms:Decrypt', 'kms:GenerateDataKey'], kmsArn(kms.phi))],
      { Application: 'claims-export' },
    ),
    lambdaRole(ctx, 'hl7-gateway-lambda', '2026-09-28T09:00:00.000Z', [
      allow(['s3:PutObject'], 'arn:aws:s3:::pwdemo-hl7-archive/fhir/*'),
      allow(['sqs:ReceiveMessage', 'sqs:DeleteMessage'], arn(ctx, 'sqs', 'hl7-inbound')),
    ]),
    lambdaRole(ctx, 'visit-summary-ai-lambda', '2026-11-13T09:00:00.000Z', [
      allow(['bedrock:InvokeModel'], 'arn:aws:bedrock:us-east-1::foundation-model/*'),
      allow(['s3:PutObject', 's3:GetObject'], 'arn:aws:s3:::pwdemo-visit-summaries/*'),
      allow(['kms:Decrypt', 'kms:GenerateDataKey'], kmsArn(kms.phi)),
    ]),
    iamRole(ctx, {
      name: 'prod-ssm-core',
      id: 'AROAPRODSSMCOREDEMO001',
      trust: 'ec2.amazonaws.com',
      created: '2021-05-19T12:00:00.000Z',
      managed: ['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'],
    }),
    iamRole(ctx, {
      name: 'cloudtrail-to-cloudwatch',
      id: 'AROACTTOCWDEMO00000001',
      trust: 'cloudtrail.amazonaws.com',
      created: '2019-04-02T10:11:00.000Z',
      inline: [
        inline(
          'deliver',
          allow(
            ['logs:CreateLogStream', 'logs:PutLogEvents'],
            `${arn(ctx, 'logs', 'log-group:aws-cloudtrail-logs-prod')}:*`,
          ),
        ),
      ],
    }),
    iamPolicy(ctx, ADMIN_POLICY(1)),
    iamPolicy(ctx, {
      arn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
      version: 'v2',
      attachments: 3,
      created: '2019-03-15T17:22:12.000Z',
      updated: '2019-05-23T16:54:21.000Z',
      document: SSM_CORE,
    }),
    iamPolicy(ctx, {
      arn: `arn:aws:iam::${PROD}:policy/ci-deploy-ecr-push`,
      id: 'ANPACIDEPLOYECRDEMO001',
      version: 'v3',
      attachments: 1,
      created: '2024-05-10T12:00:00.000Z',
      updated: '2025-11-02T09:00:00.000Z',
      document: {
        Version: '2012-10-17',
        Statement: [
          allow(['ecr:GetAuthorizationToken'], '*'),
          allow(
            [
              'ecr:BatchCheckLayerAvailability',
              'ecr:CompleteLayerUpload',
              'ecr:InitiateLayerUpload',
              'ecr:PutImage',
              'ecr:UploadLayerPart',
            ],
            [arn(ctx, 'ecr', 'repository/patient-portal'), arn(ctx, 'ecr', 'repository/patient-intake-api')],
          ),
        ],
      },
    }),
  ];
  return { ctx, items };
}

/** AmazonSSMManagedInstanceCore, default version v2 (AWS managed policy, as published). */
const SSM_CORE = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: [
        'ssm:DescribeAssociation',
        'ssm:GetDeployablePatchSnapshotForInstance',
        'ssm:GetDocument',
        'ssm:DescribeDocument',
        'ssm:GetManifest',
        'ssm:GetParameter',
        'ssm:GetParameters',
        'ssm:ListAssociations',
        'ssm:ListInstanceAssociations',
        'ssm:PutInventory',
        'ssm:PutComplianceItems',
        'ssm:PutConfigurePackageResult',
        'ssm:UpdateAssociationStatus',
        'ssm:UpdateInstanceAssociationStatus',
        'ssm:UpdateInstanceInformation',
      ],
      Resource: '*',
    },
    {
      Effect: 'Allow',
      Action: [
        'ssmmessages:CreateControlChannel',
        'ssmmessages:CreateDataChannel',
        'ssmmessages:OpenControlChannel',
        'ssmmessages:OpenDataChannel',
      ],
      Resource: '*',
    },
    {
      Effect: 'Allow',
      Action: [
        'ec2messages:AcknowledgeMessage',
        'ec2messages:DeleteMessage',
        'ec2messages:FailMessage',
        'ec2messages:GetEndpoint',
        'ec2messages:GetMessages',
        'ec2messages:SendReply',
      ],
      Resource: '*',
    },
  ],
};

function denyInsecure(name) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  };
}

function trailBucketPolicy(name, accounts) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AWSCloudTrailAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: `arn:aws:s3:::${name}`,
      },
      ...accounts.map((a) => ({
        Sid: `AWSCloudTrailWrite${a}`,
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${name}/*/AWSLogs/${a}/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': a } },
      })),
      denyInsecure(name).Statement[0],
    ],
  };
}

function archiveRule(id, storageClass, days) {
  return {
    id,
    status: 'Enabled',
    filter: { prefix: '' },
    transitions: [{ days, storageClass }],
    noncurrentVersionExpiration: { noncurrentDays: 2190 },
  };
}

function replication(ctx, target) {
  return {
    roleARN: `arn:aws:iam::${ctx.account}:role/s3-replication`,
    rules: [
      {
        id: 'to-dr',
        priority: 1,
        status: 'Enabled',
        filter: { prefix: '' },
        destination: { bucket: `arn:aws:s3:::${target}`, storageClass: 'STANDARD' },
        deleteMarkerReplication: { status: 'Disabled' },
      },
    ],
  };
}

function prodWest() {
  const ctx = scope(PROD, 'us-west-2', '2026-11-23T05:50:00.000Z', 'a1e2dead0000');
  const id = (p, n) => hexId(p, ctx.hex, n);
  const VPC = id('vpc', 1);
  const sn = { appA: id('subnet', 0x21), appB: id('subnet', 0x22) };
  const rt = { main: id('rtb', 1) };
  const sg = { default: id('sg', 1), web: id('sg', 2) };
  const key = uuid('2b3c4d5e', 1);
  const tables = [
    {
      id: rt.main,
      name: 'dr-private (main)',
      vpc: VPC,
      vpcCidr: '10.20.0.0/16',
      routes: [{ destinationCidrBlock: '0.0.0.0/0', natGatewayId: id('nat', 1) }],
      subnets: [],
      main: true,
    },
  ];
  const dr = fleetInstance({
    id: 'i-0a1b2c3d4e5f60003',
    name: 'portal-web-dr-1',
    type: 'm6i.large',
    az: 'us-west-2a',
    subnet: sn.appA,
    vpc: VPC,
    privateIp: '10.20.10.23',
    groups: [[sg.web, 'portal-web-dr']],
    profile: 'portal-web-ec2',
    ami: { id: id('ami', 0x101), name: 'pwdemo-golden-al2023-2026.10.1', owner: 'self', age: 48 },
    launchedDaysAgo: 44,
    tags: {
      PHI: 'true',
      Environment: 'prod',
      Application: 'patient-portal',
      Role: 'disaster-recovery',
      Owner: 'team-portal',
    },
    volumes: [
      {
        id: id('vol', 1),
        device: '/dev/xvda',
        size: 30,
        encrypted: true,
        kmsKey: arn(ctx, 'kms', `key/${key}`),
      },
    ],
  });
  const items = [
    vpc(ctx, {
      id: VPC,
      name: 'dr-core',
      cidr: '10.20.0.0/16',
      tags: { Environment: 'prod', Owner: 'team-platform', Role: 'disaster-recovery' },
    }),
    ...[
      { id: sn.appA, name: 'dr-app-a', vpc: VPC, cidr: '10.20.10.0/24', az: 'us-west-2a' },
      { id: sn.appB, name: 'dr-app-b', vpc: VPC, cidr: '10.20.11.0/24', az: 'us-west-2b' },
    ].map((s) => subnet(ctx, s, tables[0])),
    ...tables.map((t) => routeTable(ctx, t)),
    securityGroup(ctx, {
      id: sg.default,
      name: 'default',
      description: 'default VPC security group',
      vpc: VPC,
      ingress: [rule('-1', 0, 0, [], [sg.default])],
    }),
    securityGroup(ctx, {
      id: sg.web,
      name: 'portal-web-dr',
      description: 'Patient portal (DR)',
      vpc: VPC,
      ingress: [rule('tcp', 443, 443, ['10.20.0.0/16']), rule('tcp', 22, 22, ['10.20.0.0/16'])],
    }),
    instance(ctx, dr),
    ...dr.volumes.map((v) =>
      volume(ctx, { az: dr.az, created: ago(ctx.capturedAt, dr.launchedDaysAgo), ...v }, dr.id),
    ),
    // Encryption by default was switched on in us-east-1 only; the DR region was forgotten.
    ebsDefault(ctx, false),
    // Its delivery role was deleted in a 2025 clean-up: the flow log is active and writes nothing.
    flowLog(ctx, {
      id: id('fl', 1),
      on: VPC,
      logGroup: '/vpc/dr-core/flow-logs',
      failed: true,
      created: '2024-03-04T10:00:00.000Z',
    }),
    backupSettings(ctx),
    // Receives the PHI plan's copies; no plan of its own, so the DR host itself is not backed up.
    ...backupVault(ctx, {
      name: 'phi-dr-vault',
      keyId: key,
      created: '2024-03-04T09:30:00.000Z',
      tags: { Owner: 'team-platform' },
      points: [
        {
          resource: `arn:aws:rds:us-east-1:${PROD}:db:claims-db`,
          type: 'RDS',
          name: 'claims-db',
          age: 0,
          keepDays: 2192,
          bytes: 268_435_456_000,
          plan: PHI_PLAN,
          planArn: `arn:aws:backup:us-east-1:${PROD}:backup-plan:${PHI_PLAN}`,
        },
        {
          resource: `arn:aws:rds:us-east-1:${PROD}:db:portal-db`,
          type: 'RDS',
          name: 'portal-db',
          age: 0,
          keepDays: 2192,
          bytes: 96_636_764_160,
          plan: PHI_PLAN,
          planArn: `arn:aws:backup:us-east-1:${PROD}:backup-plan:${PHI_PLAN}`,
        },
      ],
    }),
    ssmInventory(ctx, dr, { name: AL2023, version: '2023' }),
    patchCompliance(ctx, dr, {
      baseline: 'pb-0a1e2dead00000001',
      group: 'prod-linux',
      installed: 512,
      missing: [],
    }),
    kmsKey(ctx, {
      id: key,
      aliases: ['alias/phi-data-dr'],
      manager: 'CUSTOMER',
      rotation: true,
      nextRotationIn: 97,
      created: '2024-03-04T09:00:00.000Z',
      description: 'ePHI at rest (DR region)',
      tags: { Owner: 'team-security' },
    }),
    bucket(ctx, {
      name: 'pwdemo-visit-summaries-dr',
      created: '2026-10-01T08:10:00.000Z',
      tags: { PHI: 'true', DataClassification: 'ePHI', Owner: 'team-clinical-apps', Environment: 'prod' },
      kmsKey: arn(ctx, 'kms', `key/${key}`),
      blockPublic: true,
      versioning: 'Enabled',
      policy: denyInsecure('pwdemo-visit-summaries-dr'),
    }),
  ];
  return { ctx, items };
}

function nonprodEast() {
  const ctx = scope(NONPROD, 'us-east-1', '2026-11-23T05:40:00.000Z', 'b0b1e5700000');
  const id = (p, n) => hexId(p, ctx.hex, n);
  const VPC = id('vpc', 1);
  const sn = { pubA: id('subnet', 0x11), appA: id('subnet', 0x21), appB: id('subnet', 0x22) };
  const rt = { pub: id('rtb', 1), main: id('rtb', 2) };
  const sg = {
    default: id('sg', 1),
    dev: id('sg', 2),
    internal: id('sg', 3),
    lambda: id('sg', 4),
    rds: id('sg', 5),
  };
  const key = uuid('3c4d5e6f', 1);
  const keyArn = arn(ctx, 'kms', `key/${key}`);
  const tables = [
    {
      id: rt.pub,
      name: 'nonprod-public',
      vpc: VPC,
      vpcCidr: '10.30.0.0/16',
      routes: [{ destinationCidrBlock: '0.0.0.0/0', gatewayId: id('igw', 1) }],
      subnets: [sn.pubA],
    },
    {
      id: rt.main,
      name: 'nonprod-private (main)',
      vpc: VPC,
      vpcCidr: '10.30.0.0/16',
      routes: [
        { destinationCidrBlock: '0.0.0.0/0', natGatewayId: id('nat', 1) },
        { destinationPrefixListId: 'pl-63a5400a', gatewayId: id('vpce', 1) },
      ],
      subnets: [],
      main: true,
    },
  ];
  const tableOf = (s) => tables.find((t) => t.subnets.includes(s)) ?? tables[1];
  const world = ['0.0.0.0/0'];
  const ami = {
    golden: { id: id('ami', 0x101), name: 'pwdemo-golden-al2023-2026.10.1', owner: 'self', age: 48 },
    dev: {
      id: id('ami', 0x102),
      name: 'al2023-ami-2023.9.20261103.0-kernel-6.1-x86_64',
      owner: 'amazon',
      age: 20,
      deprecatesIn: 710,
    },
    al2: {
      id: id('ami', 0x103),
      name: 'amzn2-ami-hvm-2.0.20240620.0-x86_64-gp2',
      owner: 'amazon',
      age: 886,
      deprecatesIn: -156,
    },
  };
  const ebsKey = uuid('3c4d5e6f', 2);
  const vol = (n, extra = {}) => ({
    id: id('vol', n),
    device: '/dev/xvda',
    size: 20,
    encrypted: true,
    kmsKey: arn(ctx, 'kms', `key/${ebsKey}`),
    ...extra,
  });
  const instances = [
    fleetInstance({
      id: 'i-0b1c2d3e4f5a60011',
      name: 'portal-web-stg-1',
      profile: 'nonprod-ssm-core',
      type: 't3.large',
      az: 'us-east-1a',
      subnet: sn.appA,
      vpc: VPC,
      privateIp: '10.30.10.11',
      groups: [[sg.internal, 'nonprod-internal']],
      ami: ami.golden,
      launchedDaysAgo: 61,
      tags: {
        Environment: 'staging',
        Application: 'patient-portal',
        DataClassification: 'synthetic',
        Owner: 'team-portal',
      },
      volumes: [vol(1)],
    }),
    // Copied from a prod launch template: the PHI tag came along, and IMDSv1 with it.
    fleetInstance({
      id: 'i-0b1c2d3e4f5a60012',
      name: 'portal-web-dev-1',
      profile: 'dev-web-ec2',
      type: 't3.medium',
      az: 'us-east-1a',
      subnet: sn.pubA,
      vpc: VPC,
      privateIp: '10.30.0.12',
      publicIp: '203.0.113.12',
      groups: [[sg.dev, 'dev-web-open']],
      ami: ami.dev,
      imdsv2: false,
      launchedDaysAgo: 21,
      tags: { PHI: 'true', Environment: 'dev', Application: 'patient-portal' },
      volumes: [vol(2)],
    }),
    fleetInstance({
      id: 'i-0d1e2f3a4b5c60023',
      name: 'msg-web-stg-1',
      profile: 'nonprod-ssm-core',
      type: 't3.medium',
      az: 'us-east-1b',
      subnet: sn.appB,
      vpc: VPC,
      privateIp: '10.30.11.23',
      groups: [[sg.internal, 'nonprod-internal']],
      ami: ami.golden,
      launchedDaysAgo: 33,
      tags: {
        Environment: 'staging',
        Application: 'secure-messaging',
        DataClassification: 'synthetic',
        Owner: 'team-messaging',
      },
      volumes: [vol(3)],
    }),
    fleetInstance({
      id: 'i-0e1f2a3b4c5d60032',
      name: 'bedboard-ui-dev-1',
      type: 't3.small',
      az: 'us-east-1a',
      subnet: sn.appA,
      vpc: VPC,
      privateIp: '10.30.10.32',
      groups: [[sg.internal, 'nonprod-internal']],
      ami: ami.dev,
      launchedDaysAgo: 3,
      tags: { Environment: 'dev', Application: 'bed-board', Owner: 'team-ops-tools' },
      volumes: [vol(4)],
    }),
    fleetInstance({
      id: 'i-02b3c4d5e6f7a0062',
      name: 'provider-directory-web-stg-1',
      profile: 'nonprod-ssm-core',
      type: 't3.medium',
      az: 'us-east-1b',
      subnet: sn.appB,
      vpc: VPC,
      privateIp: '10.30.11.62',
      groups: [[sg.internal, 'nonprod-internal']],
      ami: ami.golden,
      launchedDaysAgo: 12,
      tags: {
        Environment: 'staging',
        Application: 'provider-directory',
        DataClassification: 'public',
        Owner: 'team-web',
      },
      volumes: [vol(5)],
    }),
    // Built from an Amazon Linux 2 AMI in 2024, stopped since October, root volume never encrypted.
    fleetInstance({
      id: 'i-03c4d5e6f7a8b0072',
      name: 'mail-bridge-dev-1',
      type: 't3.small',
      az: 'us-east-1a',
      subnet: sn.appA,
      vpc: VPC,
      privateIp: '10.30.10.72',
      groups: [[sg.internal, 'nonprod-internal']],
      ami: ami.al2,
      imdsv2: false,
      launchedDaysAgo: 95,
      stoppedDaysAgo: 54,
      tags: { Environment: 'dev', Application: 'secure-mail-bridge', Owner: 'team-messaging' },
      volumes: [vol(6, { encrypted: false, created: '2024-07-02T11:40:00.000Z' })],
    }),
  ];
  const managed = instances.filter((i) => i.stoppedDaysAgo === undefined && i.name !== 'bedboard-ui-dev-1');
  const patch = { baseline: 'pb-0b0b1e5700000001', group: 'nonprod-linux', installed: 509, missing: [] };
  const functions = [
    {
      name: 'claims-export-stg',
      runtime: 'python3.9',
      role: 'claims-export-stg-lambda',
      timeout: 900,
      memory: 1024,
      codeSize: 18_442_301,
      modified: '2025-03-17T14:02:10.000+0000',
      codeSha256: 'Q2xhaW1zRXhwb3J0RGVtbzIuMy4xAAAAAAAAAAAAAAA=',
      description: 'Claims export (staging, synthetic data)',
      env: ['CLEARINGHOUSE_HOST', 'EXPORT_BUCKET', 'LOG_LEVEL'],
      arch: 'x86_64',
      tags: {
        Environment: 'staging',
        Application: 'claims-export',
        Runtime: 'python3.9',
        DataClassification: 'synthetic',
        Owner: 'team-claims',
      },
    },
    {
      name: 'hl7-gateway-dev',
      runtime: 'provided.al2023',
      role: 'hl7-gateway-dev-lambda',
      timeout: 30,
      memory: 512,
      codeSize: 9_215_880,
      modified: '2026-11-07T15:40:00.000+0000',
      codeSha256: 'SEw3R2F0ZXdheURlbW8xLjQuMAAAAAAAAAAAAAAAAAA=',
      description: 'HL7 v2 to FHIR gateway (dev)',
      env: ['FHIR_ENDPOINT', 'QUEUE_URL'],
      tags: {
        Environment: 'dev',
        Application: 'hl7-gateway',
        Runtime: 'provided.al2023',
        Owner: 'team-integration',
      },
    },
    {
      name: 'visit-summary-ai-stg',
      runtime: 'python3.11',
      role: 'visit-summary-ai-stg-lambda',
      timeout: 120,
      memory: 2048,
      codeSize: 41_877_120,
      modified: '2026-11-21T10:12:00.000+0000',
      codeSha256: 'VmlzaXRTdW1tYXJ5RGVtbzAuNC4yAAAAAAAAAAAAAAA=',
      description: 'Visit summaries (staging, synthetic data)',
      env: ['MODEL_ID', 'SUMMARY_BUCKET'],
      tags: {
        Environment: 'staging',
        Application: 'visit-summary',
        Runtime: 'python3.11',
        DataClassification: 'synthetic',
        Owner: 'team-clinical-apps',
      },
    },
  ];
  const users = [
    {
      name: 'ci-deploy-nonprod',
      id: 'AIDACIDEPLOYNPDEMO0001',
      createdDaysAgo: 420,
      keys: [{ rotated: 53, lastUsed: 0.3, region: 'us-east-1', service: 'lambda' }],
      inline: [
        inline(
          'deploy',
          allow(['lambda:UpdateFunctionCode', 'lambda:GetFunction'], arn(ctx, 'lambda', 'function:*')),
        ),
      ],
      tags: { Owner: 'team-platform' },
    },
    {
      name: 'qa-tester',
      id: 'AIDAQATESTERDEMO000001',
      createdDaysAgo: 301,
      password: { lastUsed: 2, changed: 61 },
      mfa: true,
      inline: [inline('qa-read', allow(['cloudwatch:GetMetricData', 'logs:FilterLogEvents'], '*'))],
      tags: { Owner: 'team-qa' },
    },
  ];
  const items = [
    vpc(ctx, {
      id: VPC,
      name: 'nonprod-core',
      cidr: '10.30.0.0/16',
      tags: { Environment: 'staging', Owner: 'team-platform' },
    }),
    ...[
      { id: sn.pubA, name: 'nonprod-public-a', vpc: VPC, cidr: '10.30.0.0/24', az: 'us-east-1a' },
      { id: sn.appA, name: 'nonprod-app-a', vpc: VPC, cidr: '10.30.10.0/24', az: 'us-east-1a' },
      { id: sn.appB, name: 'nonprod-app-b', vpc: VPC, cidr: '10.30.11.0/24', az: 'us-east-1b' },
    ].map((s) => subnet(ctx, s, tableOf(s.id))),
    ...tables.map((t) => routeTable(ctx, t)),
    vpcEndpoint(ctx, {
      id: id('vpce', 1),
      type: 'Gateway',
      service: 's3',
      vpc: VPC,
      routeTables: [rt.main],
      created: '2023-06-01T10:00:00.000Z',
    }),
    securityGroup(ctx, {
      id: sg.default,
      name: 'default',
      description: 'default VPC security group',
      vpc: VPC,
      ingress: [rule('-1', 0, 0, [], [sg.default])],
    }),
    securityGroup(ctx, {
      id: sg.dev,
      name: 'dev-web-open',
      description: 'dev web - quick test',
      vpc: VPC,
      ingress: [rule('tcp', 22, 22, world), rule('tcp', 80, 80, world), rule('tcp', 443, 443, world)],
    }),
    securityGroup(ctx, {
      id: sg.internal,
      name: 'nonprod-internal',
      description: 'Internal services (non-prod)',
      vpc: VPC,
      ingress: [rule('tcp', 0, 65535, ['10.30.0.0/16'])],
    }),
    securityGroup(ctx, {
      id: sg.lambda,
      name: 'nonprod-lambda',
      description: 'Lambda functions (non-prod)',
      vpc: VPC,
      ingress: [],
    }),
    securityGroup(ctx, {
      id: sg.rds,
      name: 'nonprod-rds',
      description: 'Databases (non-prod)',
      vpc: VPC,
      ingress: [rule('tcp', 5432, 5432, ['10.30.0.0/16', '192.0.2.0/24'])],
    }),
    ...instances.map((i) => instance(ctx, i)),
    ...instances.flatMap((i) =>
      i.volumes.map((v) =>
        volume(ctx, { az: i.az, created: ago(ctx.capturedAt, i.launchedDaysAgo), ...v }, i.id),
      ),
    ),
    ebsDefault(ctx, true),
    // Turned on for one subnet while debugging a NAT problem, never for the VPC.
    flowLog(ctx, {
      id: id('fl', 1),
      on: sn.pubA,
      logGroup: '/vpc/nonprod/debug-public-a',
      created: '2025-02-12T15:00:00.000Z',
    }),
    backupSettings(ctx),
    backupPlan(ctx, {
      id: NONPROD_PLAN,
      name: 'nonprod-weekly',
      vault: 'Default',
      created: '2023-06-05T09:00:00.000Z',
      rules: [{ name: 'weekly', schedule: 'cron(0 6 ? * SUN *)', keepDays: 14 }],
      select: [{ name: 'staging', tags: { Environment: 'staging' } }],
    }),
    ...backupVault(ctx, {
      name: 'Default',
      keyId: key,
      created: '2023-06-05T08:55:00.000Z',
      points: [
        {
          resource: arn(ctx, 'rds', 'db:portal-db-stg'),
          type: 'RDS',
          name: 'portal-db-stg',
          age: 2,
          keepDays: 14,
          bytes: 10_737_418_240,
          plan: NONPROD_PLAN,
        },
        {
          resource: arn(ctx, 'ec2', 'instance/i-0b1c2d3e4f5a60011'),
          type: 'EC2',
          name: 'portal-web-stg-1',
          age: 2,
          keepDays: 14,
          bytes: 21_474_836_480,
          plan: NONPROD_PLAN,
        },
      ],
    }),
    ...managed.flatMap((i) => [
      ssmInventory(ctx, i, { name: AL2023, version: '2023' }),
      patchCompliance(ctx, i, patch),
    ]),
    ...functions.map((f) => lambda(ctx, f)),
    ecrRepository(ctx, {
      name: 'patient-intake-api',
      created: '2024-01-23T10:00:00.000Z',
      scanOnPush: true,
      tags: { Owner: 'team-intake', Environment: 'dev' },
    }),
    kmsKey(ctx, {
      id: key,
      aliases: ['alias/nonprod-data'],
      manager: 'CUSTOMER',
      rotation: false,
      created: '2023-06-01T09:00:00.000Z',
      description: 'Non-prod data',
      tags: { Owner: 'team-platform' },
    }),
    kmsKey(ctx, {
      id: ebsKey,
      aliases: ['alias/aws/ebs'],
      manager: 'AWS',
      created: '2023-06-01T08:00:00.000Z',
      description: 'Default key that protects my EBS volumes when no other key is defined',
    }),
    // The dev copy of the uploads bucket kept the prod tags (PHI) — and is versioned by nobody.
    bucket(ctx, {
      name: 'pwdemo-dev-portal-uploads',
      created: '2025-11-20T10:00:00.000Z',
      tags: { PHI: 'true', Environment: 'dev', Owner: 'team-portal' },
      blockPublic: true,
    }),
    bucket(ctx, {
      name: 'pwdemo-nonprod-test-fixtures',
      created: '2023-06-02T10:00:00.000Z',
      tags: { DataClassification: 'synthetic', Environment: 'staging', Owner: 'team-qa' },
      kmsKey: keyArn,
      blockPublic: true,
      versioning: 'Suspended',
    }),
    accountPublicAccessBlock(ctx, {
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: true,
    }),
    rds(ctx, {
      id: 'portal-db-stg',
      resourceId: 'PORTALSTGDEMO000000000001',
      class: 'db.t4g.medium',
      engine: 'postgres',
      version: '14.12',
      dbName: 'portal',
      storage: 50,
      created: '2023-06-05T10:00:00.000Z',
      backupDays: 0,
      group: sg.rds,
      subnetGroup: 'nonprod-public',
      vpc: VPC,
      az: 'us-east-1a',
      multiAZ: false,
      autoMinor: true,
      public: true,
      encrypted: true,
      kmsKey: keyArn,
      deletionProtection: false,
      tags: {
        DataClassification: 'synthetic',
        Environment: 'staging',
        Owner: 'team-portal',
        Application: 'patient-portal',
      },
    }),
    ...loadBalancer(ctx, {
      name: 'staging-alb',
      suffix: '8b4c3d5e6f708192',
      scheme: 'internet-facing',
      vpc: VPC,
      subnets: [[sn.pubA, 'us-east-1a']],
      groups: [sg.dev],
      http: 'forward',
      created: '2023-06-05T12:00:00.000Z',
      tags: { Environment: 'staging', Owner: 'team-platform' },
    }),
    logGroup(ctx, {
      name: '/aws/lambda/claims-export-stg',
      created: '2023-06-05T12:30:00.000Z',
      retention: 30,
      bytes: 80_331_002,
      tags: { Environment: 'staging' },
    }),
    logGroup(ctx, {
      name: '/aws/lambda/hl7-gateway-dev',
      created: '2026-11-07T15:41:00.000Z',
      retention: 14,
      bytes: 1_220_441,
      events: 37,
    }),
    logGroup(ctx, {
      name: '/aws/lambda/visit-summary-ai-stg',
      created: '2026-11-21T10:13:00.000Z',
      bytes: 301_552,
      // Not invoked since it was deployed the day before yesterday: nothing to sample.
      events: 0,
    }),
    // Delivered to the prod account's log bucket; no validation, no KMS key.
    trail(ctx, {
      name: 'nonprod-trail',
      bucket: 'pwdemo-cloudtrail-logs',
      prefix: 'nonprod',
      multiRegion: true,
      validation: false,
      started: '2023-06-01T10:30:00.000Z',
      dataEvents: [],
    }),
    passwordPolicy(ctx, {
      minimumPasswordLength: 8,
      requireSymbols: false,
      requireNumbers: true,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      allowUsersToChangePassword: true,
      expirePasswords: false,
      passwordReusePrevention: 5,
      hardExpiry: false,
    }),
    root(ctx, {
      mfa: false,
      createdDaysAgo: 1271,
      passwordLastUsed: 33,
      users: users.length,
      groups: 0,
      roles: 5,
      policies: 0,
      mfaDevices: 1,
    }),
    ...users.map((u) => iamUser(ctx, u)),
    lambdaRole(ctx, 'claims-export-stg-lambda', '2023-06-05T12:00:00.000Z', [
      allow(['s3:PutObject'], 'arn:aws:s3:::pwdemo-nonprod-test-fixtures/claims/*'),
    ]),
    lambdaRole(ctx, 'hl7-gateway-dev-lambda', '2026-11-07T15:00:00.000Z', [
      allow(['sqs:ReceiveMessage', 'sqs:DeleteMessage'], arn(ctx, 'sqs', 'hl7-inbound-dev')),
    ]),
    lambdaRole(ctx, 'visit-summary-ai-stg-lambda', '2026-11-21T10:00:00.000Z', [
      allow(['bedrock:InvokeModel'], 'arn:aws:bedrock:us-east-1::foundation-model/*'),
    ]),
    // A developer shortcut: the dev web role got AdministratorAccess.
    iamRole(ctx, {
      name: 'dev-web-ec2',
      id: 'AROADEVWEBEC2DEMO00001',
      trust: 'ec2.amazonaws.com',
      created: '2025-11-20T09:00:00.000Z',
      managed: [ADMIN],
      tags: { Environment: 'dev', Owner: 'team-portal' },
    }),
    iamRole(ctx, {
      name: 'nonprod-ssm-core',
      id: 'AROANONPRODSSMDEMO0001',
      trust: 'ec2.amazonaws.com',
      created: '2023-06-01T12:00:00.000Z',
      managed: ['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'],
    }),
    iamPolicy(ctx, ADMIN_POLICY(1)),
    iamPolicy(ctx, {
      arn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
      version: 'v2',
      attachments: 1,
      created: '2019-03-15T17:22:12.000Z',
      updated: '2019-05-23T16:54:21.000Z',
      document: SSM_CORE,
    }),
  ];
  return { ctx, items };
}

// ---------------------------------------------------------------------------------------------
// Output: one Config snapshot file per account and region, one item per line
// ---------------------------------------------------------------------------------------------

function write({ ctx, items }) {
  const stamp = ctx.capturedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const snapshotId = uuid(ctx.hex, Date.parse(ctx.capturedAt) % 0xffffffff);
  const lines = items.map((i) => JSON.stringify(i)).join(',\n');
  const text = `{"fileVersion":"1.0","configSnapshotId":"${snapshotId}","configurationItems":[\n${lines}\n]}\n`;
  // Compressed, as Config delivers snapshots: ~260 KiB of JSON in all, ~27 KiB gzipped.
  const file = `aws-${ctx.account}-${ctx.region}.json.gz`;
  const gz = gzipSync(text, { level: 9 });
  writeFileSync(new URL(file, OUT), gz);
  const kib = (n) => (n / 1024).toFixed(1);
  return `${file}: ${items.length} items, captured ${stamp}, ${kib(text.length)} KiB JSON, ${kib(gz.length)} KiB gzipped`;
}

mkdirSync(OUT, { recursive: true });
for (const s of [nonprodEast(), prodWest(), prodEast()]) console.log(write(s));
