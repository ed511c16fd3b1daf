/**
 * A PHI bucket whose lifecycle moves objects to an archive class (GLACIER, GLACIER_IR,
 * DEEP_ARCHIVE) must have default encryption: archives keep ePHI for years, and objects
 * transitioned keep the encryption they were written with.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { sseAlgorithms } from '../_shared/s3-config.js';
import { arr, has, obj, phiScope, unreadable } from '../_shared/util.js';

const ARCHIVE = new Set(['GLACIER', 'GLACIER_IR', 'DEEP_ARCHIVE']);

/** Archive classes an enabled lifecycle rule transitions objects (or noncurrent versions) to. */
export function archiveTransitions(lifecycle: unknown): string[] {
  const out = new Set<string>();
  for (const rule of arr(obj(lifecycle)?.rules)) {
    const r = obj(rule);
    if (r === undefined || r.status !== 'Enabled') continue;
    for (const t of [...arr(r.transitions), ...arr(r.noncurrentVersionTransitions)]) {
      const sc = obj(t)?.storageClass;
      if (typeof sc === 'string' && ARCHIVE.has(sc)) out.add(sc);
    }
  }
  return [...out].sort();
}

export const check: PostureCheck = {
  id: 's3-lifecycle-phi-glacier-unencrypted',
  provider: 'aws',
  title: 'PHI buckets archiving to Glacier have default encryption',
  severity: 'high',
  resourceType: 'AWS::S3::Bucket',
  citations: ['164.312(a)(2)(iv)', '164.310(d)(2)(iv)'],
  risk: 'Lifecycle rules move ePHI into long-lived archive storage; without default encryption those archived copies stay unencrypted for their whole retention.',
  remediation: {
    text: 'Turn on default SSE-KMS for the bucket, then re-encrypt existing objects (S3 Batch Operations copy) before or after they transition.',
    cli: 'aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"KEY_ARN"}}]}\'',
    terraform:
      'resource "aws_s3_bucket_server_side_encryption_configuration" "phi" {\n  bucket = aws_s3_bucket.phi.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.phi.arn\n    }\n  }\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::S3::Bucket').flatMap((b) => {
      const scope = phiScope(snapshot, b, 's3', has(b, 'BucketTaggingConfiguration'));
      if (scope.phi === 'unknown')
        return [result(check, b, 'error', `PHI classification unknown: ${scope.reason}`)];
      if (!scope.phi) return [];
      if (!has(b, 'BucketLifecycleConfiguration'))
        return [unreadable(check, snapshot, b, 's3', 'BucketLifecycleConfiguration')];
      const archive = archiveTransitions(b.supplementary.BucketLifecycleConfiguration);
      if (archive.length === 0)
        return [
          result(check, b, 'pass', 'No lifecycle transition to an archive class', { archiveTransitions: [] }),
        ];
      if (!has(b, 'ServerSideEncryptionConfiguration'))
        return [unreadable(check, snapshot, b, 's3', 'ServerSideEncryptionConfiguration')];
      const sse = sseAlgorithms(b.supplementary.ServerSideEncryptionConfiguration);
      const evidence = { archiveTransitions: archive, sseAlgorithms: sse, phi: scope.source };
      return sse.length > 0
        ? [result(check, b, 'pass', `Archives to ${archive.join(', ')} with default encryption`, evidence)]
        : [
            result(
              check,
              b,
              'fail',
              `Archives PHI to ${archive.join(', ')} without default encryption`,
              evidence,
            ),
          ];
    });
  },
};
