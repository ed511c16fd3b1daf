import { describe, expect, it } from 'vitest';
import { db, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('rds-not-publicly-accessible', () => {
  it('passes a private instance', () => {
    expect(check.evaluate(snap([db('a')]), P)).toMatchObject([{ status: 'pass' }]);
  });
  it('fails a public instance, saying when it holds PHI', () => {
    const out = check.evaluate(snap([db('a', { publiclyAccessible: true }, { PHI: 'true' })]), P);
    expect(out).toMatchObject([{ status: 'fail', message: 'Instance is publicly accessible and holds PHI' }]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when publiclyAccessible was not read', () => {
    const out = check.evaluate(
      snap([db('a', { publiclyAccessible: undefined })], [gap('rds', 'DescribeDBInstances: AccessDenied')]),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('DescribeDBInstances: AccessDenied');
  });
});
