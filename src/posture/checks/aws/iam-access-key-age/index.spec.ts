import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../run.js';
import { gap, P, snap, user } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

// snapshot collectedAt is 2025-01-07T09:00:00Z
const key = (rotated: string) => ({
  access_key_1_active: true,
  access_key_1_last_rotated: rotated,
  access_key_2_active: false,
});

describe('iam-access-key-age', () => {
  it('passes fresh keys and users without keys; warns past the warn age', () => {
    const out = check.evaluate(
      snap([
        user('a', key('2024-12-01T00:00:00Z')),
        user('b', { access_key_1_active: false }),
        user('c', key('2024-08-01T00:00:00Z')),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['pass', 'pass', 'pass']);
    expect(out[2]?.message).toMatch(/^Warning/);
  });
  it('fails a key older than the maximum (seeded alice: 2024-01-10)', () => {
    expect(check.evaluate(snap([user('alice', key('2024-01-10T09:00:00+00:00'))]), P)).toMatchObject([
      { status: 'fail' },
    ]);
  });
  it('run with the parameter loosened beyond 365 days: fails each account, judges keys against 365', () => {
    // 2023-11-01 is 433 days before collection: within the loosened 500, beyond the guardrail's 365.
    const { results: out } = runChecks([check], snap([user('alice', key('2023-11-01T09:00:00+00:00'))]), {
      ...P,
      accessKeyMaxAgeDays: 500,
    });
    expect(out).toMatchObject([
      {
        status: 'fail',
        message: expect.stringMatching(/^parameter accessKeyMaxAgeDays loosened beyond guardrail/),
        resourceType: 'AWS::::Account',
      },
      { status: 'fail', evidence: { accessKeyMaxAgeDays: 365 } },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the credential report could not be read', () => {
    const out = check.evaluate(
      snap([user('a')], [gap('iam', 'GetCredentialReport: AccessDenied', 'global')]),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('AccessDenied');
  });
});
