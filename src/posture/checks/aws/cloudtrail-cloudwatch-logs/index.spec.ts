import { describe, expect, it } from 'vitest';
import { gap, P, snap, trail } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const GROUP = 'arn:aws:logs:us-east-1:111122223333:log-group:cloudtrail:*';
const delivering = (name: string, last?: string, extra: Record<string, unknown> = {}) => {
  const t = trail(name, { cloudWatchLogsLogGroupArn: GROUP });
  return {
    ...t,
    supplementary: {
      trailStatus: { isLogging: true, ...(last && { latestCloudWatchLogsDeliveryTime: last }), ...extra },
    },
  };
};

describe('cloudtrail-cloudwatch-logs', () => {
  it('passes a trail that delivered within a day of collection', () => {
    // snap() is collected at 2025-01-07T09:00:00Z.
    expect(check.evaluate(snap([delivering('t', '2025-01-07T08:55:00Z')]), P)).toMatchObject([
      { status: 'pass', evidence: { cloudWatchLogsLogGroupArn: GROUP } },
    ]);
  });
  it('fails a trail without a log group, one that stopped delivering, and one that never delivered', () => {
    const out = check.evaluate(
      snap([
        trail('none'),
        delivering('stale', '2024-12-01T00:00:00Z', { latestCloudWatchLogsDeliveryError: 'AccessDenied' }),
        delivering('never'),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['fail', 'fail', 'fail']);
    expect(out[1]?.evidence.latestCloudWatchLogsDeliveryError).toBe('AccessDenied');
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the trail status could not be read', () => {
    const t = { ...trail('t', { cloudWatchLogsLogGroupArn: GROUP }), supplementary: {} };
    const out = check.evaluate(snap([t], [gap('cloudtrail', 'GetTrailStatus: AccessDenied')]), P);
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('GetTrailStatus: AccessDenied');
  });
});
