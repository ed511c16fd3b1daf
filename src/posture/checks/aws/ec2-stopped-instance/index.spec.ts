import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, instance, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check, stoppedAt } from './index.js';

const arn = (id: string) => `arn:aws:ec2:us-east-1:111122223333:instance/${id}`;
const stopped = (reason: string) => ({ state: { code: 80, name: 'stopped' }, stateTransitionReason: reason });

describe('ec2-stopped-instance', () => {
  it('reads the stop time EC2 writes into the state reason', () => {
    expect(stoppedAt('User initiated (2026-05-20 13:59:38 GMT)')).toBe('2026-05-20T13:59:38Z');
    expect(stoppedAt('Server.ScheduledStop')).toBeUndefined();
    expect(stoppedAt(undefined)).toBeUndefined();
  });
  it('fails an instance stopped longer than the parameter, passes running and recently stopped ones', () => {
    // Collected 2026-06-01.
    const s = snap([
      instance('i-1', { state: { code: 16, name: 'running' }, stateTransitionReason: '' }),
      instance('i-2', stopped('User initiated (2026-05-20 10:00:00 GMT)')),
      instance('i-3', stopped('User initiated (2026-01-02 10:00:00 GMT)')),
      instance('i-4', stopped('Service initiated')),
    ]);
    const out = check.evaluate(s, DEFAULT_PARAMS);
    expect(statuses(out)).toEqual({
      [arn('i-1')]: 'pass',
      [arn('i-2')]: 'pass',
      [arn('i-3')]: 'fail',
      [arn('i-4')]: 'manual',
    });
    expect(out[2]?.evidence.stoppedDays).toBe(149);
    expect(statuses(check.evaluate(s, { ...DEFAULT_PARAMS, stoppedInstanceMaxDays: 7 }))[arn('i-2')]).toBe(
      'fail',
    );
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('reports unlisted instances as an error, and an instance without state as manual', () => {
    const out = check.evaluate(
      snap([instance('i-9', {})], [gap('ec2', 'DescribeInstances: Throttling')]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => r.status)).toEqual(['manual', 'error']);
  });
});
