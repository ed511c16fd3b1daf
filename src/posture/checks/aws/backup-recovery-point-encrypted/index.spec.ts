import { describe, expect, it } from 'vitest';
import { gap, P, recoveryPoint, snap, vault } from '../_stores/fixtures.test-helpers.js';
import { check } from './index.js';

describe('backup-recovery-point-encrypted', () => {
  it('passes an encrypted recovery point of a fully read vault', () => {
    expect(check.evaluate(snap([vault('v'), recoveryPoint('a', 'v')]), P)).toMatchObject([
      { status: 'pass', evidence: { isEncrypted: true, backupVaultName: 'v' } },
    ]);
  });
  it('fails an unencrypted recovery point', () => {
    const out = check.evaluate(
      snap([recoveryPoint('a', 'v', { isEncrypted: false, resourceType: 'EBS' })]),
      P,
    );
    expect(out).toMatchObject([{ status: 'fail', evidence: { isEncrypted: false, resourceType: 'EBS' } }]);
  });
  it('has no results on an empty snapshot, nor for an empty vault', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
    expect(
      check.evaluate(snap([vault('empty', { numberOfRecoveryPoints: 0 }, { recoveryPointsListed: 0 })]), P),
    ).toEqual([]);
  });
  it('reports error for recovery points not read: a cut listing, a denied listing, a missing status', () => {
    const cut = vault(
      'big',
      { numberOfRecoveryPoints: 5000 },
      { recoveryPointsListed: 1000, recoveryPointsTruncated: true },
    );
    const denied = vault(
      'denied',
      {},
      { recoveryPointsListed: undefined, recoveryPointsTruncated: undefined },
    );
    delete denied.supplementary.recoveryPointsListed;
    delete denied.supplementary.recoveryPointsTruncated;
    const out = check.evaluate(
      snap(
        [recoveryPoint('a', 'big', { isEncrypted: undefined }), cut, denied],
        [gap('backup', 'ListRecoveryPointsByBackupVault: AccessDeniedException')],
      ),
      P,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      [
        'error',
        'encryption status could not be read (ListRecoveryPointsByBackupVault: AccessDeniedException)',
      ],
      ['error', 'Only the first 1000 recovery points of the vault were read; the others were not evaluated.'],
      [
        'error',
        "The vault's recovery points could not be read (ListRecoveryPointsByBackupVault: AccessDeniedException).",
      ],
    ]);
  });
});
