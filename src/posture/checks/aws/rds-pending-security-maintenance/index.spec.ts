import { describe, expect, it } from 'vitest';
import { db, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('rds-pending-security-maintenance', () => {
  it('passes with nothing pending (or only non-security actions)', () => {
    const out = check.evaluate(
      snap([
        db('a'),
        db(
          'b',
          {},
          {},
          { pendingMaintenanceActions: [{ action: 'db-upgrade', description: 'Minor version' }] },
        ),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['pass', 'pass']);
  });
  it('fails with a pending system-update', () => {
    const pending = [
      { action: 'system-update', description: 'New Operating System update is available: security fixes' },
    ];
    expect(check.evaluate(snap([db('a', {}, {}, { pendingMaintenanceActions: pending })]), P)).toMatchObject([
      { status: 'fail' },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when DescribePendingMaintenanceActions was denied', () => {
    const out = check.evaluate(
      snap([db('a', {}, {}, {})], [gap('rds', 'DescribePendingMaintenanceActions: AccessDenied')]),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('AccessDenied');
  });
});
