/**
 * AWS Backup plans back up often enough and keep the backups long enough. A plan passes when one
 * of its rules does both. Its backups are at most `backupMaxIntervalDays` apart (the longest gap
 * its cron or rate schedule allows, _stores/schedule.ts; no schedule means AWS Backup's default,
 * daily at 05:00 UTC). Its recovery points, or the copies its copy actions make, are kept at least
 * the minimum retention; no `deleteAfterDays` means kept forever. The minimum is
 * `phiRetentionDays` for plans that back up PHI (a selection by a PHI tag, or one that takes a
 * PHI-tagged resource: _stores/plan-scope.ts), else `backupMinRetentionDays`.
 *
 * Anchor: AWS Config `BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK` ("a backup rule that
 * satisfies the required frequency and retention"; defaults 1 day and 35 days). Our defaults are
 * the founding documents': backups at least every 30 days, and 6 years (2190 days) for PHI. HIPAA
 * itself sets no backup retention. 164.308(a)(7)(ii)(A) asks for retrievable exact copies, and the
 * six years of 164.316(b)(2)(i) are about the Security Rule's documentation, not backups. The PHI
 * default is our own policy, which is why it is a parameter. A schedule we cannot interpret gives
 * `manual` when no other rule decides the plan.
 */
import { listingErrors, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { list, num, record, str } from '../../../read.js';
import { planScope } from '../_stores/plan-scope.js';
import { scheduleInterval } from '../_stores/schedule.js';
import { unreadableBy } from '../_stores/util.js';

const TYPE = 'AWS::Backup::BackupPlan';
/** "When no CRON expression is provided, Backup will use the default expression cron(0 5 ? * * *)." */
const DEFAULT_SCHEDULE = 'cron(0 5 ? * * *)';

interface RuleVerdict {
  ruleName: string;
  scheduleExpression: string;
  /** Longest gap between backups in days; null when the schedule could not be read or never fires. */
  maxIntervalDays: number | null;
  /** Why there is no interval: the expression could not be interpreted, or it never fires. */
  scheduleProblem: string | null;
  scheduleReadable: boolean;
  /** Longest retention of the rule or its copies; null: kept until deleted by hand. */
  retentionDays: number | null;
}

const round = (n: number) => Math.round(n * 100) / 100;
const daysText = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

// Copies keep their own lifecycle; a copy action without one keeps the rule's.
function retention(rule: Record<string, unknown>): number | null {
  const own = num(record(rule.lifecycle)?.deleteAfterDays);
  const copies = list(rule.copyActions).map((c) => num(record(record(c)?.lifecycle)?.deleteAfterDays) ?? own);
  const all = [own, ...copies];
  if (all.some((d) => d === undefined)) return null;
  return Math.max(...(all as number[]));
}

function judgeRule(rule: Record<string, unknown>, from: string): RuleVerdict {
  const scheduleExpression = str(rule.scheduleExpression) ?? DEFAULT_SCHEDULE;
  const interval = scheduleInterval(scheduleExpression, from);
  return {
    ruleName: str(rule.ruleName) ?? '(unnamed)',
    scheduleExpression,
    maxIntervalDays: interval.kind === 'interval' ? round(interval.days) : null,
    scheduleProblem:
      interval.kind === 'invalid'
        ? interval.reason
        : interval.kind === 'never'
          ? 'the schedule never fires'
          : null,
    scheduleReadable: interval.kind !== 'invalid',
    retentionDays: retention(rule),
  };
}

const keeps = (r: RuleVerdict, min: number) => r.retentionDays === null || r.retentionDays >= min;

export const check: PostureCheck = {
  id: 'backup-plan-min-frequency-and-retention',
  provider: 'aws',
  title: 'AWS Backup plans back up often enough and keep backups long enough (longer for PHI)',
  severity: 'high',
  resourceType: TYPE,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.310(d)(2)(iv)'],
  params: ['backupMaxIntervalDays', 'backupMinRetentionDays', 'phiRetentionDays'],
  risk: 'Backups taken too rarely lose weeks of ePHI in a restore; backups that expire too soon cannot answer corruption or deletion found late. The six-year PHI retention is this organisation’s policy (HIPAA’s six years in 164.316(b)(2)(i) concern documentation, not backups).',
  remediation: {
    text: 'AWS Backup console → Backup plans → plan → Backup rules → Edit: set the frequency (e.g. daily) and "Total retention period" (35 days at least; 2190 days for plans backing up PHI, or add a monthly rule or a copy to another vault kept that long).',
    cli: 'aws backup update-backup-plan --backup-plan-id PLAN_ID --backup-plan \'{"BackupPlanName":"phi-daily","Rules":[{"RuleName":"daily","TargetBackupVaultName":"phi-vault","ScheduleExpression":"cron(0 5 ? * * *)","Lifecycle":{"MoveToColdStorageAfterDays":90,"DeleteAfterDays":2190}}]}\'',
    terraform:
      'resource "aws_backup_plan" "phi" {\n  name = "phi-daily"\n  rule {\n    rule_name         = "daily"\n    target_vault_name = aws_backup_vault.phi.name\n    schedule          = "cron(0 5 ? * * *)"\n    lifecycle {\n      cold_storage_after = 90\n      delete_after       = 2190\n    }\n  }\n}',
  },
  evaluate(snapshot, params) {
    const plans = resourcesOf(snapshot, TYPE).map((p) => {
      const rules = record(p.configuration.backupPlan)?.rules;
      if (!Array.isArray(rules))
        return unreadableBy(check, snapshot, p, 'backup', 'GetBackupPlan', 'backup rules');
      const verdicts = list(rules).map((r) => judgeRule(record(r) ?? {}, snapshot.collectedAt));
      const scope = planScope(snapshot, p);
      const minRetention = scope.phi === true ? params.phiRetentionDays : params.backupMinRetentionDays;
      const frequent = (r: RuleVerdict) =>
        r.maxIntervalDays !== null && r.maxIntervalDays <= params.backupMaxIntervalDays;
      const evidence = {
        rules: verdicts,
        phi: scope.phi,
        phiScope: scope.why,
        backupMaxIntervalDays: params.backupMaxIntervalDays,
        minRetentionDays: minRetention,
      };
      const meeting = (min: number) => verdicts.find((r) => frequent(r) && keeps(r, min));
      const good = meeting(minRetention);
      // Unknown scope: a plan that meets the PHI retention passes whatever it backs up.
      const passing = scope.phi === 'unknown' ? meeting(params.phiRetentionDays) : good;
      if (passing) {
        const kept = passing.retentionDays === null ? 'until deleted' : daysText(passing.retentionDays);
        const message = `Rule ${passing.ruleName} backs up at most ${daysText(passing.maxIntervalDays ?? 0)} apart and keeps backups ${kept}.`;
        return result(check, p, 'pass', message, evidence);
      }
      if (good) {
        const message = `PHI scope unknown (${scope.why}): rule ${good.ruleName} meets the ${params.backupMinRetentionDays}-day retention but not the ${params.phiRetentionDays}-day PHI retention.`;
        return result(check, p, 'error', message, evidence);
      }
      const unclear = verdicts.find((r) => !r.scheduleReadable && keeps(r, minRetention));
      if (unclear)
        return result(
          check,
          p,
          'manual',
          `The schedule of rule ${unclear.ruleName} could not be interpreted: ${unclear.scheduleProblem}.`,
          evidence,
        );
      return result(
        check,
        p,
        'fail',
        failure(verdicts, params.backupMaxIntervalDays, minRetention, scope.phi === true),
        evidence,
      );
    });
    return [...plans, ...listingErrors(check, snapshot, 'backup', ['ListBackupPlans'], 'backup-plan:*')];
  },
};

function failure(verdicts: RuleVerdict[], maxInterval: number, minRetention: number, phi: boolean): string {
  if (verdicts.length === 0) return 'The plan has no backup rules.';
  const parts = verdicts.map((r) => {
    const problems: string[] = [];
    if (r.maxIntervalDays === null) problems.push(r.scheduleProblem ?? 'no schedule');
    else if (r.maxIntervalDays > maxInterval)
      problems.push(`backups up to ${r.maxIntervalDays} days apart (> ${maxInterval})`);
    if (!keeps(r, minRetention))
      problems.push(`kept ${r.retentionDays} days (< ${minRetention}${phi ? ' for PHI' : ''})`);
    return `${r.ruleName}: ${problems.join(', ')}`;
  });
  return `No rule meets both the frequency and the retention: ${parts.join('; ')}.`;
}
