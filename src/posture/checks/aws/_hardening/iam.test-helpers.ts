/** IAM resources for the hardening specs, in the collector's shape (policy documents parsed). */
import { ACCOUNT, res } from '../_shared/snapshots.test-helpers.js';

/** A policy document of `statements`. */
export const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });

/** A managed policy whose default version is `document` (`undefined`: no default version recorded). */
export function managedPolicy(
  name: string,
  document: unknown,
  opts: { aws?: boolean; attachmentCount?: number } = {},
) {
  const arn = opts.aws ? `arn:aws:iam::aws:policy/${name}` : `arn:aws:iam::${ACCOUNT}:policy/${name}`;
  return res('AWS::IAM::Policy', arn, {
    name,
    region: 'global',
    configuration: {
      policyName: name,
      arn,
      attachmentCount: opts.attachmentCount ?? 1,
      policyVersionList:
        document === undefined ? [] : [{ versionId: 'v1', isDefaultVersion: true, document }],
    },
  });
}

const inline = (policies: Record<string, unknown>) =>
  Object.entries(policies).map(([policyName, policyDocument]) => ({ policyName, policyDocument }));

/** A role with inline policies (name → document); `null` policies: the list was not recorded. */
export function role(name: string, policies: Record<string, unknown> | null, path = '/') {
  return res('AWS::IAM::Role', `arn:aws:iam::${ACCOUNT}:role${path}${name}`, {
    name,
    region: 'global',
    configuration: {
      roleName: name,
      path,
      attachedManagedPolicies: [],
      ...(policies !== null && { rolePolicyList: inline(policies) }),
    },
  });
}

/** A group with inline policies and attached managed policy ARNs. */
export function group(name: string, policies: Record<string, unknown> = {}, attached: string[] = []) {
  return res('AWS::IAM::Group', `arn:aws:iam::${ACCOUNT}:group/${name}`, {
    name,
    region: 'global',
    configuration: {
      groupName: name,
      groupPolicyList: inline(policies),
      attachedManagedPolicies: attached.map((policyArn) => ({
        policyArn,
        policyName: policyArn.split('/').pop(),
      })),
    },
  });
}

/** Inline policy list entries for a user's `userPolicyList`. */
export const userInline = inline;
