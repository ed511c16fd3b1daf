import { describe, expect, it } from 'vitest';
import { P, snap, trail } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('cloudtrail-kms-encrypted', () => {
  it('passes a trail with a KMS key', () => {
    expect(check.evaluate(snap([trail('t')]), P)).toMatchObject([{ status: 'pass' }]);
  });
  it('fails a trail without a KMS key', () => {
    expect(check.evaluate(snap([trail('t', { kmsKeyId: undefined })]), P)).toMatchObject([
      { status: 'fail', evidence: { kmsKeyId: null } },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  // No error case: DescribeTrails omits KmsKeyId when none is set, so absence is "not configured";
  // a denied DescribeTrails leaves no trail, reported by cloudtrail-multi-region-enabled.
});
