import { describe, expect, it } from 'vitest';
import { gap, P, res, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const key = (id: string, configuration: Record<string, unknown>) =>
  res('AWS::KMS::Key', `arn:aws:kms:us-east-1:111122223333:key/${id}`, {
    configuration: { keyId: id, ...configuration },
  });

describe('kms-key-not-pending-deletion', () => {
  it('fails keys pending deletion, passes the others, skips AWS-managed keys', () => {
    const out = check.evaluate(
      snap([
        key('a', { keyManager: 'CUSTOMER', keyState: 'Enabled' }),
        key('b', {
          keyManager: 'CUSTOMER',
          keyState: 'PendingDeletion',
          deletionDate: '2025-01-30T00:00:00.000Z',
        }),
        key('c', { keyManager: 'CUSTOMER', keyState: 'Disabled' }),
        key('d', { keyManager: 'AWS', keyState: 'Enabled' }),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['pass', 'fail', 'pass']);
    expect(out[1]?.message).toContain('2025-01-30');
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when DescribeKey or ListKeys was denied', () => {
    const out = check.evaluate(
      snap(
        [key('e', { arn: 'arn:aws:kms:us-east-1:111122223333:key/e' })],
        [
          gap('kms', 'DescribeKey: AccessDeniedException'),
          gap('kms', 'ListKeys: AccessDeniedException', 'eu-west-1'),
        ],
      ),
      P,
    );
    expect(out.map((r) => [r.status, r.region])).toEqual([
      ['error', 'us-east-1'],
      ['error', 'eu-west-1'],
    ]);
  });
});
