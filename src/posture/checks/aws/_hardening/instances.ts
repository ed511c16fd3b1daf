/** EC2 instance lifecycle as the checks need it: terminated instances are history, not posture. */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { resourcesOf } from '../../../check.js';
import { obj } from '../_shared/util.js';

// DescribeInstances keeps terminated instances for about an hour; AWS Config deletes their items.
const GONE = new Set(['terminated', 'shutting-down']);

/** An instance's state name (`running`, `stopped`, …), or `undefined` when not recorded. */
export function instanceState(r: CloudResource): string | undefined {
  const name = obj(r.configuration.state)?.name;
  return typeof name === 'string' ? name : undefined;
}

/** The snapshot's EC2 instances that still exist (not terminated or terminating). */
export function liveInstances(snapshot: CloudSnapshot): CloudResource[] {
  return resourcesOf(snapshot, 'AWS::EC2::Instance').filter((r) => !GONE.has(instanceState(r) ?? ''));
}

/** The instance id (`i-…`): the configuration's, else the ARN's last part. */
export function instanceId(r: CloudResource): string {
  const id = r.configuration.instanceId;
  return typeof id === 'string' ? id : (r.id.split('/').pop() ?? r.id);
}
