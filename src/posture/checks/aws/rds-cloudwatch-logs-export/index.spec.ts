import { describe, expect, it } from 'vitest';
import { db, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check, requiredLogs } from './index.js';

describe('rds-cloudwatch-logs-export', () => {
  it('knows which logs each engine must export', () => {
    expect(requiredLogs('mysql')).toEqual(['audit', 'error']);
    expect(requiredLogs('postgres')).toEqual(['postgresql']);
    expect(requiredLogs('oracle-se2-cdb')).toEqual(['audit', 'alert', 'listener']);
    expect(requiredLogs('sqlserver-ex')).toEqual(['error']);
    expect(requiredLogs('db2-se')).toBeUndefined();
  });
  it('passes the required logs, fails missing ones (none exported included)', () => {
    const out = check.evaluate(
      snap([
        db('pg', { enabledCloudwatchLogsExports: ['postgresql', 'upgrade'] }),
        db('my', { engine: 'mysql', enabledCloudwatchLogsExports: ['error', 'slowquery'] }),
        db('none', { engine: 'mariadb' }),
        db('db2', { engine: 'db2-se', enabledCloudwatchLogsExports: ['diag.log'] }),
      ]),
      P,
    );
    expect(out.map((r) => [r.resourceId.split(':').pop(), r.status])).toEqual([
      ['pg', 'pass'],
      ['my', 'fail'],
      ['none', 'fail'],
      ['db2', 'pass'],
    ]);
    expect(out[1]?.message).toBe('Not exported to CloudWatch Logs: audit');
  });
  it('is manual for Aurora members, whose exports are the cluster’s', () => {
    expect(
      check.evaluate(snap([db('a', { engine: 'aurora-mysql', dBClusterIdentifier: 'c' })]), P),
    ).toMatchObject([{ status: 'manual' }]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when instances could not be listed', () => {
    const out = check.evaluate(snap([], [gap('rds', 'DescribeDBInstances: AccessDenied')]), P);
    expect(out).toMatchObject([{ status: 'error', resourceId: 'arn:aws:rds:us-east-1:111122223333:db:*' }]);
  });
});
