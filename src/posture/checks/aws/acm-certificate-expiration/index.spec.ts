import { describe, expect, it } from 'vitest';
import { ACCOUNT, gap, P, res, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

// The snapshot helper collects at 2025-01-07T09:00:00Z.
const cert = (id: string, config: Record<string, unknown>) =>
  res('AWS::ACM::Certificate', `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/${id}`, {
    configuration: { certificateArn: id, status: 'ISSUED', type: 'IMPORTED', ...config },
  });

describe('acm-certificate-expiration', () => {
  it('passes a certificate valid beyond the minimum', () => {
    const out = check.evaluate(
      snap([cert('a', { notAfter: '2025-06-01T00:00:00.000Z', inUseBy: ['lb'] })]),
      P,
    );
    expect(out).toMatchObject([{ status: 'pass', evidence: { daysLeft: 144, inUseBy: ['lb'] } }]);
  });
  it('fails certificates expiring within the minimum or already expired', () => {
    const out = check.evaluate(
      snap([
        cert('a', { notAfter: '2025-01-20T00:00:00.000Z' }),
        cert('b', { notAfter: '2024-12-01T00:00:00.000Z', status: 'EXPIRED' }),
      ]),
      P,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      ['fail', 'Expires in 12 days (minimum 30)'],
      ['fail', 'Expired 38 days ago'],
    ]);
    // A tighter organisation parameter is honoured.
    expect(
      check.evaluate(snap([cert('c', { notAfter: '2025-03-01T00:00:00.000Z' })]), {
        ...P,
        certificateMinValidDays: 60,
      }),
    ).toMatchObject([{ status: 'fail' }]);
  });
  it('ignores never-issued certificates; no results on an empty snapshot', () => {
    expect(check.evaluate(snap([cert('a', { status: 'PENDING_VALIDATION' })]), P)).toEqual([]);
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error for an issued certificate whose end date was not read', () => {
    const out = check.evaluate(
      snap([cert('a', {})], [gap('acm', 'DescribeCertificate: AccessDeniedException')]),
      P,
    );
    expect(out).toMatchObject([{ status: 'error', evidence: { missing: 'notAfter' } }]);
    expect(out[0]?.message).toContain('AccessDeniedException');
  });
});
