/**
 * A Lambda function's resource-based policy does not let anyone invoke or manage it: no Allow
 * statement with Principal "*" or {"AWS": "*"} unless a condition narrows it to an account, an
 * organisation, a source ARN or a network (AWS Config LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED,
 * Prowler awslambda_function_not_publicly_accessible). Principal and condition semantics are
 * _shared/policy.ts's, the same as for S3 bucket policies. Deliberate choices: a service principal
 * (`s3.amazonaws.com`) without aws:SourceAccount is not judged public — that is a confused-deputy
 * risk, not anonymous access; `lambda:FunctionUrlAuthType` narrows nothing, so the statement the
 * console writes for a URL with AuthType NONE is public here (and in lambda-function-url-public).
 */
import { listingErrors, operationGap, type PostureCheck, resourcesOf, result } from '../../../check.js';

import { publicStatements, type Statement, statements } from '../_shared/policy.js';
import { has } from '../_shared/util.js';

const TYPE = 'AWS::Lambda::Function';

const shown = (s: Statement) => ({
  sid: s.Sid ?? null,
  principal: s.Principal ?? null,
  action: s.Action ?? null,
  condition: s.Condition ?? null,
});

export const check: PostureCheck = {
  id: 'lambda-public-access-prohibited',
  provider: 'aws',
  title: 'Lambda function policies do not allow public access',
  severity: 'critical',
  resourceType: TYPE,
  citations: ['164.312(a)(1)', '164.308(a)(3)(i)', '164.308(a)(1)(ii)(B)'],
  risk: 'A function anyone may invoke runs its code, and reaches the PHI stores its role can read, for any caller on the internet; a public lambda:* grant lets strangers replace the code.',
  remediation: {
    text: 'Lambda console → function → Configuration → Permissions → Resource-based policy statements: delete statements whose principal is "*", or add a condition (aws:SourceAccount, aws:SourceArn, aws:PrincipalOrgID) that names who may call.',
    cli: 'aws lambda get-policy --function-name FUNCTION\naws lambda remove-permission --function-name FUNCTION --statement-id SID',
    terraform:
      'resource "aws_lambda_permission" "from_bucket" {\n  function_name  = aws_lambda_function.fn.function_name\n  action         = "lambda:InvokeFunction"\n  principal      = "s3.amazonaws.com"\n  source_arn     = aws_s3_bucket.in.arn\n  source_account = data.aws_caller_identity.current.account_id\n}',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
  },
  evaluate(snapshot) {
    const out = resourcesOf(snapshot, TYPE).map((r) => {
      if (!has(r, 'Policy')) {
        const gap = operationGap(snapshot, 'lambda', ['GetPolicy'], r.account, r.region);
        return result(
          check,
          r,
          'error',
          gap
            ? `The function policy could not be read: ${gap}.`
            : 'The function policy is not in the snapshot.',
          { missing: 'Policy' },
        );
      }
      const policy = r.supplementary.Policy;
      if (policy === null)
        return result(check, r, 'pass', 'The function has no resource-based policy.', { policy: null });
      const all = statements(policy);
      if (all === undefined)
        return result(check, r, 'manual', 'The function policy could not be parsed; review it by hand.', {
          policy,
        });
      const open = publicStatements(policy) ?? [];
      return open.length > 0
        ? result(
            check,
            r,
            'fail',
            `The function policy lets anyone in: ${open.map((s) => s.Sid ?? '(no Sid)').join(', ')}.`,
            { publicStatements: open.map(shown) },
          )
        : result(check, r, 'pass', 'No policy statement grants access to everyone.', {
            statements: all.length,
          });
    });
    return [...out, ...listingErrors(check, snapshot, 'lambda', ['ListFunctions'], 'function:*')];
  },
};
