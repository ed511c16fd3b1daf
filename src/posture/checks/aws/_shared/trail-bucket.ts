/** The bucket a trail delivers to, joined by name; trails often log to another account's bucket. */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { bucketNamed } from './s3-exposure.js';

/** The trail's bucket: the resource, or why it cannot be judged here. */
export function trailBucket(
  snapshot: CloudSnapshot,
  trail: CloudResource,
): { bucket: CloudResource } | { bucketName: string | null; reason: string } {
  const name = trail.configuration.s3BucketName;
  if (typeof name !== 'string' || name === '')
    return { bucketName: null, reason: 'trail names no S3 bucket' };
  const bucket = bucketNamed(snapshot, name);
  if (bucket === undefined)
    return {
      bucketName: name,
      reason: `bucket ${name} is not in the snapshot (another account?): review it there`,
    };
  return { bucket };
}
