/**
 * S3 buckets disable ACLs: Object Ownership is BucketOwnerEnforced, so access is decided by
 * policies alone and every object belongs to the bucket owner (AWS Config S3_BUCKET_ACL_PROHIBITED).
 * A bucket with no ownership setting (OwnershipControlsNotFoundError, buckets created before
 * April 2023 and never changed) behaves as ObjectWriter: ACLs are in effect, so it fails.
 * BucketOwnerPreferred fails too — it still honours ACLs.
 */
import { operationGap, type PostureCheck, resourcesOf, result } from '../../../check.js';

import { arr, has, obj } from '../_shared/util.js';

/** The objectOwnership values of an OwnershipControls configuration. */
export function objectOwnership(controls: unknown): string[] {
  return arr(obj(controls)?.rules).flatMap((r) => {
    const o = obj(r)?.objectOwnership;
    return typeof o === 'string' ? [o] : [];
  });
}

export const check: PostureCheck = {
  id: 's3-bucket-acl-prohibited',
  provider: 'aws',
  title: 'S3 buckets have ACLs disabled (BucketOwnerEnforced)',
  severity: 'medium',
  resourceType: 'AWS::S3::Bucket',
  citations: ['164.312(a)(1)', '164.308(a)(4)(ii)(B)'],
  risk: 'With ACLs enabled, object-level grants (including AllUsers) and objects owned by other accounts escape the bucket policy, so access to ePHI cannot be reviewed in one place.',
  remediation: {
    text: 'S3 console → bucket → Permissions → Object Ownership → Edit → "ACLs disabled (recommended)". Move any access still granted by ACLs into the bucket policy first.',
    cli: 'aws s3api put-bucket-ownership-controls --bucket BUCKET --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]',
    terraform:
      'resource "aws_s3_bucket_ownership_controls" "this" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    object_ownership = "BucketOwnerEnforced"\n  }\n}',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::S3::Bucket').map((b) => {
      if (!has(b, 'OwnershipControls')) {
        const gap = operationGap(snapshot, 's3', ['GetBucketOwnershipControls'], b.account, b.region);
        return result(
          check,
          b,
          'error',
          gap ? `Object Ownership could not be read: ${gap}.` : 'Object Ownership is not in the snapshot.',
          { missing: 'OwnershipControls' },
        );
      }
      const ownership = objectOwnership(b.supplementary.OwnershipControls);
      const evidence = { objectOwnership: ownership };
      if (ownership.length === 0)
        return result(
          check,
          b,
          'fail',
          'No Object Ownership setting: ACLs are in effect (ObjectWriter).',
          evidence,
        );
      return ownership.every((o) => o === 'BucketOwnerEnforced')
        ? result(check, b, 'pass', 'ACLs are disabled (BucketOwnerEnforced).', evidence)
        : result(check, b, 'fail', `ACLs are in effect (${ownership.join(', ')}).`, evidence);
    });
  },
};
