import { describe, expect, it } from 'vitest';
import {
  ALL_OPTED_IN,
  byTag,
  cluster,
  gap,
  P,
  plan,
  rule,
  settings,
  snap,
} from '../_stores/fixtures.test-helpers.js';
import { check } from './index.js';

const daily = [rule('cron(0 5 ? * * *)', 35)];
const arn = (name: string) => `arn:aws:rds:us-east-1:111122223333:cluster:${name}`;

describe('aurora-resources-protected-by-backup-plan', () => {
  it('passes Aurora clusters a plan selects; skips Multi-AZ DB clusters of other engines', () => {
    const out = check.evaluate(
      snap([
        cluster('by-arn'),
        cluster('by-tag', {}, { PHI: 'true' }),
        cluster('mysql-maz', { engine: 'mysql' }),
        plan('p', daily, [{ resources: [arn('by-arn')] }, byTag('PHI', 'true')]),
        settings(ALL_OPTED_IN),
      ]),
      P,
    );
    expect(out.map((r) => [r.status, r.resourceId])).toEqual([
      ['pass', arn('by-arn')],
      ['pass', arn('by-tag')],
    ]);
  });
  it('fails a cluster no plan selects, and one named by ARN while Aurora is not opted in', () => {
    expect(check.evaluate(snap([cluster('c'), settings(ALL_OPTED_IN)]), P)).toMatchObject([
      { status: 'fail' },
    ]);
    const out = check.evaluate(
      snap([
        cluster('c'),
        plan('p', daily, [{ resources: [arn('c')] }]),
        settings({ ...ALL_OPTED_IN, Aurora: false }),
      ]),
      P,
    );
    expect(out).toMatchObject([
      {
        status: 'fail',
        evidence: { reason: 'selected by p, but Aurora is not opted in to AWS Backup in this region' },
      },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the opt-in or the plans could not be read', () => {
    const out = check.evaluate(
      snap(
        [cluster('c'), plan('p', daily, [{ resources: [arn('c')] }])],
        [gap('backup', 'DescribeRegionSettings: AccessDeniedException')],
      ),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('the Aurora opt-in of AWS Backup could not be read');
  });
});
