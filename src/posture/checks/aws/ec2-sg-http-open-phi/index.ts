/**
 * A PHI instance with a public IP does not accept plain HTTP (port 80) from the internet through
 * its security groups (pattern #10). The AWS anchors accept port 80 when it only redirects to
 * HTTPS, but a bare security group cannot show a redirect — that lives in the application or a
 * load balancer listener — so a directly reachable PHI instance with port 80 open fails; an
 * instance without a public IP is not reachable that way and passes (load balancer listeners are
 * judged by the elb- checks).
 */
import type { PostureCheck } from '../../../check.js';
import { listingErrors, operationGap, resourcesOf, result } from '../../../check.js';
import { groupIdsOf, networkIndex } from '../_compute/network.js';
import { internetOpenings } from '../_compute/sg-rules.js';
import { isPhi, str } from '../_compute/util.js';

const TYPE = 'AWS::EC2::Instance';

export const check: PostureCheck = {
  id: 'ec2-sg-http-open-phi',
  provider: 'aws',
  title: 'PHI instances do not accept plain HTTP from the internet',
  severity: 'high',
  resourceType: TYPE,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)', '164.312(a)(1)'],
  risk: 'Port 80 open to the internet on a publicly addressed PHI host lets clients send ePHI and credentials in cleartext; a security group cannot prove that the port only redirects to HTTPS.',
  remediation: {
    text: 'Remove the 0.0.0.0/0 and ::/0 sources on port 80 from the security groups of PHI instances; terminate TLS on an Application Load Balancer with an HTTP→HTTPS redirect listener and keep the instance private.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <sg-id> --ip-permissions IpProtocol=tcp,FromPort=80,ToPort=80,IpRanges=[{CidrIp=0.0.0.0/0}]\naws elbv2 create-listener --load-balancer-arn <alb> --protocol HTTP --port 80 --default-actions "Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}"',
    terraform:
      'resource "aws_lb_listener" "http" {\n  load_balancer_arn = aws_lb.app.arn\n  port              = 80\n  protocol          = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      port        = "443"\n      protocol    = "HTTPS"\n      status_code = "HTTP_301"\n    }\n  }\n}',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html',
  },
  evaluate(snapshot) {
    const net = networkIndex(snapshot);
    const out = resourcesOf(snapshot, TYPE)
      .filter(isPhi)
      .map((r) => {
        const publicIpAddress = str(r.configuration.publicIpAddress);
        const groupIds = groupIdsOf(r);
        const base = { publicIpAddress: publicIpAddress ?? null, securityGroups: groupIds };
        if (!publicIpAddress)
          return result(check, r, 'pass', 'The PHI instance has no public IP address.', base);
        const groups = groupIds.map((g) => ({ g, sg: net.group(r, g) }));
        const open = groups.flatMap(({ g, sg }) =>
          sg ? internetOpenings(sg.configuration.ipPermissions, 80).map((o) => ({ groupId: g, ...o })) : [],
        );
        const evidence = { ...base, port80Open: open };
        if (open.length > 0)
          return result(
            check,
            r,
            'fail',
            'Port 80 is open to the internet on a publicly addressed PHI instance; a security group cannot show a redirect to HTTPS.',
            evidence,
          );
        const missing = groups.filter((x) => !x.sg).map((x) => x.g);
        if (missing.length > 0) {
          const gap = operationGap(snapshot, 'ec2', ['DescribeSecurityGroups'], r.account, r.region);
          if (gap)
            return result(check, r, 'error', `The instance's security groups could not be read: ${gap}.`, {
              ...evidence,
              gap,
            });
          return result(
            check,
            r,
            'manual',
            `Security groups not in the snapshot: ${missing.join(', ')}.`,
            evidence,
          );
        }
        return result(
          check,
          r,
          'pass',
          'No security group of the instance opens port 80 to the internet.',
          evidence,
        );
      });
    return [...out, ...listingErrors(check, snapshot, 'ec2', ['DescribeInstances'], 'instance/*')];
  },
};
