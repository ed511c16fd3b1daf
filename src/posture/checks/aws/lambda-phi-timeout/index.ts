/**
 * PHI-tagged Lambda functions have a timeout no longer than `params.lambdaMaxTimeoutSeconds`
 * (pattern #9; in no HIPAA pack — AWS Config's lambda-function-settings-check is the nearest).
 * Long-running PHI functions hold ePHI in memory and /tmp longer and mask stuck processing.
 */
import type { PostureCheck } from '../../../check.js';
import { listingErrors, operationGap, resourcesOf, result } from '../../../check.js';
import { isPhi, num } from '../_compute/util.js';

const TYPE = 'AWS::Lambda::Function';

export const check: PostureCheck = {
  id: 'lambda-phi-timeout',
  provider: 'aws',
  title: 'PHI Lambda functions have bounded timeouts',
  severity: 'low',
  resourceType: TYPE,
  citations: ['164.308(a)(1)(ii)(B)', '164.312(a)(2)(iii)'],
  risk: 'A PHI function allowed to run for up to 15 minutes keeps ePHI in memory and /tmp longer, retries hide failures, and a hung invocation holds open connections to PHI stores.',
  remediation: {
    text: "Lambda console → function → Configuration → General configuration → Edit → set Timeout at or below the organisation's maximum; move long work to Step Functions or queues.",
    cli: 'aws lambda update-function-configuration --function-name <name> --timeout 300',
    terraform: 'resource "aws_lambda_function" "fn" {\n  # ...\n  timeout = 300\n}',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html',
  },
  params: ['lambdaMaxTimeoutSeconds'],
  evaluate(snapshot, params) {
    const out = resourcesOf(snapshot, TYPE).flatMap((r) => {
      const max = params.lambdaMaxTimeoutSeconds;
      if (!isPhi(r)) {
        // Tags unreadable: the function may be PHI; say so instead of passing over it.
        const gap =
          Object.keys(r.tags).length === 0
            ? operationGap(snapshot, 'lambda', ['ListTags'], r.account, r.region)
            : undefined;
        return gap
          ? [result(check, r, 'error', `The function's tags could not be read: ${gap}.`, { gap })]
          : [];
      }
      const timeout = num(r.configuration.timeout);
      const evidence = { timeout, maxTimeoutSeconds: max };
      if (timeout === undefined)
        return [result(check, r, 'manual', "The function's timeout was not recorded.", evidence)];
      return [
        timeout > max
          ? result(
              check,
              r,
              'fail',
              `The PHI function's timeout is ${timeout} s (maximum ${max} s).`,
              evidence,
            )
          : result(check, r, 'pass', `The PHI function's timeout is ${timeout} s.`, evidence),
      ];
    });
    return [...out, ...listingErrors(check, snapshot, 'lambda', ['ListFunctions'], 'function:*')];
  },
};
