import { describe, expect, it } from 'vitest';
import { bucket, gap, P, snap, trail } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('cloudtrail-multi-region-enabled', () => {
  it('passes the account with a logging multi-region trail', () => {
    expect(check.evaluate(snap([trail('t')]), P)).toMatchObject([
      { status: 'pass', resourceType: 'AWS::::Account', resourceId: '111122223333' },
    ]);
  });
  it('fails the account whose only trail is single-region or stopped', () => {
    const out = check.evaluate(
      snap([trail('a', { isMultiRegionTrail: false }), trail('b', { isLogging: false })]),
      P,
    );
    expect(out).toMatchObject([{ status: 'fail' }]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate({ ...snap([]), accounts: [] }, P)).toEqual([]);
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when trails could not be read', () => {
    const out = check.evaluate(snap([bucket('b')], [gap('cloudtrail', 'DescribeTrails: AccessDenied')]), P);
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('DescribeTrails: AccessDenied');
  });
});
