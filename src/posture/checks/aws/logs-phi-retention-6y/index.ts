/**
 * PHI log groups keep events at least `phiRetentionDays` (six years). 164.316(b)(2)(i)'s six years
 * is about the Security Rule's documentation (policies, procedures, assessments); the founding
 * documents ask the same of stores holding PHI, and audit logs are the evidence behind
 * 164.312(b). Retention unset means events never expire: pass. The runner holds
 * `phiRetentionDays` to six years at least (src/posture/guardrails.ts).
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { logGroupScope } from '../_shared/log-scope.js';

export const check: PostureCheck = {
  id: 'logs-phi-retention-6y',
  provider: 'aws',
  title: 'CloudWatch log groups holding PHI keep events six years',
  severity: 'medium',
  resourceType: 'AWS::Logs::LogGroup',
  citations: ['164.316(b)(2)(i)', '164.312(b)'],
  risk: 'Logs deleted early cannot answer a breach investigation or an OCR audit about who accessed ePHI and when.',
  remediation: {
    text: 'CloudWatch console → log group → Actions → Edit retention setting → 2192 days (6 years) or Never expire; or export to S3 with Object Lock and lifecycle to Glacier.',
    cli: 'aws logs put-retention-policy --log-group-name GROUP --retention-in-days 2192',
    terraform:
      'resource "aws_cloudwatch_log_group" "app" {\n  name              = "/ehr/app"\n  retention_in_days = 2192\n}',
  },
  params: ['phiRetentionDays'],
  evaluate(snapshot, params) {
    const min = params.phiRetentionDays;
    return resourcesOf(snapshot, 'AWS::Logs::LogGroup').flatMap((g) => {
      const scope = logGroupScope(snapshot, g);
      if (scope.phi === 'unknown')
        return [result(check, g, 'error', `PHI classification unknown: ${scope.reason}`)];
      if (!scope.phi) return [];
      const days = g.configuration.retentionInDays;
      const evidence = { retentionInDays: days ?? null, phiRetentionDays: min, phi: scope.source };
      if (typeof days !== 'number') return [result(check, g, 'pass', 'Events never expire', evidence)];
      return days >= min
        ? [result(check, g, 'pass', `Retention ${days} days`, evidence)]
        : [result(check, g, 'fail', `Retention ${days} days < ${min}`, evidence)];
    });
  },
};
