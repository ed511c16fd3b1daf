import { describe, expect, it } from 'vitest';
import { gap, P, snap, user } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

// snap() is collected at 2025-01-07T09:00:00Z.
const key1 = (lastUsed: string | null, rotated = '2024-01-01T00:00:00+00:00') => ({
  access_key_1_active: true,
  access_key_1_last_rotated: rotated,
  access_key_1_last_used_date: lastUsed,
  access_key_2_active: false,
  access_key_2_last_rotated: null,
  access_key_2_last_used_date: null,
});

describe('iam-user-access-key-unused', () => {
  it('passes recently used keys and users without keys; fails keys unused or never used for too long', () => {
    const out = check.evaluate(
      snap([
        user('recent', key1('2025-01-01T10:00:00+00:00')),
        user('stale', key1('2024-06-01T10:00:00+00:00')),
        user('never-old', key1(null)),
        user('never-new', key1(null, '2024-12-20T00:00:00+00:00')),
        user('nokeys', { access_key_1_active: false, access_key_2_active: false }),
      ]),
      P,
    );
    expect(out.map((r) => [r.resourceId.split('/').pop(), r.status])).toEqual([
      ['recent', 'pass'],
      ['stale', 'fail'],
      ['never-old', 'fail'],
      ['never-new', 'pass'],
      ['nokeys', 'pass'],
    ]);
    expect(out[1]?.message).toBe('access key 1 unused for 219 days (last used)');
    expect(out[2]?.message).toContain('(set, never used)');
  });
  it('follows credentialUnusedDays', () => {
    const out = check.evaluate(snap([user('recent', key1('2024-12-01T10:00:00+00:00'))]), {
      ...P,
      credentialUnusedDays: 30,
    });
    expect(out).toMatchObject([{ status: 'fail' }]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error without the credential report or its columns, manual for unreadable dates', () => {
    const out = check.evaluate(
      snap(
        [
          user('noreport'),
          user('nocolumn', { access_key_1_active: true }),
          user('odd', key1('not_supported')),
        ],
        [gap('iam', 'GetCredentialReport: AccessDenied', 'global')],
      ),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['error', 'error', 'manual']);
    expect(out[0]?.message).toContain('GetCredentialReport: AccessDenied');
  });
});
