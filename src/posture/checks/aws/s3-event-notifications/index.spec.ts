import { describe, expect, it } from 'vitest';
import { bucket, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const notify = (configurations: unknown, eventBridgeEnabled?: boolean) => ({
  BucketNotificationConfiguration: {
    configurations,
    ...(eventBridgeEnabled !== undefined && { eventBridgeEnabled }),
  },
});
const queue = {
  type: 'QueueConfiguration',
  events: ['s3:ObjectCreated:*'],
  queueARN: 'arn:aws:sqs:us-east-1:1:q',
};

describe('s3-event-notifications', () => {
  it('passes a bucket with a destination or EventBridge delivery', () => {
    const out = check.evaluate(
      snap([bucket('q', notify({ q: queue }, false)), bucket('eb', notify({}, true))]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(out[0]?.evidence).toEqual({
      destinations: [{ type: 'QueueConfiguration', events: ['s3:ObjectCreated:*'] }],
      eventBridgeEnabled: false,
    });
  });

  it('fails a bucket with no destination and EventBridge off', () => {
    expect(check.evaluate(snap([bucket('b', notify({}, false))]), P)).toMatchObject([{ status: 'fail' }]);
  });

  it('is manual when EventBridge delivery was not recorded (a Config snapshot) and nothing else is set', () => {
    expect(check.evaluate(snap([bucket('b', notify({}))]), P)).toMatchObject([{ status: 'manual' }]);
  });

  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });

  it('is an error when GetBucketNotificationConfiguration was denied', () => {
    const out = check.evaluate(
      snap([bucket('b')], [gap('s3', 'GetBucketNotificationConfiguration: AccessDenied', 'global')]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['error']);
    expect(out[0]?.message).toContain('GetBucketNotificationConfiguration: AccessDenied');
  });
});
