/**
 * Lambda functions do not run a runtime past its deprecation date, judged at the snapshot's
 * collection time (never the reader's clock, so a stored snapshot always gives the same answer).
 * The date is `supplementary.runtimeDeprecation.date` (lambda-runtimes.ts).
 */
import type { PostureCheck } from '../../../check.js';
import { listingErrors, resourcesOf, result } from '../../../check.js';
import { rec, snapshotTime, str } from '../_compute/util.js';

const TYPE = 'AWS::Lambda::Function';

export const check: PostureCheck = {
  id: 'lambda-deprecated-runtime',
  provider: 'aws',
  title: 'Lambda functions do not use deprecated runtimes',
  severity: 'high',
  resourceType: TYPE,
  citations: ['164.308(a)(5)(ii)(B)', '164.308(a)(1)(ii)(B)'],
  risk: "After a runtime's deprecation date Lambda stops applying security patches to it; the function keeps running on an unpatched language runtime and OS.",
  remediation: {
    text: 'Lambda console → function → Code → Runtime settings → Edit → choose a supported runtime, test, and publish a new version.',
    cli: 'aws lambda update-function-configuration --function-name <name> --runtime python3.13',
    terraform: 'resource "aws_lambda_function" "fn" {\n  # ...\n  runtime = "python3.13"\n}',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html',
  },
  evaluate(snapshot) {
    const now = snapshotTime(snapshot);
    const out = resourcesOf(snapshot, TYPE).flatMap((r) => {
      const runtime = str(r.configuration.runtime);
      // Container-image functions have no managed runtime: their image's own patching applies.
      if (!runtime && r.configuration.packageType === 'Image') return [];
      const date = str(rec(r.supplementary.runtimeDeprecation)?.date);
      const evidence = { runtime, deprecationDate: date ?? null, collectedAt: snapshot.collectedAt };
      if (!date)
        return [
          result(
            check,
            r,
            'manual',
            `The deprecation date of runtime ${runtime ?? '(none)'} is not known.`,
            evidence,
          ),
        ];
      const at = Date.parse(`${date}T00:00:00Z`);
      if (now === undefined || Number.isNaN(at))
        return [
          result(check, r, 'manual', 'The deprecation date or snapshot time could not be read.', evidence),
        ];
      return [
        at <= now
          ? result(check, r, 'fail', `Runtime ${runtime} was deprecated on ${date}.`, evidence)
          : result(check, r, 'pass', `Runtime ${runtime} is supported until ${date}.`, evidence),
      ];
    });
    return [...out, ...listingErrors(check, snapshot, 'lambda', ['ListFunctions'], 'function:*')];
  },
};
