import { describe, expect, it } from 'vitest';
import { bucket, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const rules = (...r: unknown[]) => ({ rules: r });

describe('s3-version-lifecycle-policy', () => {
  it('passes a versioned bucket with an enabled rule, fails one without, skips unversioned buckets', () => {
    const out = check.evaluate(
      snap([
        bucket('kept', {
          BucketLifecycleConfiguration: rules({
            id: 'nc',
            status: 'Enabled',
            noncurrentVersionExpiration: { noncurrentDays: 365 },
          }),
        }),
        bucket('disabled', { BucketLifecycleConfiguration: rules({ id: 'x', status: 'Disabled' }) }),
        bucket('none', { BucketLifecycleConfiguration: null }),
        bucket('plain', { BucketVersioningConfiguration: { status: 'Off', isMfaDeleteEnabled: null } }),
      ]),
      P,
    );
    expect(out.map((r) => [r.resourceId.split(':').pop(), r.status])).toEqual([
      ['kept', 'pass'],
      ['disabled', 'fail'],
      ['none', 'fail'],
    ]);
    expect(out[0]?.evidence).toEqual({ enabledRules: ['nc'], managesNoncurrentVersions: true });
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when versioning or lifecycle could not be read', () => {
    const out = check.evaluate(
      snap(
        [
          bucket('a', { BucketVersioningConfiguration: undefined }),
          bucket('b', { BucketLifecycleConfiguration: undefined }),
        ],
        [gap('s3', 'GetBucketLifecycleConfiguration: AccessDenied', 'global')],
      ),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['error', 'error']);
  });
});
