/**
 * EC2 instances have an IAM instance profile (AWS Config EC2_INSTANCE_PROFILE_ATTACHED), so
 * software on them gets short-lived role credentials rather than access keys copied onto the
 * disk, and Systems Manager can manage them. Terminated instances are not judged.
 */
import { listingErrors, type PostureCheck, result } from '../../../check.js';
import { instanceState, liveInstances } from '../_hardening/instances.js';

import { obj } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'ec2-instance-profile-attached',
  provider: 'aws',
  title: 'EC2 instances have an IAM instance profile',
  severity: 'medium',
  resourceType: 'AWS::EC2::Instance',
  citations: ['164.312(a)(1)', '164.308(a)(4)(ii)(B)'],
  risk: 'An instance without a role gets its AWS access from long-lived keys stored on the host, which leak with backups and images and cannot be tied to the workload; it also cannot be managed or patched by Systems Manager.',
  remediation: {
    text: 'EC2 console → Instances → select → Actions → Security → Modify IAM role: attach a least-privilege role (with AmazonSSMManagedInstanceCore for Systems Manager), then remove any access keys from the host.',
    cli: 'aws ec2 associate-iam-instance-profile --instance-id INSTANCE_ID --iam-instance-profile Name=PROFILE_NAME',
    terraform:
      'resource "aws_instance" "app" {\n  # …\n  iam_instance_profile = aws_iam_instance_profile.app.name\n}',
  },
  evaluate(snapshot) {
    const out = liveInstances(snapshot).map((r) => {
      const arn = obj(r.configuration.iamInstanceProfile)?.arn;
      const evidence = {
        iamInstanceProfile: typeof arn === 'string' ? arn : null,
        state: instanceState(r) ?? null,
      };
      return typeof arn === 'string'
        ? result(check, r, 'pass', `Instance profile ${arn.split('/').pop()} is attached`, evidence)
        : result(check, r, 'fail', 'No IAM instance profile is attached', evidence);
    });
    return [...out, ...listingErrors(check, snapshot, 'ec2', ['DescribeInstances'], 'instance/*')];
  },
};
