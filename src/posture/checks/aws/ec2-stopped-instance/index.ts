/**
 * No EC2 instance has been stopped for more than `stoppedInstanceMaxDays` (AWS Config
 * EC2_STOPPED_INSTANCE, allowedDays 30). A stopped instance receives no patches and no agent
 * updates; started again, it returns with every vulnerability disclosed meanwhile.
 *
 * The stop time is read from `stateTransitionReason`, which EC2 writes as
 * "User initiated (2024-05-01 10:00:00 GMT)" (EC2 API Reference, Instance). When it carries no
 * time the result is `manual` (AWS Config calls that case non-compliant; we do not guess).
 */
import { listingErrors, type PostureCheck, result } from '../../../check.js';
import { instanceState, liveInstances } from '../_hardening/instances.js';

import { daysBetween } from '../_shared/util.js';

/** The stop time in a state-transition reason, as ISO, or `undefined`. */
export function stoppedAt(reason: unknown): string | undefined {
  if (typeof reason !== 'string') return undefined;
  const m = /\((\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) GMT\)/.exec(reason);
  if (m === null) return undefined;
  const iso = `${m[1]}T${m[2]}Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

export const check: PostureCheck = {
  id: 'ec2-stopped-instance',
  provider: 'aws',
  title: 'EC2 instances are not left stopped for long',
  severity: 'low',
  resourceType: 'AWS::EC2::Instance',
  citations: ['164.308(a)(5)(ii)(B)', '164.308(a)(1)(ii)(B)'],
  params: ['stoppedInstanceMaxDays'],
  risk: 'A long-stopped instance misses every patch and agent update; when someone starts it again it runs with known vulnerabilities next to ePHI, and its volumes keep data nobody reviews.',
  remediation: {
    text: 'Decide per instance: start it and patch it (Systems Manager Patch Manager), or snapshot what must be kept and terminate it. Schedule instances that only run occasionally with Instance Scheduler so they are patched when up.',
    cli: 'aws ec2 start-instances --instance-ids INSTANCE_ID\naws ec2 terminate-instances --instance-ids INSTANCE_ID',
    terraform:
      '# Remove the aws_instance resource (terraform destroy -target=aws_instance.old) once its data is kept elsewhere.',
  },
  evaluate(snapshot, params) {
    const max = params.stoppedInstanceMaxDays;
    const out = liveInstances(snapshot).map((r) => {
      const state = instanceState(r);
      const reason = r.configuration.stateTransitionReason ?? null;
      if (state === undefined)
        return result(check, r, 'manual', 'The instance state was not recorded', {
          stateTransitionReason: reason,
        });
      if (state !== 'stopped' && state !== 'stopping')
        return result(check, r, 'pass', `The instance is ${state}`, { state });
      const at = stoppedAt(reason);
      const evidence = {
        state,
        stateTransitionReason: reason,
        stoppedAt: at ?? null,
        stoppedInstanceMaxDays: max,
      };
      if (at === undefined)
        return result(
          check,
          r,
          'manual',
          'Stopped, but the stop time cannot be read from the state reason',
          evidence,
        );
      const days = Math.floor(daysBetween(at, snapshot.collectedAt));
      return days > max
        ? result(check, r, 'fail', `Stopped for ${days} days (max ${max})`, {
            ...evidence,
            stoppedDays: days,
          })
        : result(check, r, 'pass', `Stopped for ${days} days (max ${max})`, {
            ...evidence,
            stoppedDays: days,
          });
    });
    return [...out, ...listingErrors(check, snapshot, 'ec2', ['DescribeInstances'], 'instance/*')];
  },
};
