/**
 * Load balancers (ALB, NLB, GWLB) have deletion protection on (AWS Config
 * ELB_DELETION_PROTECTION_ENABLED; Prowler elbv2_deletion_protection): one mistaken or malicious
 * call must not take the entry point to an ePHI application offline.
 */
import type { PostureCheck } from '../../../check.js';
import { attributeResults, LOAD_BALANCER } from '../_hardening/elb.js';

export const check: PostureCheck = {
  id: 'elb-deletion-protection',
  provider: 'aws',
  title: 'Load balancers have deletion protection enabled',
  severity: 'low',
  resourceType: LOAD_BALANCER,
  citations: ['164.308(a)(7)(ii)(C)', '164.308(a)(1)(ii)(B)'],
  risk: 'Without deletion protection a single API call or console slip deletes the load balancer, making the applications that serve ePHI unavailable until it is rebuilt.',
  remediation: {
    text: 'EC2 console → Load balancers → select → Attributes → Edit → turn on "Deletion protection".',
    cli: 'aws elbv2 modify-load-balancer-attributes --load-balancer-arn LB_ARN --attributes Key=deletion_protection.enabled,Value=true',
    terraform: 'resource "aws_lb" "app" {\n  # …\n  enable_deletion_protection = true\n}',
  },
  evaluate(snapshot) {
    return attributeResults(check, snapshot, {
      key: 'deletion_protection.enabled',
      types: ['application', 'network', 'gateway'],
      pass: 'Deletion protection is enabled',
      fail: 'Deletion protection is disabled',
    });
  },
};
