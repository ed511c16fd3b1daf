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
  volume,
} from '../_stores/fixtures.test-helpers.js';
import { check } from './index.js';

const daily = [rule('cron(0 5 ? * * *)', 35)];

describe('ebs-in-backup-plan', () => {
  it('passes a volume a plan selects, and one attached to an instance a plan backs up', () => {
    const out = check.evaluate(
      snap([
        volume('vol-1', undefined, { backup: 'daily' }),
        volume('vol-2', 'i-1'),
        instance('i-1', { PHI: 'true' }),
        plan('daily', daily, [
          {
            listOfTags: [{ conditionType: 'STRINGEQUALS', conditionKey: 'backup', conditionValue: 'daily' }],
          },
        ]),
        plan('phi', daily, [byTag('PHI', 'true')]),
        settings(ALL_OPTED_IN),
      ]),
      P,
    );
    expect(out.map((r) => [r.status, r.evidence.backupPlans, r.evidence.backedUpWith])).toEqual([
      ['pass', ['daily'], undefined],
      ['pass', ['phi'], 'i-1'],
    ]);
  });
  it('fails a volume neither selected nor attached to a backed-up instance', () => {
    const out = check.evaluate(snap([volume('vol-1', 'i-1'), instance('i-1'), settings(ALL_OPTED_IN)]), P);
    expect(out).toMatchObject([
      {
        status: 'fail',
        message: 'The volume is not backed up: no AWS Backup plan selects it, nor its instance i-1.',
      },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the attached instance could not be read and no selection decides', () => {
    const out = check.evaluate(
      snap(
        [volume('vol-1', 'i-9'), plan('phi', daily, [byTag('PHI', 'true')]), settings(ALL_OPTED_IN)],
        [gap('ec2', 'DescribeInstances: UnauthorizedOperation')],
      ),
      P,
    );
    expect(out.map((r) => [r.status, r.resourceId.split(':').pop()])).toEqual([['error', 'volume/vol-1']]);
    expect(out[0]?.message).toContain('DescribeInstances: UnauthorizedOperation');
  });
});
