/**
 * An instance's AMI is no older than `params.amiMaxAgeDays` (default 180) at the snapshot's
 * collection time (pattern #24). An old AMI means an old baseline: everything since its build
 * must have been patched in place, and every relaunch starts from the old state.
 */
import type { PostureCheck } from '../../../check.js';
import { listingErrors, resourcesOf, result } from '../../../check.js';
import { amiOf } from '../_compute/ami.js';
import { DAY_MS, snapshotTime, str } from '../_compute/util.js';

const TYPE = 'AWS::EC2::Instance';

export const check: PostureCheck = {
  id: 'ec2-ami-age',
  provider: 'aws',
  title: 'EC2 instances run AMIs younger than the maximum age',
  severity: 'medium',
  resourceType: TYPE,
  citations: ['164.308(a)(5)(ii)(B)', '164.308(a)(1)(ii)(B)'],
  risk: 'Instances launched from an old AMI start from an unpatched baseline; replacements and autoscaling reintroduce the vulnerabilities fixed since the image was built.',
  remediation: {
    text: 'Rebuild the image from a current base (EC2 Image Builder pipeline on a schedule), update the launch template to the new AMI and replace the instances.',
    cli: 'aws ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64\naws ec2 create-launch-template-version --launch-template-id <lt-id> --source-version 1 --launch-template-data \'{"ImageId":"<new-ami>"}\'',
    terraform:
      'data "aws_ssm_parameter" "al2023" {\n  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"\n}\nresource "aws_launch_template" "app" {\n  image_id = data.aws_ssm_parameter.al2023.value\n}',
    url: 'https://docs.aws.amazon.com/imagebuilder/latest/userguide/what-is-image-builder.html',
  },
  params: ['amiMaxAgeDays'],
  evaluate(snapshot, params) {
    const now = snapshotTime(snapshot);
    const out = resourcesOf(snapshot, TYPE).map((r) => {
      const ami = amiOf(snapshot, r);
      const imageId = str(r.configuration.imageId);
      if (!('image' in ami))
        return result(check, r, ami.status, `The AMI's age is unknown: ${ami.reason}`, {
          imageId,
          reason: ami.reason,
        });
      const creationDate = str(ami.image.creationDate);
      const created = creationDate ? Date.parse(creationDate) : Number.NaN;
      const evidence = {
        imageId,
        imageName: ami.image.name,
        creationDate,
        maxAgeDays: params.amiMaxAgeDays,
        collectedAt: snapshot.collectedAt,
      };
      if (now === undefined || Number.isNaN(created))
        return result(
          check,
          r,
          'manual',
          'The AMI creation date or the snapshot time could not be read.',
          evidence,
        );
      const ageDays = Math.floor((now - created) / DAY_MS);
      const withAge = { ...evidence, ageDays };
      return ageDays > params.amiMaxAgeDays
        ? result(
            check,
            r,
            'fail',
            `The AMI is ${ageDays} days old (maximum ${params.amiMaxAgeDays}).`,
            withAge,
          )
        : result(check, r, 'pass', `The AMI is ${ageDays} days old.`, withAge);
    });
    return [...out, ...listingErrors(check, snapshot, 'ec2', ['DescribeInstances'], 'instance/*')];
  },
};
