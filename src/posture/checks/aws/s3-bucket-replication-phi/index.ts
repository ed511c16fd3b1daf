/**
 * S3 buckets holding PHI replicate to another bucket with at least one enabled rule, so a copy
 * survives the loss of the bucket, its region or its account (AWS Config
 * S3_BUCKET_REPLICATION_ENABLED, without its ReplicationType parameter: same- and cross-region
 * both count). Narrower than Config: PHI-tagged buckets only. Rules are read as the API's list or
 * Config's map keyed by rule id.
 */
import { operationGap, type PostureCheck, resourcesOf, result } from '../../../check.js';

import { arr, has, obj, phiScope } from '../_shared/util.js';

/** Replication rules as a list, whether stored as the API's list or Config's map by rule id. */
export function replicationRules(config: unknown): Record<string, unknown>[] {
  const rules = obj(config)?.rules;
  const items = obj(rules)
    ? Object.entries(obj(rules) ?? {}).map(([id, r]) => ({ id, ...obj(r) }))
    : arr(rules);
  return items.flatMap((r) => {
    const o = obj(r);
    return o ? [o] : [];
  });
}

export const check: PostureCheck = {
  id: 's3-bucket-replication-phi',
  provider: 'aws',
  title: 'S3 buckets holding PHI replicate to another bucket',
  severity: 'medium',
  resourceType: 'AWS::S3::Bucket',
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.312(a)(2)(ii)'],
  risk: 'A PHI bucket without replication has a single copy: a regional outage, an account compromise or a mass deletion leaves no retrievable exact copy of the ePHI.',
  remediation: {
    text: 'Enable versioning on source and destination, then S3 console → bucket → Management → Replication rules → Create rule (status Enabled, destination bucket in another region or account, replica encryption with KMS).',
    cli: 'aws s3api put-bucket-replication --bucket BUCKET --replication-configuration file://replication.json',
    terraform:
      'resource "aws_s3_bucket_replication_configuration" "phi" {\n  bucket = aws_s3_bucket.phi.id\n  role   = aws_iam_role.replication.arn\n  rule {\n    id     = "phi-dr"\n    status = "Enabled"\n    filter {}\n    delete_marker_replication {\n      status = "Disabled"\n    }\n    destination {\n      bucket = aws_s3_bucket.phi_replica.arn\n    }\n  }\n}',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::S3::Bucket').flatMap((b) => {
      const scope = phiScope(snapshot, b, 's3', has(b, 'BucketTaggingConfiguration'));
      if (scope.phi === 'unknown')
        return [result(check, b, 'error', `PHI classification unknown: ${scope.reason}`)];
      if (!scope.phi) return [];
      if (!has(b, 'BucketReplicationConfiguration')) {
        const gap = operationGap(snapshot, 's3', ['GetBucketReplication'], b.account, b.region);
        return [
          result(
            check,
            b,
            'error',
            gap ? `Replication could not be read: ${gap}.` : 'Replication is not in the snapshot.',
            { missing: 'BucketReplicationConfiguration' },
          ),
        ];
      }
      const config = b.supplementary.BucketReplicationConfiguration;
      const rules = replicationRules(config);
      const evidence = {
        roleARN: obj(config)?.roleARN ?? null,
        rules: rules.map((r) => ({
          id: r.id ?? null,
          status: r.status ?? null,
          destination: obj(r.destination)?.bucket ?? obj(r.destinationConfig)?.bucketARN ?? null,
        })),
        phi: scope.source,
      };
      if (config === null)
        return [result(check, b, 'fail', 'The PHI bucket has no replication configuration.', evidence)];
      const enabled = rules.filter((r) => r.status === 'Enabled');
      return enabled.length > 0
        ? [result(check, b, 'pass', `${enabled.length} enabled replication rule(s).`, evidence)]
        : [result(check, b, 'fail', 'No replication rule is enabled.', evidence)];
    });
  },
};
