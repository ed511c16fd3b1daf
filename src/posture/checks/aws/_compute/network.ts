/** Lookups between instances and their network: subnet, security groups, VPC. */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { indexBy, list, rec, scoped, str } from './util.js';

/** Security-group ids attached to an instance (`securityGroups: [{groupId, groupName}]`). */
export function groupIdsOf(instance: CloudResource): string[] {
  return list(instance.configuration.securityGroups).flatMap((g) => {
    const id = str(rec(g)?.groupId);
    return id ? [id] : [];
  });
}

/** The snapshot's subnets, security groups and instances indexed by their EC2 ids per account and region. */
export function networkIndex(snapshot: CloudSnapshot) {
  const subnets = indexBy(snapshot, 'AWS::EC2::Subnet', 'subnetId');
  const groups = indexBy(snapshot, 'AWS::EC2::SecurityGroup', 'groupId');
  return {
    subnet: (i: CloudResource) => {
      const id = str(i.configuration.subnetId);
      return id ? subnets.get(scoped(i, id)) : undefined;
    },
    group: (i: CloudResource, groupId: string) => groups.get(scoped(i, groupId)),
  };
}
