import { describe, expect, it } from 'vitest';
import { db } from '../_shared/snapshots.test-helpers.js';
import { ALL_OPTED_IN, byTag, gap, P, plan, rule, settings, snap } from '../_stores/fixtures.test-helpers.js';
import { check } from './index.js';

const daily = [rule('cron(0 5 ? * * *)', 35)];

describe('rds-in-backup-plan', () => {
  it('passes instances selected by resource type or tag; skips cluster members', () => {
    const out = check.evaluate(
      snap([
        db('typed'),
        db('tagged', {}, { PHI: 'true' }),
        db('aurora-1', { dBClusterIdentifier: 'aurora' }),
        plan('all-db', daily, [{ resources: ['arn:aws:rds:*:*:db:typed'] }]),
        plan('phi', daily, [byTag('PHI', 'true')]),
        settings({ ...ALL_OPTED_IN, RDS: false }),
      ]),
      P,
    );
    // A selection naming the resource type works without the opt-in; a tag selection needs it.
    expect(out.map((r) => [r.status, r.resourceId.split(':').pop()])).toEqual([
      ['pass', 'typed'],
      ['fail', 'tagged'],
    ]);
  });
  it('fails an instance no plan selects', () => {
    expect(check.evaluate(snap([db('d'), settings(ALL_OPTED_IN)]), P)).toMatchObject([
      { status: 'fail', evidence: { reason: 'no AWS Backup plan selects it' } },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when AWS Backup could not be read, and when the instances could not be listed', () => {
    const out = check.evaluate(
      snap(
        [db('d')],
        [
          gap('backup', 'ListBackupPlans: AccessDeniedException'),
          gap('rds', 'DescribeDBInstances: AccessDenied', 'eu-west-1'),
        ],
      ),
      P,
    );
    expect(out.map((r) => [r.status, r.resourceId])).toEqual([
      ['error', 'arn:aws:rds:us-east-1:111122223333:db:d'],
      ['error', 'arn:aws:rds:eu-west-1:111122223333:db:*'],
    ]);
  });
});
