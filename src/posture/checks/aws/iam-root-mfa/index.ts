/** The root user has MFA (GetAccountSummary's AccountMFAEnabled, else the credential report). */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { obj, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'iam-root-mfa',
  provider: 'aws',
  title: 'The root user has MFA enabled',
  severity: 'critical',
  resourceType: 'AWS::IAM::RootAccount',
  citations: ['164.312(d)', '164.308(a)(5)(ii)(D)', '164.308(a)(3)(ii)(A)'],
  risk: 'Root can do anything, including closing the account and reading every ePHI store; a password alone protecting it is the single worst credential exposure.',
  remediation: {
    text: 'Sign in as root → Security credentials → Multi-factor authentication → Assign MFA device (hardware or passkey preferred). With AWS Organizations, consider centralised root access management.',
    cli: '# Root MFA must be enabled while signed in as root (console); to verify:\naws iam get-account-summary --query SummaryMap.AccountMFAEnabled',
    terraform: '# Not manageable by Terraform: root MFA is set by the root user in the console.',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::IAM::RootAccount').map((r) => {
      const summary = r.configuration.accountMFAEnabled;
      const report = obj(r.supplementary.credentialReport)?.mfa_active;
      const enabled =
        typeof summary === 'boolean' ? summary : typeof report === 'boolean' ? report : undefined;
      if (enabled === undefined)
        return unreadable(check, snapshot, r, 'iam', 'account summary and credential report');
      const evidence = {
        accountMFAEnabled: summary ?? null,
        mfa_active: report ?? null,
        virtualMfa: r.supplementary.virtualMfa ?? null,
      };
      return enabled
        ? result(check, r, 'pass', 'Root has MFA', evidence)
        : result(check, r, 'fail', 'Root has no MFA', evidence);
    });
  },
};
