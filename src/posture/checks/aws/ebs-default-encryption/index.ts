/** EBS encryption by default must be on in every account and region (pattern #6). */
import type { PostureCheck } from '../../../check.js';
import { listingErrors, resourcesOf, result } from '../../../check.js';

const TYPE = 'AWS::EC2::EBSEncryptionByDefault';

export const check: PostureCheck = {
  id: 'ebs-default-encryption',
  provider: 'aws',
  title: 'EBS encryption by default is enabled in every region',
  severity: 'high',
  resourceType: TYPE,
  citations: ['164.312(a)(2)(iv)', '164.310(d)(1)', '164.308(a)(1)(ii)(B)'],
  risk: 'Without encryption by default, any new volume or snapshot created in the region — by a person, an AMI launch or automation — may hold ePHI unencrypted at rest.',
  remediation: {
    text: 'EC2 console → Settings (Data protection and security) → EBS encryption → Manage → enable "Always encrypt new EBS volumes" in each region, preferably with a customer-managed KMS key.',
    cli: 'aws ec2 enable-ebs-encryption-by-default --region <region>\naws ec2 modify-ebs-default-kms-key-id --kms-key-id <key-arn> --region <region>',
    terraform: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
  },
  evaluate(snapshot) {
    const out = resourcesOf(snapshot, TYPE).map((r) => {
      const on = r.configuration.ebsEncryptionByDefault;
      const evidence = { ebsEncryptionByDefault: on, sseType: r.configuration.sseType };
      if (on === true)
        return result(check, r, 'pass', `EBS encryption by default is on in ${r.region}.`, evidence);
      if (on === false)
        return result(check, r, 'fail', `EBS encryption by default is off in ${r.region}.`, evidence);
      return result(
        check,
        r,
        'error',
        'The setting was not recorded (ebsEncryptionByDefault missing).',
        evidence,
      );
    });
    return [
      ...out,
      ...listingErrors(check, snapshot, 'ec2', ['GetEbsEncryptionByDefault'], 'ebs-encryption-by-default'),
    ];
  },
};
