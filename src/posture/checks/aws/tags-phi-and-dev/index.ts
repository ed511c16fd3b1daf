/**
 * No resource is tagged both PHI and a development or test environment (pattern #14, in no
 * anchor pack): either real ePHI sits in a lower environment, or the tags are wrong and every
 * PHI-scoped control is mis-aimed. One result per PHI-classified resource (core/phi.ts).
 */
import { environmentFromTags } from '../../../../core/phi.js';
import type { PostureCheck } from '../../../check.js';
import { result } from '../../../check.js';
import { judgePhiTagged } from '../_compute/tags.js';

export const check: PostureCheck = {
  id: 'tags-phi-and-dev',
  provider: 'aws',
  title: 'PHI resources are not tagged as dev or test',
  severity: 'high',
  resourceType: '*',
  citations: ['164.308(a)(1)(ii)(B)', '164.308(a)(4)(ii)(A)', '164.308(a)(3)(ii)(A)'],
  risk: 'ePHI in development or test environments is reachable by people and pipelines without production access controls; a wrong tag instead misdirects every PHI control and report.',
  remediation: {
    text: 'Decide which tag is wrong: move or de-identify the data (synthetic or de-identified per 164.514) and retag the resource as non-PHI, or correct its Environment tag to production and apply production controls.',
    cli: 'aws resourcegroupstaggingapi get-resources --tag-filters Key=PHI,Values=true Key=Environment,Values=dev,test\naws resourcegroupstaggingapi tag-resources --resource-arn-list <arn> --tags Environment=prod',
    terraform:
      'provider "aws" {\n  default_tags {\n    tags = { Environment = var.environment, PHI = var.environment == "prod" ? "true" : "false" }\n  }\n}',
    url: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_tag-policies.html',
  },
  evaluate(snapshot) {
    return judgePhiTagged(check, snapshot, (r, phi) => {
      const environment = environmentFromTags(r.tags);
      const evidence = { phiSource: phi.source, environment };
      return environment === 'dev' || environment === 'test'
        ? result(check, r, 'fail', `Tagged PHI (${phi.source}) in a ${environment} environment.`, evidence)
        : result(check, r, 'pass', `Tagged PHI in environment ${environment}.`, evidence);
    });
  },
};
