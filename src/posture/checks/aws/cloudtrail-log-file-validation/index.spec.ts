import { describe, expect, it } from 'vitest';
import { gap, P, snap, trail } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('cloudtrail-log-file-validation', () => {
  it('passes a validated trail', () => {
    expect(check.evaluate(snap([trail('t')]), P)).toMatchObject([{ status: 'pass' }]);
  });
  it('fails a trail without validation', () => {
    expect(check.evaluate(snap([trail('t', { logFileValidationEnabled: false })]), P)).toMatchObject([
      { status: 'fail' },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the flag was not read', () => {
    const out = check.evaluate(
      snap(
        [trail('t', { logFileValidationEnabled: undefined })],
        [gap('cloudtrail', 'DescribeTrails: AccessDenied')],
      ),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('DescribeTrails: AccessDenied');
  });
});
