/**
 * Application Load Balancers drop HTTP header fields that are not valid (AWS Config
 * ALB_HTTP_DROP_INVALID_HEADER_ENABLED; neither HIPAA anchor pack includes it). Malformed headers
 * passed to the targets are the raw material of request smuggling and header injection against
 * the application behind.
 */
import type { PostureCheck } from '../../../check.js';
import { attributeResults, LOAD_BALANCER } from '../_hardening/elb.js';

export const check: PostureCheck = {
  id: 'elb-drop-invalid-headers',
  provider: 'aws',
  title: 'Application Load Balancers drop invalid HTTP headers',
  severity: 'low',
  resourceType: LOAD_BALANCER,
  citations: ['164.312(c)(1)', '164.312(e)(2)(i)'],
  risk: "Forwarding malformed header fields lets an attacker desynchronise the load balancer and the application (request smuggling), reaching other users' sessions and the ePHI in them.",
  remediation: {
    text: 'EC2 console → Load balancers → select (application) → Attributes → Edit → Packet handling → turn on "Drop invalid header fields".',
    cli: 'aws elbv2 modify-load-balancer-attributes --load-balancer-arn LB_ARN --attributes Key=routing.http.drop_invalid_header_fields.enabled,Value=true',
    terraform:
      'resource "aws_lb" "app" {\n  # …\n  load_balancer_type         = "application"\n  drop_invalid_header_fields = true\n}',
  },
  evaluate(snapshot) {
    return attributeResults(check, snapshot, {
      key: 'routing.http.drop_invalid_header_fields.enabled',
      types: ['application'],
      pass: 'Invalid header fields are dropped',
      fail: 'Invalid header fields are forwarded to targets',
      evidenceKeys: ['routing.http.desync_mitigation_mode'],
    });
  },
};
