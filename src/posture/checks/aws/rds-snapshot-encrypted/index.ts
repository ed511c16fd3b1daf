/**
 * Manual RDS DB snapshots and DB cluster snapshots are encrypted (`encrypted`, or
 * `storageEncrypted` for cluster snapshots). A snapshot of an unencrypted instance is
 * unencrypted; it can be copied with a KMS key into an encrypted one. Anchor: AWS Config
 * `RDS_SNAPSHOT_ENCRYPTED` (DB and cluster snapshots). Automated snapshots share their instance's
 * encryption, which rds-storage-encrypted judges, and are not collected.
 */
import { listingErrors, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { phiEvidence, unreadableBy } from '../_stores/util.js';

const KINDS = [
  { type: 'AWS::RDS::DBSnapshot', field: 'encrypted', op: 'DescribeDBSnapshots', arn: 'snapshot' },
  {
    type: 'AWS::RDS::DBClusterSnapshot',
    field: 'storageEncrypted',
    op: 'DescribeDBClusterSnapshots',
    arn: 'cluster-snapshot',
  },
] as const;

export const check: PostureCheck = {
  id: 'rds-snapshot-encrypted',
  provider: 'aws',
  title: 'RDS snapshots are encrypted',
  severity: 'high',
  resourceType: 'AWS::RDS::DBSnapshot',
  citations: ['164.312(a)(2)(iv)', '164.310(d)(2)(iv)'],
  risk: 'An unencrypted snapshot holds a full copy of the database in the clear: anyone who can copy, share or restore it reads the ePHI.',
  remediation: {
    text: 'RDS console → Snapshots → snapshot → Actions → Copy snapshot → Enable encryption with a KMS key; then delete the unencrypted snapshot. Encrypt the source instance so new snapshots are encrypted.',
    cli: 'aws rds copy-db-snapshot --source-db-snapshot-identifier SNAPSHOT --target-db-snapshot-identifier SNAPSHOT-encrypted --kms-key-id arn:aws:kms:REGION:ACCOUNT:key/KEY_ID\naws rds delete-db-snapshot --db-snapshot-identifier SNAPSHOT',
    terraform:
      'resource "aws_db_snapshot_copy" "encrypted" {\n  source_db_snapshot_identifier = "arn:aws:rds:REGION:ACCOUNT:snapshot:SNAPSHOT"\n  target_db_snapshot_identifier = "SNAPSHOT-encrypted"\n  kms_key_id                    = aws_kms_key.phi.arn\n}',
  },
  evaluate(snapshot) {
    const out = KINDS.flatMap(({ type, field, op }) =>
      resourcesOf(snapshot, type).map((s) => {
        const encrypted = s.configuration[field];
        if (typeof encrypted !== 'boolean') return unreadableBy(check, snapshot, s, 'rds', op, field);
        const evidence = {
          [field]: encrypted,
          kmsKeyId: s.configuration.kmsKeyId ?? null,
          phi: phiEvidence(s),
        };
        return encrypted
          ? result(check, s, 'pass', 'The snapshot is encrypted.', evidence)
          : result(check, s, 'fail', 'The snapshot is not encrypted.', evidence);
      }),
    );
    return [
      ...out,
      ...KINDS.flatMap(({ op, arn }) =>
        listingErrors(check, snapshot, 'rds', [op], (a, r) => `arn:aws:rds:${r}:${a}:${arn}:*`),
      ),
    ];
  },
};
