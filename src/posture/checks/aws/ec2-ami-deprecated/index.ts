/** An instance's AMI has not passed its deprecation time (at the snapshot's collection time). */
import type { PostureCheck } from '../../../check.js';
import { listingErrors, resourcesOf, result } from '../../../check.js';
import { amiOf } from '../_compute/ami.js';
import { snapshotTime, str } from '../_compute/util.js';

const TYPE = 'AWS::EC2::Instance';

export const check: PostureCheck = {
  id: 'ec2-ami-deprecated',
  provider: 'aws',
  title: 'EC2 instances do not run deprecated AMIs',
  severity: 'medium',
  resourceType: TYPE,
  citations: ['164.308(a)(5)(ii)(B)', '164.308(a)(1)(ii)(B)'],
  risk: 'A deprecated AMI is no longer maintained by its owner: its packages stop receiving fixes in new builds, and relaunches bring back a known-vulnerable baseline.',
  remediation: {
    text: 'Move the instance (or its launch template / Auto Scaling group) to a current, supported AMI and replace the instance; keep image pipelines pinned to SSM public parameters rather than AMI ids.',
    cli: 'aws ec2 describe-images --image-ids <ami-id> --include-deprecated --query "Images[].DeprecationTime"\naws autoscaling start-instance-refresh --auto-scaling-group-name <asg>',
    terraform:
      'data "aws_ami" "base" {\n  most_recent = true\n  owners      = ["amazon"]\n  filter {\n    name   = "name"\n    values = ["al2023-ami-*-x86_64"]\n  }\n}',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ami-deprecate.html',
  },
  evaluate(snapshot) {
    const now = snapshotTime(snapshot);
    const out = resourcesOf(snapshot, TYPE).map((r) => {
      const ami = amiOf(snapshot, r);
      const imageId = str(r.configuration.imageId);
      if (!('image' in ami))
        return result(check, r, ami.status, `The AMI's deprecation is unknown: ${ami.reason}`, {
          imageId,
          reason: ami.reason,
        });
      const deprecationTime = str(ami.image.deprecationTime);
      const evidence = {
        imageId,
        imageName: ami.image.name,
        deprecationTime: deprecationTime ?? null,
        collectedAt: snapshot.collectedAt,
      };
      if (deprecationTime === undefined)
        return result(check, r, 'pass', 'The AMI has no deprecation time.', evidence);
      const at = Date.parse(deprecationTime);
      if (now === undefined || Number.isNaN(at))
        return result(
          check,
          r,
          'manual',
          'The deprecation time or the snapshot time could not be read.',
          evidence,
        );
      return at <= now
        ? result(check, r, 'fail', `The AMI was deprecated on ${deprecationTime.slice(0, 10)}.`, evidence)
        : result(check, r, 'pass', `The AMI is deprecated from ${deprecationTime.slice(0, 10)}.`, evidence);
    });
    return [...out, ...listingErrors(check, snapshot, 'ec2', ['DescribeInstances'], 'instance/*')];
  },
};
