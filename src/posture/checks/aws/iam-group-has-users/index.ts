/**
 * IAM groups have at least one member (AWS Config IAM_GROUP_HAS_USERS_CHECK; in neither HIPAA
 * anchor pack). An empty group still carries its policies: a dormant grant that anyone allowed to
 * add group members can activate without a policy change to review. Members are read from the
 * users' `groupList`, as GetAccountAuthorizationDetails gives membership on the user side.
 */
import { listingErrors, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { IAM_LISTING } from '../_hardening/iam.js';

import { arr, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'iam-group-has-users',
  provider: 'aws',
  title: 'IAM groups have members',
  severity: 'low',
  resourceType: 'AWS::IAM::Group',
  citations: ['164.308(a)(4)(ii)(B)', '164.308(a)(3)(ii)(B)'],
  risk: 'An empty group keeps its permissions to ePHI ready for whoever is added next, so access can be granted by a membership change nobody reviews as a permission change.',
  remediation: {
    text: 'IAM console → User groups: delete groups that are no longer used (detach their policies first), or add the intended members.',
    cli: 'aws iam detach-group-policy --group-name GROUP --policy-arn POLICY_ARN && aws iam delete-group --group-name GROUP',
    terraform:
      '# Remove the aws_iam_group (and its policy attachments) that has no aws_iam_group_membership.',
  },
  evaluate(snapshot) {
    const users = resourcesOf(snapshot, 'AWS::IAM::User');
    const out = resourcesOf(snapshot, 'AWS::IAM::Group').map((g) => {
      const own = users.filter((u) => u.account === g.account);
      const members = own.filter((u) => arr(u.configuration.groupList).includes(g.name)).map((u) => u.name);
      if (members.length > 0) return result(check, g, 'pass', `${members.length} members`, { members });
      if (own.some((u) => !Array.isArray(u.configuration.groupList)))
        return unreadable(check, snapshot, g, 'iam', "users' group memberships");
      return result(check, g, 'fail', 'The group has no members', { members: [] });
    });
    return [
      ...out,
      ...listingErrors(check, snapshot, 'iam', IAM_LISTING, (a) => `arn:aws:iam::${a}:group/*`),
    ];
  },
};
