/**
 * RDS DB clusters (Aurora and Multi-AZ DB clusters) have deletion protection on, so a console
 * slip, a script or a compromised credential cannot drop the cluster without first changing it.
 * Anchor: AWS Config `RDS_CLUSTER_DELETION_PROTECTION_ENABLED`, every cluster.
 */
import { listingErrors, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { phiEvidence, unreadableBy } from '../_stores/util.js';

const TYPE = 'AWS::RDS::DBCluster';

export const check: PostureCheck = {
  id: 'rds-cluster-deletion-protection',
  provider: 'aws',
  title: 'RDS DB clusters have deletion protection enabled',
  severity: 'medium',
  resourceType: TYPE,
  citations: ['164.312(c)(1)', '164.308(a)(7)(ii)(B)'],
  risk: 'Without deletion protection one API call deletes the cluster and, unless a final snapshot is asked for, its automated backups with it.',
  remediation: {
    text: 'RDS console → Databases → cluster → Modify → Deletion protection: Enable deletion protection → Apply immediately.',
    cli: 'aws rds modify-db-cluster --db-cluster-identifier CLUSTER --deletion-protection --apply-immediately',
    terraform: 'resource "aws_rds_cluster" "ehr" {\n  # …\n  deletion_protection = true\n}',
  },
  evaluate(snapshot) {
    const clusters = resourcesOf(snapshot, TYPE).map((c) => {
      const protection = c.configuration.deletionProtection;
      if (typeof protection !== 'boolean')
        return unreadableBy(check, snapshot, c, 'rds', 'DescribeDBClusters', 'deletionProtection');
      const evidence = {
        deletionProtection: protection,
        engine: c.configuration.engine ?? null,
        phi: phiEvidence(c),
      };
      return protection
        ? result(check, c, 'pass', 'Deletion protection is enabled.', evidence)
        : result(check, c, 'fail', 'Deletion protection is disabled.', evidence);
    });
    return [...clusters, ...listingErrors(check, snapshot, 'rds', ['DescribeDBClusters'], 'cluster:*')];
  },
};
