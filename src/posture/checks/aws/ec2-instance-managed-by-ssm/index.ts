/**
 * Running EC2 instances are managed nodes of Systems Manager and reachable by it (AWS Config
 * EC2_INSTANCE_MANAGED_BY_SSM; Prowler ec2_instance_managed_by_ssm): an instance absent from
 * DescribeInstanceInformation, or whose agent lost its connection, cannot be patched, inventoried
 * or reached by Session Manager. ssm-patch-compliance judges the patches of managed instances; this
 * check finds the instances it cannot see. Stopped instances are not judged (their agent is off).
 */
import type { CloudResource } from '../../../../core/cloud.js';
import { listingErrors, operationGap, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { instanceId, instanceState, liveInstances } from '../_hardening/instances.js';

import { obj } from '../_shared/util.js';

const key = (r: Pick<CloudResource, 'account' | 'region'>, id: string) => `${r.account}|${r.region}|${id}`;

export const check: PostureCheck = {
  id: 'ec2-instance-managed-by-ssm',
  provider: 'aws',
  title: 'Running EC2 instances are managed by Systems Manager',
  severity: 'medium',
  resourceType: 'AWS::EC2::Instance',
  citations: ['164.308(a)(5)(ii)(B)', '164.308(a)(1)(ii)(B)'],
  risk: 'An instance Systems Manager does not manage gets no patch scans, no inventory and no audited shell access, so missing security updates on a host near ePHI go unseen.',
  remediation: {
    text: 'Install or start the SSM Agent, attach an instance profile with AmazonSSMManagedInstanceCore, and allow outbound HTTPS to the ssm, ssmmessages and ec2messages endpoints (or VPC endpoints); or turn on Default Host Management Configuration in Fleet Manager.',
    cli: 'aws ec2 associate-iam-instance-profile --instance-id INSTANCE_ID --iam-instance-profile Name=SSMManagedInstance\naws ssm describe-instance-information --filters Key=InstanceIds,Values=INSTANCE_ID',
    terraform:
      'resource "aws_iam_role_policy_attachment" "ssm" {\n  role       = aws_iam_role.app.name\n  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"\n}',
  },
  evaluate(snapshot) {
    const managed = new Map(
      resourcesOf(snapshot, 'AWS::SSM::ManagedInstanceInventory').map((m) => [key(m, m.name), m]),
    );
    const out = liveInstances(snapshot)
      .filter((r) => instanceState(r) === 'running')
      .map((r) => {
        const id = instanceId(r);
        const node = managed.get(key(r, id));
        if (node === undefined) {
          const gap = operationGap(snapshot, 'ssm', ['DescribeInstanceInformation'], r.account, r.region);
          return gap === undefined
            ? result(check, r, 'fail', 'Not a Systems Manager managed node', { managed: false })
            : result(check, r, 'error', `Managed nodes could not be listed: ${gap}`, { gap });
        }
        const ping = obj(node.supplementary.instanceInformation)?.pingStatus;
        const evidence = { managed: true, pingStatus: typeof ping === 'string' ? ping : null };
        if (ping === undefined || ping === 'Online')
          return result(check, r, 'pass', 'Managed by Systems Manager', evidence);
        return result(check, r, 'fail', `Registered with Systems Manager but ${String(ping)}`, evidence);
      });
    return [...out, ...listingErrors(check, snapshot, 'ec2', ['DescribeInstances'], 'instance/*')];
  },
};
