import { describe, expect, it } from 'vitest';
import {
  ALL_OPTED_IN,
  byTag,
  gap,
  instance,
  P,
  plan,
  rule,
  settings,
  snap,
} from '../_stores/fixtures.test-helpers.js';
import { check } from './index.js';

const daily = [rule('cron(0 5 ? * * *)', 35)];

describe('ec2-resources-protected-by-backup-plan', () => {
  it('passes an instance a plan selects; skips terminated instances', () => {
    const out = check.evaluate(
      snap([
        instance('i-1', { PHI: 'true' }),
        instance('i-2', {}, 'terminated'),
        plan('phi', daily, [byTag('PHI', 'true')]),
        settings(ALL_OPTED_IN),
      ]),
      P,
    );
    expect(out).toMatchObject([
      { status: 'pass', evidence: { backupPlans: ['phi'], state: 'running', phi: true } },
    ]);
  });
  it('fails an instance no plan selects, including one excluded by NotResources', () => {
    const out = check.evaluate(
      snap([
        instance('i-1'),
        instance('i-2', { PHI: 'true' }),
        plan('phi', daily, [{ ...byTag('PHI', 'true'), notResources: ['arn:aws:ec2:*:*:instance/i-2'] }]),
        settings(ALL_OPTED_IN),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['fail', 'fail']);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the plans could not be read', () => {
    expect(check.evaluate(snap([instance('i-1')]), P)).toMatchObject([{ status: 'error' }]);
  });
  it('reports error for a region whose instances could not be listed', () => {
    expect(
      check.evaluate(snap([], [gap('ec2', 'DescribeInstances: UnauthorizedOperation')]), P),
    ).toMatchObject([{ status: 'error', resourceId: 'arn:aws:ec2:us-east-1:111122223333:instance/*' }]);
  });
});
