/**
 * RDS DB clusters span several Availability Zones (`multiAZ`: an Aurora cluster with a reader in
 * another zone, or a Multi-AZ DB cluster), so losing a zone fails over instead of stopping the
 * database. Anchor: AWS Config `RDS_CLUSTER_MULTI_AZ_ENABLED`, every cluster. Aurora Serverless v1
 * (`engineMode` serverless) has no readers to place and moves compute between zones on its own,
 * so it gets `manual`. Single instances are judged by rds-multi-az.
 */
import { listingErrors, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { phiEvidence, unreadableBy } from '../_stores/util.js';

const TYPE = 'AWS::RDS::DBCluster';

export const check: PostureCheck = {
  id: 'rds-cluster-multi-az',
  provider: 'aws',
  title: 'RDS DB clusters are Multi-AZ',
  severity: 'medium',
  resourceType: TYPE,
  citations: ['164.308(a)(7)(ii)(B)', '164.308(a)(7)(ii)(C)'],
  risk: 'A cluster whose instances all sit in one Availability Zone is down, and ePHI unavailable, for as long as that zone is.',
  remediation: {
    text: 'RDS console → Databases → cluster → Actions → Add reader → choose an Availability Zone other than the writer’s.',
    cli: 'aws rds create-db-instance --db-cluster-identifier CLUSTER --db-instance-identifier CLUSTER-reader-1 --db-instance-class db.r6g.large --engine aurora-postgresql --availability-zone us-east-1b',
    terraform:
      'resource "aws_rds_cluster_instance" "reader" {\n  cluster_identifier = aws_rds_cluster.ehr.id\n  instance_class     = "db.r6g.large"\n  engine             = aws_rds_cluster.ehr.engine\n  availability_zone  = "us-east-1b"\n}',
  },
  evaluate(snapshot) {
    const clusters = resourcesOf(snapshot, TYPE).map((c) => {
      const multiAZ = c.configuration.multiAZ;
      const evidence = {
        multiAZ: multiAZ ?? null,
        engine: c.configuration.engine ?? null,
        engineMode: c.configuration.engineMode ?? null,
        availabilityZones: c.configuration.availabilityZones ?? null,
        phi: phiEvidence(c),
      };
      if (c.configuration.engineMode === 'serverless')
        return result(
          check,
          c,
          'manual',
          'Aurora Serverless v1 places its capacity itself; Multi-AZ does not apply.',
          evidence,
        );
      if (typeof multiAZ !== 'boolean')
        return unreadableBy(check, snapshot, c, 'rds', 'DescribeDBClusters', 'multiAZ');
      return multiAZ
        ? result(check, c, 'pass', 'The cluster spans several Availability Zones.', evidence)
        : result(check, c, 'fail', 'The cluster runs in a single Availability Zone.', evidence);
    });
    return [...clusters, ...listingErrors(check, snapshot, 'rds', ['DescribeDBClusters'], 'cluster:*')];
  },
};
