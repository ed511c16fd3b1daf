import { describe, expect, it } from 'vitest';
import { gap, P, snap, user } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

// snap() is collected at 2025-01-07T09:00:00Z.
const consoleRow = (lastUsed: string | null, changed: string | null = '2023-01-01T00:00:00+00:00') => ({
  password_enabled: true,
  password_last_used: lastUsed,
  password_last_changed: changed,
  user_creation_time: '2022-06-01T00:00:00+00:00',
});

describe('iam-user-console-unused', () => {
  it('passes recent sign-ins and users without a password; fails stale and never-used passwords', () => {
    const out = check.evaluate(
      snap([
        user('recent', consoleRow('2024-12-30T08:00:00+00:00')),
        user('stale', consoleRow('2024-03-01T08:00:00+00:00')),
        user('never', consoleRow('no_information')),
        user('never-fresh', consoleRow(null, '2024-12-31T00:00:00+00:00')),
        user('api', { password_enabled: false }),
      ]),
      P,
    );
    expect(out.map((r) => [r.resourceId.split('/').pop(), r.status])).toEqual([
      ['recent', 'pass'],
      ['stale', 'fail'],
      ['never', 'fail'],
      ['never-fresh', 'pass'],
      ['api', 'pass'],
    ]);
    expect(out[2]?.message).toBe('Console password unused for 737 days (set, never used)');
  });
  it('falls back to the user creation time when the password change time is unknown', () => {
    const out = check.evaluate(snap([user('u', consoleRow(null, null))]), P);
    expect(out[0]?.evidence).toMatchObject({ since: '2022-06-01T00:00:00+00:00', basis: 'set, never used' });
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error without the credential report or its columns', () => {
    const out = check.evaluate(
      snap(
        [user('noreport'), user('nocolumn', { password_enabled: true })],
        [gap('iam', 'GetCredentialReport: AccessDenied', 'global')],
      ),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['error', 'error']);
  });
});
