/**
 * S3 buckets send event notifications — to SQS, SNS, Lambda or EventBridge — so object creation
 * and deletion can be monitored and acted on (AWS Config S3_EVENT_NOTIFICATIONS_ENABLED, without
 * its eventTypes and destinationArn parameters: any destination and any event counts).
 * EventBridge delivery counts as enabled; a Config snapshot does not record it, so a bucket from
 * one with no other destination is `manual` rather than a failure.
 */
import { operationGap, type PostureCheck, resourcesOf, result } from '../../../check.js';

import { arr, has, obj } from '../_shared/util.js';

/** The configured destinations (Config's map by id, or a list), each as `{type, events}`. */
export function notificationTargets(config: unknown): { type: unknown; events: unknown[] }[] {
  const c = obj(config)?.configurations;
  const items = obj(c) ? Object.values(obj(c) ?? {}) : arr(c);
  return items.flatMap((i) => {
    const o = obj(i);
    return o ? [{ type: o.type ?? null, events: arr(o.events) }] : [];
  });
}

export const check: PostureCheck = {
  id: 's3-event-notifications',
  provider: 'aws',
  title: 'S3 buckets have event notifications enabled',
  severity: 'low',
  resourceType: 'AWS::S3::Bucket',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  risk: 'Without event notifications, unexpected object creation or deletion in a bucket (exfiltration staging, mass deletion) reaches no queue, topic or rule that could alert on it.',
  remediation: {
    text: 'S3 console → bucket → Properties → Event notifications → Create event notification (e.g. s3:ObjectRemoved:* to an SNS topic), or turn on "Send notifications to Amazon EventBridge".',
    cli: 'aws s3api put-bucket-notification-configuration --bucket BUCKET --notification-configuration \'{"EventBridgeConfiguration":{}}\'',
    terraform:
      'resource "aws_s3_bucket_notification" "this" {\n  bucket      = aws_s3_bucket.this.id\n  eventbridge = true\n}',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::S3::Bucket').map((b) => {
      if (!has(b, 'BucketNotificationConfiguration')) {
        const gap = operationGap(snapshot, 's3', ['GetBucketNotificationConfiguration'], b.account, b.region);
        return result(
          check,
          b,
          'error',
          gap
            ? `Event notifications could not be read: ${gap}.`
            : 'Event notifications are not in the snapshot.',
          { missing: 'BucketNotificationConfiguration' },
        );
      }
      const config = obj(b.supplementary.BucketNotificationConfiguration);
      const targets = notificationTargets(config);
      const eventBridge = config?.eventBridgeEnabled;
      const evidence = {
        destinations: targets,
        eventBridgeEnabled: typeof eventBridge === 'boolean' ? eventBridge : null,
      };
      if (targets.length > 0 || eventBridge === true)
        return result(check, b, 'pass', 'Event notifications are configured.', evidence);
      if (typeof eventBridge !== 'boolean')
        return result(
          check,
          b,
          'manual',
          'No SQS, SNS or Lambda destination; whether EventBridge delivery is on was not recorded.',
          evidence,
        );
      return result(
        check,
        b,
        'fail',
        'No event notification destination and EventBridge delivery off.',
        evidence,
      );
    });
  },
};
