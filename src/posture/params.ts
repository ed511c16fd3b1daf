/**
 * Posture parameters with the founding documents' defaults (issue 6): password max age 90 days,
 * access keys rotated within 180 days (the anchors use 90: warn past it), backups at least every
 * 30 days, PHI log and backup retention 6 years, TLS ≥ 1.2, AMIs no older than 180 days.
 */
import type { PostureParams } from './check.js';

export const DEFAULT_PARAMS: PostureParams = {
  passwordMaxAgeDays: 90,
  accessKeyMaxAgeDays: 180,
  accessKeyWarnAgeDays: 90,
  backupMaxIntervalDays: 30,
  phiRetentionDays: 6 * 365,
  minTlsVersion: '1.2',
  amiMaxAgeDays: 180,
  lambdaMaxTimeoutSeconds: 300,
  adminPorts: [22, 3389, 5985, 5986],
  requiredPhiTags: ['PHI', 'Owner', 'DataClassification'],
  credentialUnusedDays: 90,
  stoppedInstanceMaxDays: 30,
  certificateMinValidDays: 30,
  secretRotationMaxDays: 90,
  backupMinRetentionDays: 35,
};
