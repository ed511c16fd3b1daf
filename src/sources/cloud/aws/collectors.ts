/**
 * Every AWS service collector, in the order a collection runs them. Adding a service means
 * writing its collector in services/ and listing it here.
 */
import type { AwsServiceCollector } from './context.js';
import { acmCollector } from './services/acm.js';
import { backupCollector } from './services/backup.js';
import { cloudtrailCollector } from './services/cloudtrail.js';
import { dynamodbCollector } from './services/dynamodb.js';
import { ebsSnapshotsCollector } from './services/ebs-snapshots.js';
import { ec2Collector } from './services/ec2.js';
import { ecrCollector } from './services/ecr.js';
import { efsCollector } from './services/efs.js';
import { elbv2Collector } from './services/elbv2.js';
import { flowLogsCollector } from './services/flow-logs.js';
import { guarddutyCollector } from './services/guardduty.js';
import { iamCollector } from './services/iam.js';
import { kmsCollector } from './services/kms.js';
import { lambdaCollector } from './services/lambda.js';
import { logsCollector } from './services/logs.js';
import { organizationsCollector } from './services/organizations.js';
import { rdsCollector } from './services/rds.js';
import { rdsSnapshotsCollector } from './services/rds-snapshots.js';
import { s3Collector } from './services/s3.js';
import { secretsmanagerCollector } from './services/secretsmanager.js';
import { snsCollector } from './services/sns.js';
import { ssmCollector } from './services/ssm.js';

export const AWS_COLLECTORS: readonly AwsServiceCollector[] = [
  ec2Collector,
  ssmCollector,
  ecrCollector,
  lambdaCollector,
  rdsCollector,
  s3Collector,
  iamCollector,
  kmsCollector,
  cloudtrailCollector,
  elbv2Collector,
  logsCollector,
  ebsSnapshotsCollector,
  flowLogsCollector,
  rdsSnapshotsCollector,
  dynamodbCollector,
  efsCollector,
  backupCollector,
  guarddutyCollector,
  secretsmanagerCollector,
  acmCollector,
  snsCollector,
  organizationsCollector,
];

/** The service names `--service` accepts (EBS snapshots and flow logs are `ec2`, DB snapshots `rds`). */
export const AWS_SERVICES: readonly string[] = [...new Set(AWS_COLLECTORS.map((c) => c.service))];
