/**
 * Application and Network Load Balancers write access logs to S3 (AWS Config ELB_LOGGING_ENABLED;
 * Prowler elbv2_logging_enabled). Classic Load Balancers are not collected. Gateway Load Balancers
 * have no access logs and give no result. An NLB logs only its TLS listeners' connections.
 */
import type { PostureCheck } from '../../../check.js';
import { attributeResults, LOAD_BALANCER } from '../_hardening/elb.js';

export const check: PostureCheck = {
  id: 'elb-access-logging',
  provider: 'aws',
  title: 'Load balancers write access logs',
  severity: 'medium',
  resourceType: LOAD_BALANCER,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)', '164.308(a)(6)(ii)'],
  risk: 'Without access logs there is no record of which clients called which paths of an ePHI application, so probing, credential stuffing or data scraping cannot be investigated.',
  remediation: {
    text: 'EC2 console → Load balancers → select → Attributes → Edit → Monitoring → turn on "Access logs" and choose an S3 bucket whose policy lets the regional ELB account (or logdelivery.elasticloadbalancing.amazonaws.com) write.',
    cli: 'aws elbv2 modify-load-balancer-attributes --load-balancer-arn LB_ARN --attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=LOG_BUCKET',
    terraform:
      'resource "aws_lb" "app" {\n  # …\n  access_logs {\n    bucket  = aws_s3_bucket.lb_logs.id\n    enabled = true\n  }\n}',
  },
  evaluate(snapshot) {
    return attributeResults(check, snapshot, {
      key: 'access_logs.s3.enabled',
      types: ['application', 'network'],
      pass: 'Access logs are written to S3',
      fail: 'Access logging is disabled',
      evidenceKeys: ['access_logs.s3.bucket', 'access_logs.s3.prefix'],
    });
  },
};
