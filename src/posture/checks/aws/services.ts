/**
 * The AWS security-service posture checks: GuardDuty, Secrets Manager, ACM, SNS, VPC flow logs
 * and Organizations SCPs, over what the collectors in src/sources/cloud/aws/services/ read
 * (guardduty.ts, secretsmanager.ts, acm.ts, sns.ts, flow-logs.ts, organizations.ts). Each lives in
 * checks/aws/<id>/; services.fake-account.spec.ts runs them over the collectors' fixture account.
 */
import type { PostureCheck } from '../../check.js';
import { check as acmCertificateExpiration } from './acm-certificate-expiration/index.js';
import { check as guarddutyEnabled } from './guardduty-enabled/index.js';
import { check as guarddutyNonArchivedFindings } from './guardduty-non-archived-findings/index.js';
import { check as scpEncryptionEnforced } from './scp-encryption-enforced/index.js';
import { check as secretsmanagerCmkPhi } from './secretsmanager-cmk-phi/index.js';
import { check as secretsmanagerRotatedWithin } from './secretsmanager-rotated-within/index.js';
import { check as secretsmanagerRotationEnabled } from './secretsmanager-rotation-enabled/index.js';
import { check as secretsmanagerScheduledRotationSuccess } from './secretsmanager-scheduled-rotation-success/index.js';
import { check as snsEncryptedKms } from './sns-encrypted-kms/index.js';
import { check as vpcFlowLogsEnabled } from './vpc-flow-logs-enabled/index.js';

/** Every AWS security-service check, in a stable order. */
export const AWS_SERVICES_CHECKS: readonly PostureCheck[] = [
  acmCertificateExpiration,
  guarddutyEnabled,
  guarddutyNonArchivedFindings,
  scpEncryptionEnforced,
  secretsmanagerCmkPhi,
  secretsmanagerRotatedWithin,
  secretsmanagerRotationEnabled,
  secretsmanagerScheduledRotationSuccess,
  snsEncryptedKms,
  vpcFlowLogsEnabled,
];
