/** HTTP listeners of load balancers only redirect to HTTPS (no plain-HTTP forwarding). */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { arr, obj, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'elb-http-redirects-to-https',
  provider: 'aws',
  title: 'Load balancer HTTP listeners redirect to HTTPS',
  severity: 'high',
  resourceType: 'AWS::ElasticLoadBalancingV2::Listener',
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  risk: 'An HTTP listener that forwards traffic serves ePHI, session cookies and credentials in clear text to anyone on the path.',
  remediation: {
    text: 'EC2 console → Load balancers → HTTP:80 listener → Edit → default action "Redirect to URL", protocol HTTPS, port 443, status HTTP_301.',
    cli: 'aws elbv2 modify-listener --listener-arn LISTENER_ARN --default-actions \'[{"Type":"redirect","RedirectConfig":{"Protocol":"HTTPS","Port":"443","StatusCode":"HTTP_301"}}]\'',
    terraform:
      'resource "aws_lb_listener" "http" {\n  load_balancer_arn = aws_lb.web.arn\n  port              = 80\n  protocol          = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      port        = "443"\n      protocol    = "HTTPS"\n      status_code = "HTTP_301"\n    }\n  }\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::ElasticLoadBalancingV2::Listener').flatMap((l) => {
      if (l.configuration.protocol !== 'HTTP') return [];
      if (!Array.isArray(l.configuration.defaultActions))
        return [unreadable(check, snapshot, l, 'elbv2', 'listener default actions')];
      const actions = arr(l.configuration.defaultActions).flatMap((a) => (obj(a) ? [obj(a)!] : []));
      const types = actions.map((a) => a.type ?? null);
      const redirects = actions.some(
        (a) => a.type === 'redirect' && obj(a.redirectConfig)?.protocol === 'HTTPS',
      );
      const evidence = { protocol: 'HTTP', port: l.configuration.port ?? null, defaultActionTypes: types };
      return redirects
        ? [result(check, l, 'pass', 'HTTP redirects to HTTPS', evidence)]
        : [
            result(
              check,
              l,
              'fail',
              `HTTP listener's default action is ${types.join(', ') || 'none'}, not a redirect to HTTPS`,
              evidence,
            ),
          ];
    });
  },
};
