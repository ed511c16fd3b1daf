import { describe, expect, it } from 'vitest';
import { gap, P, snap, vault } from '../_stores/fixtures.test-helpers.js';
import { check, deniedActions } from './index.js';

const deny = (action: unknown, extra: Record<string, unknown> = {}) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Principal: { AWS: '*' }, Action: action, Resource: '*', ...extra }],
});
const ALL = [
  'backup:DeleteRecoveryPoint',
  'backup:UpdateRecoveryPointLifecycle',
  'backup:PutBackupVaultAccessPolicy',
];

describe('backup-recovery-point-manual-deletion-disabled', () => {
  it('passes a vault denying the three actions (a break-glass exemption allowed), or locked in compliance mode', () => {
    const out = check.evaluate(
      snap([
        vault(
          'policy',
          {},
          {
            accessPolicy: deny(ALL, {
              Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::1:role/bg' } },
            }),
          },
        ),
        vault('wildcard', {}, { accessPolicy: JSON.stringify(deny('backup:*')) }),
        vault('locked', { locked: true, lockDate: '2024-06-01T00:00:00.000Z' }),
      ]),
      P,
    );
    expect(out.map((r) => [r.status, r.resourceId.split(':').pop()])).toEqual([
      ['pass', 'policy'],
      ['pass', 'wildcard'],
      ['pass', 'locked'],
    ]);
  });
  it('fails a vault with no policy, one that misses an action, one that denies a single principal, and governance-mode locks', () => {
    const out = check.evaluate(
      snap([
        vault('none'),
        vault('partial', {}, { accessPolicy: deny(['backup:DeleteRecoveryPoint']) }),
        vault(
          'one-principal',
          {},
          {
            accessPolicy: {
              Statement: [
                { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::1:role/x' }, Action: ALL, Resource: '*' },
              ],
            },
          },
        ),
        vault('governance', { locked: true }),
      ]),
      P,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      ['fail', 'The vault has no access policy denying deletion of recovery points.'],
      [
        'fail',
        'The vault access policy does not deny backup:UpdateRecoveryPointLifecycle, backup:PutBackupVaultAccessPolicy to everyone.',
      ],
      ['fail', `The vault access policy does not deny ${ALL.join(', ')} to everyone.`],
      ['fail', 'The vault has no access policy denying deletion of recovery points.'],
    ]);
  });
  it('reads NotAction denies', () => {
    expect(deniedActions(deny(undefined, { NotAction: ['backup:StartBackupJob'] }))).toEqual(ALL);
    expect(deniedActions(deny(undefined, { NotAction: ['backup:Delete*'] }))).toEqual(ALL.slice(1));
  });
  it('has no results on an empty snapshot, nor for vaults without recovery points', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
    expect(check.evaluate(snap([vault('empty', { numberOfRecoveryPoints: 0 })]), P)).toEqual([]);
  });
  it('reports error when the access policy could not be read or parsed', () => {
    const unread = vault('v');
    delete unread.supplementary.accessPolicy;
    const out = check.evaluate(
      snap(
        [unread, vault('garbled', {}, { accessPolicy: 'not json' })],
        [gap('backup', 'GetBackupVaultAccessPolicy: AccessDeniedException')],
      ),
      P,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      ['error', 'vault access policy could not be read (GetBackupVaultAccessPolicy: AccessDeniedException)'],
      ['error', 'The vault access policy could not be parsed.'],
    ]);
  });
});
