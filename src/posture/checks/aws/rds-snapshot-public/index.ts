/**
 * Manual RDS DB snapshots and DB cluster snapshots are not public: their `restore` attribute does
 * not hold `all`. Account ids in it share the snapshot with those accounts only; the evidence
 * lists them. Anchors: AWS Config `RDS_SNAPSHOTS_PUBLIC_PROHIBITED` (DB and cluster snapshots)
 * and Prowler `rds_snapshots_public_access`. Automated snapshots cannot be shared and are not
 * collected.
 */
import type { CloudResource } from '../../../../core/cloud.js';
import { listingErrors, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { list, record, str } from '../../../read.js';
import { has } from '../_shared/util.js';
import { phiEvidence, unreadableBy } from '../_stores/util.js';

const KINDS = [
  { type: 'AWS::RDS::DBSnapshot', key: 'DBSnapshotAttributes', op: 'DescribeDBSnapshotAttributes' },
  {
    type: 'AWS::RDS::DBClusterSnapshot',
    key: 'DBClusterSnapshotAttributes',
    op: 'DescribeDBClusterSnapshotAttributes',
  },
] as const;

/** The `restore` attribute's values: `all` (public) and account ids. */
export function restoreValues(r: CloudResource, key: string): string[] {
  const restore = list(r.supplementary[key]).find((a) => str(record(a)?.attributeName) === 'restore');
  return list(record(restore)?.attributeValues).filter((v): v is string => typeof v === 'string');
}

export const check: PostureCheck = {
  id: 'rds-snapshot-public',
  provider: 'aws',
  title: 'RDS snapshots are not public',
  severity: 'critical',
  resourceType: 'AWS::RDS::DBSnapshot',
  citations: ['164.312(a)(1)', '164.308(a)(3)(i)', '164.308(a)(1)(ii)(B)'],
  risk: 'Any AWS account in the world can restore a public snapshot into a database it controls and read every record in it, ePHI included.',
  remediation: {
    text: 'RDS console → Snapshots → Manual → snapshot → Actions → Share snapshot → DB snapshot visibility: Private (keep only the account ids that must restore it).',
    cli: 'aws rds modify-db-snapshot-attribute --db-snapshot-identifier SNAPSHOT --attribute-name restore --values-to-remove all\naws rds modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier SNAPSHOT --attribute-name restore --values-to-remove all',
    terraform:
      'resource "aws_db_snapshot" "ehr" {\n  db_instance_identifier = aws_db_instance.ehr.identifier\n  db_snapshot_identifier = "ehr-before-upgrade"\n  shared_accounts        = [] # named accounts only, never "all"\n}',
  },
  evaluate(snapshot) {
    const out = KINDS.flatMap(({ type, key, op }) =>
      resourcesOf(snapshot, type).map((s) => {
        if (!has(s, key)) return unreadableBy(check, snapshot, s, 'rds', op, 'restore attribute');
        const values = restoreValues(s, key);
        const evidence = { restore: values, phi: phiEvidence(s) };
        return values.includes('all')
          ? result(check, s, 'fail', 'The snapshot is public: any AWS account can restore it.', evidence)
          : result(
              check,
              s,
              'pass',
              values.length > 0 ? `Shared with ${values.join(', ')} only.` : 'The snapshot is private.',
              evidence,
            );
      }),
    );
    return [
      ...out,
      ...listingErrors(check, snapshot, 'rds', ['DescribeDBSnapshots'], 'snapshot:*'),
      ...listingErrors(check, snapshot, 'rds', ['DescribeDBClusterSnapshots'], 'cluster-snapshot:*'),
    ];
  },
};
