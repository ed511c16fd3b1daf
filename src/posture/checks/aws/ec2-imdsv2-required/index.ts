/** Instances require IMDSv2 session tokens (metadataOptions.httpTokens = required), which blocks SSRF theft of role credentials. */
import type { PostureCheck } from '../../../check.js';
import { listingErrors, resourcesOf, result } from '../../../check.js';
import { isPhi, rec, str } from '../_compute/util.js';

const TYPE = 'AWS::EC2::Instance';

export const check: PostureCheck = {
  id: 'ec2-imdsv2-required',
  provider: 'aws',
  title: 'EC2 instances require IMDSv2',
  severity: 'high',
  resourceType: TYPE,
  citations: ['164.312(a)(1)', '164.308(a)(1)(ii)(B)', '164.308(a)(4)(ii)(B)'],
  risk: "With IMDSv1 allowed, a server-side request forgery in any application on the instance can read the instance role's temporary credentials and use them to reach ePHI stores.",
  remediation: {
    text: 'EC2 console → Instances → select → Actions → Instance settings → Modify instance metadata options → IMDSv2 "Required". Set the account default for new instances too.',
    cli: 'aws ec2 modify-instance-metadata-options --instance-id <id> --http-tokens required --http-endpoint enabled\naws ec2 modify-instance-metadata-defaults --http-tokens required',
    terraform:
      'resource "aws_instance" "app" {\n  # ...\n  metadata_options {\n    http_tokens   = "required"\n    http_endpoint = "enabled"\n  }\n}',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html',
  },
  evaluate(snapshot) {
    const out = resourcesOf(snapshot, TYPE).map((r) => {
      const md = rec(r.configuration.metadataOptions);
      const httpTokens = str(md?.httpTokens);
      const httpEndpoint = str(md?.httpEndpoint);
      const evidence = { httpTokens, httpEndpoint, phi: isPhi(r) };
      if (httpEndpoint === 'disabled')
        return result(check, r, 'pass', 'The metadata service is disabled.', evidence);
      if (httpTokens === 'required') return result(check, r, 'pass', 'IMDSv2 is required.', evidence);
      if (httpTokens === 'optional')
        return result(check, r, 'fail', 'IMDSv1 is allowed (httpTokens optional).', evidence);
      return result(check, r, 'manual', "The instance's metadata options were not recorded.", evidence);
    });
    return [...out, ...listingErrors(check, snapshot, 'ec2', ['DescribeInstances'], 'instance/*')];
  },
};
