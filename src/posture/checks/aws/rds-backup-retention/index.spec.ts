import { describe, expect, it } from 'vitest';
import { db, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('rds-backup-retention', () => {
  it('passes daily backups kept 7 days', () => {
    expect(check.evaluate(snap([db('a')]), P)).toMatchObject([
      { status: 'pass', evidence: { backupIntervalDays: 1 } },
    ]);
  });
  it('fails retention 0', () => {
    expect(check.evaluate(snap([db('a', { backupRetentionPeriod: 0 })]), P)).toMatchObject([
      { status: 'fail' },
    ]);
  });
  it('fails when the organisation asks for more than daily backups (interval parameter below 1)', () => {
    expect(check.evaluate(snap([db('a')]), { ...P, backupMaxIntervalDays: 0.5 })).toMatchObject([
      { status: 'fail' },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when backupRetentionPeriod was not read', () => {
    const out = check.evaluate(
      snap(
        [db('a', { backupRetentionPeriod: undefined })],
        [gap('rds', 'DescribeDBInstances: AccessDenied')],
      ),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('DescribeDBInstances: AccessDenied');
  });
});
