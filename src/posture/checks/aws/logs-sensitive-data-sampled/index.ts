/**
 * A sample of each log group's recent events shows no PHI or credentials (pattern #5 of
 * POSTURE-ANCHORS.md, "PHI/session tokens logged to CloudWatch": no HIPAA anchor checks it;
 * Prowler's unmapped cloudwatch_log_group_no_secrets_in_logs scans for secrets only). The logs
 * collector reads at most a bounded number of events from a bounded recent window per group
 * (log-sample.ts) and keeps only counts per detector (US SSN, MRN and date-of-birth labels, AWS
 * access key ids and session tokens, JWTs, bearer tokens). A hit fails the group; a sample with
 * events and no hit passes as a sample — it does not prove the rest of the group clean; a window
 * with no events, or a group that cannot be sampled (Delivery log class), is `manual`. Evidence
 * is counts only: the matched text was never collected.
 */
import { operationGap, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { num, rec } from '../_compute/util.js';
import { has } from '../_shared/util.js';

/** Detector ids with their hit counts, only those that matched. */
export function detectorHits(detectors: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, d] of Object.entries(rec(detectors) ?? {})) {
    const hits = num(rec(d)?.hits);
    if (hits !== undefined && hits > 0) out[id] = hits;
  }
  return out;
}

export const check: PostureCheck = {
  id: 'logs-sensitive-data-sampled',
  provider: 'aws',
  title: 'Sampled CloudWatch log events contain no PHI or credentials',
  severity: 'high',
  resourceType: 'AWS::Logs::LogGroup',
  citations: ['164.312(a)(1)', '164.308(a)(1)(ii)(B)', '164.308(a)(5)(ii)(D)'],
  risk: 'Identifiers, dates of birth or bearer tokens written to logs are readable by everyone with log access, copied to exports and kept for the retention period — outside the controls of the PHI store and the secret store.',
  remediation: {
    text: 'Find the events from the first hit (log stream and time are in the snapshot), stop the application logging the field, rotate any exposed credential, and add a CloudWatch Logs data protection policy that masks the identifiers; review who holds logs:GetLogEvents on the group.',
    cli: 'aws logs put-data-protection-policy --log-group-identifier GROUP --policy-document file://mask-phi.json',
    terraform:
      'resource "aws_cloudwatch_log_data_protection_policy" "mask" {\n  log_group_name  = aws_cloudwatch_log_group.app.name\n  policy_document = file("mask-phi.json")\n}',
    url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/mask-sensitive-log-data.html',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::Logs::LogGroup').map((g) => {
      if (g.supplementary.sensitiveDataSample === null) {
        const logGroupClass = g.configuration.logGroupClass ?? null;
        return result(
          check,
          g,
          'manual',
          `The group's events cannot be sampled${logGroupClass ? ` (log class ${String(logGroupClass)})` : ''}; review what it receives by hand.`,
          { logGroupClass },
        );
      }
      const sample = rec(g.supplementary.sensitiveDataSample);
      const sampled = num(sample?.eventsSampled);
      if (!has(g, 'sensitiveDataSample') || sampled === undefined) {
        const gap = operationGap(snapshot, 'logs', ['FilterLogEvents'], g.account, g.region);
        return result(
          check,
          g,
          'error',
          gap ? `Log events could not be sampled: ${gap}.` : 'No sample of log events is in the snapshot.',
          { missing: 'sensitiveDataSample' },
        );
      }
      const hits = detectorHits(sample?.detectors);
      const evidence = {
        eventsSampled: sampled,
        truncated: sample?.truncated === true,
        windowHours: num(sample?.windowHours) ?? null,
        hits,
      };
      const found = Object.entries(hits);
      if (found.length > 0)
        return result(
          check,
          g,
          'fail',
          `Sampled events matched: ${found.map(([id, n]) => `${id} (${n})`).join(', ')}.`,
          evidence,
        );
      if (sampled === 0)
        return result(
          check,
          g,
          'manual',
          evidence.truncated
            ? 'The sampled search found no events before its call limit; nothing was checked.'
            : 'The group had no events in the sampled window; nothing was checked.',
          evidence,
        );
      return result(check, g, 'pass', `${sampled} events sampled, none matched.`, evidence);
    });
  },
};
