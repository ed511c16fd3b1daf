import { describe, expect, it } from 'vitest';
import { db, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const PHI = { PHI: 'true' };

describe('rds-multi-az', () => {
  it('passes a Multi-AZ PHI instance; ignores non-PHI', () => {
    expect(check.evaluate(snap([db('a', {}, PHI), db('b', { multiAZ: false })]), P)).toMatchObject([
      { status: 'pass' },
    ]);
  });
  it('fails a single-AZ PHI instance; Aurora is manual', () => {
    const out = check.evaluate(
      snap([db('a', { multiAZ: false }, PHI), db('c', { engine: 'aurora-postgresql', multiAZ: false }, PHI)]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['fail', 'manual']);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when multiAZ was not read', () => {
    const out = check.evaluate(
      snap(
        [db('a', { multiAZ: undefined }, { PHI: 'true' })],
        [gap('rds', 'DescribeDBInstances: AccessDenied')],
      ),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('DescribeDBInstances: AccessDenied');
  });
});
