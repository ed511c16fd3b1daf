/**
 * Every AWS service collector, in the order a collection runs them. Adding a service means
 * writing its collector in services/ and listing it here.
 */
import type { AwsServiceCollector } from './context.js';
import { cloudtrailCollector } from './services/cloudtrail.js';
import { ec2Collector } from './services/ec2.js';
import { ecrCollector } from './services/ecr.js';
import { elbv2Collector } from './services/elbv2.js';
import { iamCollector } from './services/iam.js';
import { kmsCollector } from './services/kms.js';
import { lambdaCollector } from './services/lambda.js';
import { logsCollector } from './services/logs.js';
import { rdsCollector } from './services/rds.js';
import { s3Collector } from './services/s3.js';
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
];

/** The service names `--service` accepts. */
export const AWS_SERVICES: readonly string[] = AWS_COLLECTORS.map((c) => c.service);
