import { describe, expect, it } from 'vitest';
import { byTag, gap, P, plan, rule, snap, table, tableArn } from '../_stores/fixtures.test-helpers.js';
import { check } from './index.js';

const daily = 'cron(0 5 ? * * *)';

describe('backup-plan-min-frequency-and-retention', () => {
  it('passes a daily plan kept 35 days that backs up no PHI, and a PHI plan kept six years', () => {
    const out = check.evaluate(
      snap([
        plan('plain', [rule(daily, 35)], [{ resources: [tableArn('t')] }]),
        plan('phi', [rule(daily, 2557)], [byTag('PHI', 'true')]),
        table('t'),
      ]),
      P,
    );
    expect(out.map((r) => [r.status, r.evidence.phi, r.evidence.minRetentionDays])).toEqual([
      ['pass', false, 35],
      ['pass', true, 2190],
    ]);
    expect(out[0]?.message).toBe(
      'Rule rule-cron(0 5 ? * * *) backs up at most 1 day apart and keeps backups 35 days.',
    );
  });

  it('passes when one rule does both: a monthly rule kept six years beside a daily one kept 35 days', () => {
    const gfs = plan(
      'gfs',
      [rule(daily, 35), rule('cron(0 5 ? * 1#1 *)', 2557)],
      [byTag('DataClassification', 'ePHI')],
    );
    // The first Sunday of each month is at most 35 days apart: over 30.
    expect(check.evaluate(snap([gfs]), P)).toMatchObject([{ status: 'fail' }]);
    expect(check.evaluate(snap([gfs]), { ...P, backupMaxIntervalDays: 35 })).toMatchObject([
      { status: 'pass' },
    ]);
  });

  it('counts copies kept longer than the source, and rules without a lifecycle as kept until deleted', () => {
    const copied = rule(daily, 35, {
      copyActions: [{ destinationBackupVaultArn: 'dr', lifecycle: { deleteAfterDays: 2557 } }],
    });
    const out = check.evaluate(
      snap([
        plan('copy', [copied], [byTag('PHI', 'true')]),
        plan('forever', [rule(daily)], [byTag('PHI', 'yes')]),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(out[1]?.message).toContain('until deleted');
  });

  it('reads a rule without a schedule as AWS Backup’s default daily run', () => {
    expect(check.evaluate(snap([plan('p', [rule(undefined, 35)], [])]), P)).toMatchObject([
      { status: 'pass', evidence: { rules: [{ scheduleExpression: daily, maxIntervalDays: 1 }] } },
    ]);
  });

  it('fails rare backups, short retention, PHI plans kept 35 days, and plans whose schedule never fires', () => {
    const out = check.evaluate(
      snap([
        plan('rare', [rule('cron(0 2 1 */2 ? *)', 35)], []),
        plan('short', [rule(daily, 14)], []),
        plan('phi-short', [rule(daily, 35)], [{ resources: [tableArn('phi')] }]),
        plan('ended', [rule('cron(0 5 ? * * 2020-2024)', 35)], []),
        table('phi', { tags: { PHI: 'true' } }),
      ]),
      P,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      [
        'fail',
        'No rule meets both the frequency and the retention: rule-cron(0 2 1 */2 ? *): backups up to 62 days apart (> 30).',
      ],
      [
        'fail',
        'No rule meets both the frequency and the retention: rule-cron(0 5 ? * * *): kept 14 days (< 35).',
      ],
      [
        'fail',
        'No rule meets both the frequency and the retention: rule-cron(0 5 ? * * *): kept 35 days (< 2190 for PHI).',
      ],
      [
        'fail',
        'No rule meets both the frequency and the retention: rule-cron(0 5 ? * * 2020-2024): the schedule never fires.',
      ],
    ]);
    expect(out[2]?.evidence).toMatchObject({ phi: true, phiScope: 'selects phi, tagged PHI' });
  });

  it('follows the parameters', () => {
    const weekly = snap([plan('weekly', [rule('cron(0 3 ? * SUN *)', 90)], [])]);
    expect(check.evaluate(weekly, P)).toMatchObject([{ status: 'pass' }]);
    expect(check.evaluate(weekly, { ...P, backupMaxIntervalDays: 1 })).toMatchObject([{ status: 'fail' }]);
    expect(check.evaluate(weekly, { ...P, backupMinRetentionDays: 365 })).toMatchObject([{ status: 'fail' }]);
  });

  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });

  it('reports error when the rules could not be read, or when PHI scope decides and is unknown', () => {
    const out = check.evaluate(
      snap(
        [
          plan('rules-denied', undefined, []),
          plan('scope-unknown', [rule(daily, 35)], undefined),
          plan('scope-unknown-but-long', [rule(daily, 2190)], [undefined]),
        ],
        [
          gap('backup', 'GetBackupPlan: AccessDeniedException'),
          gap('backup', 'ListBackupPlans: AccessDeniedException', 'eu-west-1'),
        ],
      ),
      P,
    );
    expect(out.map((r) => [r.status, r.resourceId.split(':').pop()])).toEqual([
      ['error', 'plan-rules-denied'],
      ['error', 'plan-scope-unknown'],
      ['pass', 'plan-scope-unknown-but-long'],
      ['error', '*'],
    ]);
    expect(out[0]?.message).toContain('GetBackupPlan: AccessDeniedException');
    expect(out[1]?.message).toContain('PHI scope unknown (its selections could not be read)');
  });

  it('asks a person when a schedule cannot be interpreted and nothing else decides', () => {
    expect(check.evaluate(snap([plan('odd', [rule('cron(0 5 ? * * * *)', 35)], [])]), P)).toMatchObject([
      { status: 'manual' },
    ]);
  });
});
