/**
 * EFS file systems are encrypted at rest. Encryption is chosen when a file system is created and
 * cannot be turned on later, so an unencrypted one must be migrated. Anchors: AWS Config
 * `EFS_ENCRYPTED_CHECK` and Prowler `efs_encryption_at_rest_enabled`, all file systems. Config's
 * optional `KmsKeyId` parameter (a required key) is not offered.
 */
import { listingErrors, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { phiEvidence, unreadableBy } from '../_stores/util.js';

const TYPE = 'AWS::EFS::FileSystem';

export const check: PostureCheck = {
  id: 'efs-encrypted',
  provider: 'aws',
  title: 'EFS file systems are encrypted at rest',
  severity: 'high',
  resourceType: TYPE,
  citations: ['164.312(a)(2)(iv)', '164.310(d)(1)', '164.308(a)(1)(ii)(B)'],
  risk: 'Files on an unencrypted file system, and its backups and replicas, are readable by anyone who obtains the underlying storage or a copy of it.',
  remediation: {
    text: 'Encryption at rest is set at creation: create a new file system with "Enable encryption of data at rest" (a KMS key of your own for PHI), copy the data with AWS DataSync, repoint the mount targets, and delete the old one.',
    cli: 'aws efs create-file-system --encrypted --kms-key-id arn:aws:kms:REGION:ACCOUNT:key/KEY_ID --performance-mode generalPurpose --tags Key=Name,Value=NAME',
    terraform:
      'resource "aws_efs_file_system" "images" {\n  encrypted  = true\n  kms_key_id = aws_kms_key.phi.arn\n}',
  },
  evaluate(snapshot) {
    const systems = resourcesOf(snapshot, TYPE).map((f) => {
      const encrypted = f.configuration.encrypted;
      if (typeof encrypted !== 'boolean')
        return unreadableBy(check, snapshot, f, 'efs', 'DescribeFileSystems', 'encryption setting');
      const evidence = { encrypted, kmsKeyId: f.configuration.kmsKeyId ?? null, phi: phiEvidence(f) };
      return encrypted
        ? result(check, f, 'pass', 'The file system is encrypted at rest.', evidence)
        : result(check, f, 'fail', 'The file system is not encrypted at rest.', evidence);
    });
    return [
      ...systems,
      ...listingErrors(
        check,
        snapshot,
        'efs',
        ['DescribeFileSystems'],
        (a, r) => `arn:aws:elasticfilesystem:${r}:${a}:file-system/*`,
      ),
    ];
  },
};
