/** S3 buckets keep object versions, so overwritten or deleted ePHI can be recovered. */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { has, obj, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 's3-bucket-versioning',
  provider: 'aws',
  title: 'S3 buckets have versioning enabled',
  severity: 'medium',
  resourceType: 'AWS::S3::Bucket',
  citations: ['164.308(a)(7)(ii)(A)', '164.312(c)(1)'],
  risk: 'Without versioning an overwrite, deletion or ransomware encryption of objects cannot be undone, which defeats data backup and integrity controls.',
  remediation: {
    text: 'S3 console → bucket → Properties → Bucket Versioning → Enable; add a noncurrent-version lifecycle rule to bound cost.',
    cli: 'aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled',
    terraform:
      'resource "aws_s3_bucket_versioning" "this" {\n  bucket = aws_s3_bucket.this.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::S3::Bucket').map((b) => {
      if (!has(b, 'BucketVersioningConfiguration'))
        return unreadable(check, snapshot, b, 's3', 'BucketVersioningConfiguration');
      const status = obj(b.supplementary.BucketVersioningConfiguration)?.status ?? 'Off';
      const evidence = { versioningStatus: status };
      return status === 'Enabled'
        ? result(check, b, 'pass', 'Versioning is enabled', evidence)
        : result(check, b, 'fail', `Versioning is ${String(status)}`, evidence);
    });
  },
};
