/**
 * The AWS data, identity and logging posture checks: S3, CloudTrail, KMS, RDS, IAM, ELBv2 and
 * CloudWatch Logs. Each lives in checks/aws/<id>/ (id equals folder, data-identity.spec.ts);
 * shared helpers are in _shared/ (skipped by the registry contract).
 */
import type { PostureCheck } from '../../check.js';
import { check as cloudtrailBucketNotPublic } from './cloudtrail-bucket-not-public/index.js';
import { check as cloudtrailBucketVersionedMfaDelete } from './cloudtrail-bucket-versioned-mfa-delete/index.js';
import { check as cloudtrailKmsEncrypted } from './cloudtrail-kms-encrypted/index.js';
import { check as cloudtrailLogFileValidation } from './cloudtrail-log-file-validation/index.js';
import { check as cloudtrailMultiRegionEnabled } from './cloudtrail-multi-region-enabled/index.js';
import { check as elbHttpRedirectsToHttps } from './elb-http-redirects-to-https/index.js';
import { check as elbTlsMin12 } from './elb-tls-min-1-2/index.js';
import { check as iamAccessKeyAge } from './iam-access-key-age/index.js';
import { check as iamConsoleUserMfa } from './iam-console-user-mfa/index.js';
import { check as iamPasswordPolicy } from './iam-password-policy/index.js';
import { check as iamRoleWildcardPhi } from './iam-role-wildcard-phi/index.js';
import { check as iamRootMfa } from './iam-root-mfa/index.js';
import { check as iamRootNoAccessKeys } from './iam-root-no-access-keys/index.js';
import { check as kmsKeyRotation } from './kms-key-rotation/index.js';
import { check as logsPhiKmsEncrypted } from './logs-phi-kms-encrypted/index.js';
import { check as logsPhiRetention6y } from './logs-phi-retention-6y/index.js';
import { check as rdsBackupRetention } from './rds-backup-retention/index.js';
import { check as rdsMultiAz } from './rds-multi-az/index.js';
import { check as rdsNotPubliclyAccessible } from './rds-not-publicly-accessible/index.js';
import { check as rdsPendingSecurityMaintenance } from './rds-pending-security-maintenance/index.js';
import { check as rdsStorageEncrypted } from './rds-storage-encrypted/index.js';
import { check as s3AccountPublicAccessBlock } from './s3-account-public-access-block/index.js';
import { check as s3BucketAccessLogging } from './s3-bucket-access-logging/index.js';
import { check as s3BucketDefaultEncryption } from './s3-bucket-default-encryption/index.js';
import { check as s3BucketPublic } from './s3-bucket-public/index.js';
import { check as s3BucketPublicPhi } from './s3-bucket-public-phi/index.js';
import { check as s3BucketVersioning } from './s3-bucket-versioning/index.js';
import { check as s3LifecyclePhiGlacierUnencrypted } from './s3-lifecycle-phi-glacier-unencrypted/index.js';

/** Every AWS data/identity/logging check, in a stable order. */
export const AWS_DATA_IDENTITY_CHECKS: PostureCheck[] = [
  cloudtrailBucketNotPublic,
  cloudtrailBucketVersionedMfaDelete,
  cloudtrailKmsEncrypted,
  cloudtrailLogFileValidation,
  cloudtrailMultiRegionEnabled,
  elbHttpRedirectsToHttps,
  elbTlsMin12,
  iamAccessKeyAge,
  iamConsoleUserMfa,
  iamPasswordPolicy,
  iamRoleWildcardPhi,
  iamRootMfa,
  iamRootNoAccessKeys,
  kmsKeyRotation,
  logsPhiKmsEncrypted,
  logsPhiRetention6y,
  rdsBackupRetention,
  rdsMultiAz,
  rdsNotPubliclyAccessible,
  rdsPendingSecurityMaintenance,
  rdsStorageEncrypted,
  s3AccountPublicAccessBlock,
  s3BucketAccessLogging,
  s3BucketDefaultEncryption,
  s3BucketPublic,
  s3BucketPublicPhi,
  s3BucketVersioning,
  s3LifecyclePhiGlacierUnencrypted,
];
