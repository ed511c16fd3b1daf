import { describe, expect, it } from 'vitest';
import { db, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('rds-enhanced-monitoring', () => {
  it('passes a positive interval and fails 0', () => {
    const out = check.evaluate(
      snap([db('on', { monitoringInterval: 60 }), db('off', { monitoringInterval: 0 })]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['pass', 'fail']);
    expect(out[0]?.message).toBe('Enhanced Monitoring every 60 s');
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the interval was not recorded', () => {
    const out = check.evaluate(snap([db('x')], [gap('rds', 'DescribeDBInstances: Throttling')]), P);
    expect(out.map((r) => r.status)).toEqual(['error', 'error']);
  });
});
