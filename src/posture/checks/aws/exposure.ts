/**
 * The AWS exposure checks: who can reach a Lambda function (resource policy, function URL), S3
 * Object Ownership, Object Lock, replication and event notifications, and a sampled scan of
 * CloudWatch log events for PHI and credentials. Each lives in checks/aws/<id>/ (id equals folder).
 */
import type { PostureCheck } from '../../check.js';
import { check as lambdaFunctionUrlPublic } from './lambda-function-url-public/index.js';
import { check as lambdaPublicAccessProhibited } from './lambda-public-access-prohibited/index.js';
import { check as logsSensitiveDataSampled } from './logs-sensitive-data-sampled/index.js';
import { check as s3BucketAclProhibited } from './s3-bucket-acl-prohibited/index.js';
import { check as s3BucketObjectLockPhi } from './s3-bucket-object-lock-phi/index.js';
import { check as s3BucketReplicationPhi } from './s3-bucket-replication-phi/index.js';
import { check as s3EventNotifications } from './s3-event-notifications/index.js';

/** Every AWS exposure check, in a stable order. */
export const AWS_EXPOSURE_CHECKS: readonly PostureCheck[] = [
  lambdaPublicAccessProhibited,
  lambdaFunctionUrlPublic,
  s3BucketAclProhibited,
  s3BucketObjectLockPhi,
  s3BucketReplicationPhi,
  s3EventNotifications,
  logsSensitiveDataSampled,
];
