import { describe, expect, it } from 'vitest';
import { bucket, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('s3-bucket-access-logging', () => {
  it('passes a bucket with a log target', () => {
    expect(check.evaluate(snap([bucket('b')]), P)).toMatchObject([
      { status: 'pass', evidence: { destinationBucketName: 'logs' } },
    ]);
  });
  it('fails a bucket with logging off', () => {
    const b = bucket('b', {
      BucketLoggingConfiguration: { destinationBucketName: null, logFilePrefix: null },
    });
    expect(check.evaluate(snap([b]), P)).toMatchObject([{ status: 'fail' }]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when GetBucketLogging was denied', () => {
    const out = check.evaluate(
      snap(
        [bucket('b', { BucketLoggingConfiguration: undefined })],
        [gap('s3', 'GetBucketLogging: AccessDenied')],
      ),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('AccessDenied');
  });
});
