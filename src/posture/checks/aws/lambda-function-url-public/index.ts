/**
 * Lambda function URLs require IAM authentication: a URL with AuthType NONE answers anyone on the
 * internet (Prowler awslambda_function_url_public). As in Prowler, a function without a URL has no
 * result; unlike Prowler, which reads one URL configuration per function, every URL counts — the
 * function's own and its aliases' — and one NONE fails the function. CORS is shown as evidence
 * (who may call from a browser) but does not decide: an AWS_IAM URL with `*` origins still needs
 * signed requests.
 */
import { listingErrors, operationGap, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { list, rec, str } from '../_compute/util.js';
import { has } from '../_shared/util.js';

const TYPE = 'AWS::Lambda::Function';

export const check: PostureCheck = {
  id: 'lambda-function-url-public',
  provider: 'aws',
  title: 'Lambda function URLs require IAM authentication',
  severity: 'high',
  resourceType: TYPE,
  citations: ['164.312(a)(1)', '164.312(d)', '164.308(a)(3)(i)'],
  risk: 'A function URL with AuthType NONE is an unauthenticated HTTPS endpoint: anyone who finds it runs the function with its role, including any access to PHI the role has.',
  remediation: {
    text: 'Lambda console → function → Configuration → Function URL → Edit → Auth type AWS_IAM, and grant lambda:InvokeFunctionUrl to the callers; or put the function behind API Gateway with an authorizer.',
    cli: 'aws lambda update-function-url-config --function-name FUNCTION --auth-type AWS_IAM',
    terraform:
      'resource "aws_lambda_function_url" "fn" {\n  function_name      = aws_lambda_function.fn.function_name\n  authorization_type = "AWS_IAM"\n}',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
  },
  evaluate(snapshot) {
    const out = resourcesOf(snapshot, TYPE).flatMap((r) => {
      if (!has(r, 'functionUrlConfigs')) {
        const gap = operationGap(snapshot, 'lambda', ['ListFunctionUrlConfigs'], r.account, r.region);
        return [
          result(
            check,
            r,
            'error',
            gap
              ? `The function URLs could not be read: ${gap}.`
              : 'The function URLs are not in the snapshot.',
            { missing: 'functionUrlConfigs' },
          ),
        ];
      }
      const urls = list(r.supplementary.functionUrlConfigs).flatMap((u) => {
        const o = rec(u);
        return o ? [o] : [];
      });
      if (urls.length === 0) return [];
      const evidence = {
        functionUrls: urls.map((u) => ({
          functionArn: str(u.functionArn) ?? null,
          authType: str(u.authType) ?? null,
          allowOrigins: list(rec(u.cors)?.allowOrigins),
        })),
      };
      const open = urls.filter((u) => u.authType === 'NONE');
      if (open.length > 0)
        return [
          result(
            check,
            r,
            'fail',
            `Function URL open to anyone (AuthType NONE): ${open.map((u) => str(u.functionArn) ?? '?').join(', ')}.`,
            evidence,
          ),
        ];
      const unknown = urls.filter((u) => u.authType !== 'AWS_IAM');
      if (unknown.length > 0)
        return [result(check, r, 'manual', 'A function URL has no recognised auth type.', evidence)];
      return [result(check, r, 'pass', 'Every function URL requires AWS_IAM authentication.', evidence)];
    });
    return [...out, ...listingErrors(check, snapshot, 'lambda', ['ListFunctions'], 'function:*')];
  },
};
