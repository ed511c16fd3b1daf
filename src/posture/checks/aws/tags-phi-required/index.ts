/**
 * PHI resources carry every tag of `params.requiredPhiTags` (default PHI, Owner,
 * DataClassification) with a non-empty value (pattern #15, scoped to PHI resources as the aws-tags
 * noise complaint suggests). Tag names compare case-insensitively, as core/phi.ts does.
 */
import type { PostureCheck } from '../../../check.js';
import { result } from '../../../check.js';
import { judgePhiTagged } from '../_compute/tags.js';

export const check: PostureCheck = {
  id: 'tags-phi-required',
  provider: 'aws',
  title: 'PHI resources carry the required tags',
  severity: 'medium',
  resourceType: '*',
  citations: ['164.308(a)(1)(ii)(A)', '164.310(d)(1)', '164.308(a)(2)'],
  risk: 'Without owner and classification tags a PHI resource drops out of the inventory that risk analysis, access reviews and incident response depend on, and nobody is accountable for it.',
  remediation: {
    text: 'Add the missing tags to the resource and enforce them with an Organizations tag policy and, for new resources, an SCP or AWS Config required-tags rule.',
    cli: 'aws resourcegroupstaggingapi tag-resources --resource-arn-list <arn> --tags PHI=true,Owner=<team>,DataClassification=ePHI',
    terraform:
      'provider "aws" {\n  default_tags {\n    tags = { PHI = "true", Owner = "clinical-platform", DataClassification = "ePHI" }\n  }\n}',
    url: 'https://docs.aws.amazon.com/config/latest/developerguide/required-tags.html',
  },
  params: ['requiredPhiTags'],
  evaluate(snapshot, params) {
    return judgePhiTagged(check, snapshot, (r, phi) => {
      const present = new Map(Object.entries(r.tags).map(([k, v]) => [k.toLowerCase(), v.trim()]));
      const missing = params.requiredPhiTags.filter((t) => !present.get(t.toLowerCase()));
      const evidence = { phiSource: phi.source, required: [...params.requiredPhiTags], missing };
      return missing.length > 0
        ? result(check, r, 'fail', `PHI resource missing tag(s): ${missing.join(', ')}.`, evidence)
        : result(check, r, 'pass', 'PHI resource carries every required tag.', evidence);
    });
  },
};
