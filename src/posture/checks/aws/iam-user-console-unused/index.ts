/**
 * IAM users with a console password have signed in within `credentialUnusedDays` (AWS Config
 * IAM_USER_UNUSED_CREDENTIALS_CHECK, maxCredentialUsageAge 90, for its password half; Prowler
 * iam_user_console_access_unused, 45 days). A password never used counts from when it was set
 * (`password_last_changed`, else the user's creation), where Prowler lets it pass.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { unusedFor } from '../_hardening/credentials.js';
import { obj, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'iam-user-console-unused',
  provider: 'aws',
  title: 'Unused IAM console passwords are removed',
  severity: 'medium',
  resourceType: 'AWS::IAM::User',
  citations: ['164.308(a)(3)(ii)(B)', '164.308(a)(5)(ii)(D)', '164.308(a)(3)(ii)(C)'],
  params: ['credentialUnusedDays'],
  risk: "A console password nobody uses is an open door to ePHI that no one watches: typically a departed person's account, reachable by anyone who learns or guesses the password.",
  remediation: {
    text: 'IAM console → Users → user → Security credentials → Console sign-in → Manage → Disable console access (or delete the user after confirming it is not needed).',
    cli: 'aws iam delete-login-profile --user-name USER',
    terraform: '# Remove the aws_iam_user_login_profile resource of the user.',
  },
  evaluate(snapshot, params) {
    const max = params.credentialUnusedDays;
    return resourcesOf(snapshot, 'AWS::IAM::User').map((u) => {
      const row = obj(u.supplementary.credentialReport);
      if (row === undefined) return unreadable(check, snapshot, u, 'iam', 'credential report');
      const enabled = row.password_enabled;
      if (enabled === false || enabled === null || enabled === 'not_supported')
        return result(check, u, 'pass', 'No console password', { password_enabled: enabled });
      if (enabled !== true)
        return result(check, u, 'error', 'The credential report has no password_enabled column', {});
      const state = unusedFor(
        row,
        'password_last_used',
        ['password_last_changed', 'user_creation_time'],
        snapshot.collectedAt,
      );
      const evidence = { password_enabled: true, ...state, credentialUnusedDays: max };
      switch (state.kind) {
        case 'missing':
          return result(check, u, 'error', `The credential report has no ${state.column} column`, evidence);
        case 'unknown':
          return result(check, u, 'manual', `Console password: ${state.reason}`, evidence);
        default:
          return state.days > max
            ? result(
                check,
                u,
                'fail',
                `Console password unused for ${state.days} days (${state.basis})`,
                evidence,
              )
            : result(check, u, 'pass', `Console password used within ${max} days`, evidence);
      }
    });
  },
};
