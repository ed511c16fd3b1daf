/**
 * IAM roles and users are not granted `*` or `s3:*` over Resource `*` — through inline policies,
 * attached managed policies (their default version) or, for users, their groups. Such a grant
 * reaches every PHI store in the account. Matching the grant to specific PHI resources is best
 * effort and not attempted: any wildcard over all resources is flagged, and the message says
 * when the principal itself is tagged PHI. Deny statements, permission boundaries and SCPs that
 * might narrow the grant are not evaluated.
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { wildcardStatements } from '../_shared/policy.js';
import { arr, obj, phiScope } from '../_shared/util.js';

interface Found {
  wildcards: { policy: string; actions: unknown }[];
  unresolved: string[];
}

function inline(r: CloudResource, key: string, via: string, found: Found): void {
  for (const p of arr(r.configuration[key])) {
    const o = obj(p);
    for (const s of wildcardStatements(o?.policyDocument))
      found.wildcards.push({ policy: `${via}inline:${String(o?.policyName)}`, actions: s.Action });
  }
}

function attached(snapshot: CloudSnapshot, r: CloudResource, via: string, found: Found): void {
  for (const a of arr(r.configuration.attachedManagedPolicies)) {
    const arn = obj(a)?.policyArn;
    if (typeof arn !== 'string') continue;
    const policy = resourcesOf(snapshot, 'AWS::IAM::Policy').find(
      (p) => p.id === arn && p.account === r.account,
    );
    if (policy === undefined) {
      found.unresolved.push(arn);
      continue;
    }
    for (const v of arr(policy.configuration.policyVersionList)) {
      const version = obj(v);
      if (version?.isDefaultVersion !== true) continue;
      for (const s of wildcardStatements(version.document))
        found.wildcards.push({ policy: `${via}${arn}`, actions: s.Action });
    }
  }
}

/** Wildcard grants reaching a role or user, and attached policies not in the snapshot. */
export function wildcardGrants(snapshot: CloudSnapshot, r: CloudResource): Found {
  const found: Found = { wildcards: [], unresolved: [] };
  inline(r, r.type === 'AWS::IAM::Role' ? 'rolePolicyList' : 'userPolicyList', '', found);
  attached(snapshot, r, '', found);
  if (r.type === 'AWS::IAM::User') {
    for (const name of arr(r.configuration.groupList)) {
      const group = resourcesOf(snapshot, 'AWS::IAM::Group').find(
        (g) => g.name === name && g.account === r.account,
      );
      if (group === undefined) {
        found.unresolved.push(`group ${String(name)}`);
        continue;
      }
      inline(group, 'groupPolicyList', `group ${group.name}: `, found);
      attached(snapshot, group, `group ${group.name}: `, found);
    }
  }
  return found;
}

export const check: PostureCheck = {
  id: 'iam-role-wildcard-phi',
  provider: 'aws',
  title: 'IAM roles and users have no wildcard (* or s3:*) grants over all resources',
  severity: 'high',
  resourceType: 'AWS::IAM::Role',
  citations: ['164.308(a)(4)(i)', '164.308(a)(4)(ii)(B)', '164.312(a)(1)', '164.308(a)(3)(ii)(B)'],
  risk:
    'A principal allowed "*" or "s3:*" on "*" can read, change and delete every PHI store in the account, far beyond minimum necessary. ' +
    'Precise matching of grants to PHI resources is best effort and not attempted: any such wildcard is flagged.',
  remediation: {
    text: 'IAM console → role/user → Permissions: replace the wildcard statement with the specific actions and bucket/object ARNs the workload needs (IAM Access Analyzer can generate a policy from CloudTrail activity).',
    cli: 'aws iam put-role-policy --role-name ROLE --policy-name POLICY --policy-document file://least-privilege.json',
    terraform:
      'data "aws_iam_policy_document" "app" {\n  statement {\n    actions   = ["s3:GetObject", "s3:PutObject"]\n    resources = ["arn:aws:s3:::PHI_BUCKET/app/*"]\n  }\n}\nresource "aws_iam_role_policy" "app" {\n  role   = aws_iam_role.app.id\n  policy = data.aws_iam_policy_document.app.json\n}',
  },
  evaluate(snapshot) {
    const principals = [
      ...resourcesOf(snapshot, 'AWS::IAM::Role'),
      ...resourcesOf(snapshot, 'AWS::IAM::User'),
    ];
    return principals.map((r) => {
      const found = wildcardGrants(snapshot, r);
      const scope = phiScope(snapshot, r, 'iam');
      const evidence = { wildcardGrants: found.wildcards, unresolvedPolicies: found.unresolved };
      if (found.wildcards.length > 0) {
        const where = found.wildcards.map((w) => w.policy).join(', ');
        return result(
          check,
          r,
          'fail',
          `Wildcard grant over all resources in ${where}${scope.phi === true ? ' (principal tagged PHI)' : ''}`,
          evidence,
        );
      }
      if (found.unresolved.length > 0)
        return result(
          check,
          r,
          'error',
          `Attached policies not in the snapshot: ${found.unresolved.join(', ')}`,
          evidence,
        );
      return result(check, r, 'pass', 'No wildcard grants over all resources', evidence);
    });
  },
};
