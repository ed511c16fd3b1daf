import { describe, expect, it } from 'vitest';
import { bucket, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('s3-bucket-versioning', () => {
  it('passes a versioned bucket', () => {
    expect(check.evaluate(snap([bucket('b')]), P)).toMatchObject([{ status: 'pass' }]);
  });
  it('fails a bucket never versioned or suspended', () => {
    const out = check.evaluate(
      snap([
        bucket('a', { BucketVersioningConfiguration: { status: 'Off', isMfaDeleteEnabled: null } }),
        bucket('s', { BucketVersioningConfiguration: { status: 'Suspended' } }),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['fail', 'fail']);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when GetBucketVersioning was denied', () => {
    const out = check.evaluate(
      snap(
        [bucket('b', { BucketVersioningConfiguration: undefined })],
        [gap('s3', 'GetBucketVersioning: AccessDenied')],
      ),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('AccessDenied');
  });
});
