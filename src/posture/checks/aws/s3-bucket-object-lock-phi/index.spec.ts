import { describe, expect, it } from 'vitest';
import { bucket, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const PHI = { PHI: 'true' };
const phiBucket = (name: string, lock: unknown) =>
  bucket(name, lock === undefined ? {} : { ObjectLockConfiguration: lock }, PHI);
const lock = (retention: Record<string, unknown> | null) => ({
  objectLockEnabled: 'Enabled',
  rule: retention && { defaultRetention: { mode: 'GOVERNANCE', days: null, years: null, ...retention } },
});

describe('s3-bucket-object-lock-phi', () => {
  it('passes a PHI bucket with a default retention in days or years', () => {
    const out = check.evaluate(
      snap([phiBucket('d', lock({ days: 30 })), phiBucket('y', lock({ years: 6, mode: 'COMPLIANCE' }))]),
      P,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      ['pass', 'Object Lock default retention: GOVERNANCE 30 days.'],
      ['pass', 'Object Lock default retention: COMPLIANCE 6 years.'],
    ]);
  });

  it('fails a PHI bucket without Object Lock, or enabled without a default retention', () => {
    const out = check.evaluate(snap([phiBucket('none', null), phiBucket('bare', lock(null))]), P);
    expect(out.map((r) => [r.status, r.message])).toEqual([
      ['fail', 'Object Lock is not enabled on this PHI bucket.'],
      ['fail', 'Object Lock is enabled but has no default retention.'],
    ]);
  });

  it('ignores buckets not tagged PHI', () => {
    expect(check.evaluate(snap([bucket('plain', { ObjectLockConfiguration: null })]), P)).toEqual([]);
  });

  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });

  it('is an error when Object Lock or the tags could not be read', () => {
    const out = check.evaluate(
      snap(
        [phiBucket('x', undefined), bucket('untagged', { BucketTaggingConfiguration: undefined })],
        [
          gap('s3', 'GetObjectLockConfiguration: AccessDenied', 'global'),
          gap('s3', 'GetBucketTagging: AccessDenied', 'global'),
        ],
      ),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['error', 'error']);
    expect(out[0]?.message).toBe('Object Lock could not be read: GetObjectLockConfiguration: AccessDenied.');
    expect(out[1]?.message).toContain('PHI classification unknown');
  });
});
