/** The root user has no access keys (AccountAccessKeysPresent, else the credential report). */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { obj, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'iam-root-no-access-keys',
  provider: 'aws',
  title: 'The root user has no access keys',
  severity: 'critical',
  resourceType: 'AWS::IAM::RootAccount',
  citations: ['164.312(a)(1)', '164.308(a)(3)(ii)(B)', '164.308(a)(4)(i)'],
  risk: 'A root access key is an unrestricted, unscopable, non-MFA credential to the whole account and every ePHI store in it.',
  remediation: {
    text: 'Sign in as root → Security credentials → Access keys → deactivate, then delete each key; use IAM roles for automation.',
    cli: '# Root keys can only be deleted as root (console, or CLI with root credentials):\naws iam delete-access-key --access-key-id ROOT_KEY_ID',
    terraform: '# Not manageable by Terraform: delete root keys as the root user.',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::IAM::RootAccount').map((r) => {
      const summary = r.configuration.accountAccessKeysPresent;
      const row = obj(r.supplementary.credentialReport);
      const fromReport =
        row === undefined ? undefined : row.access_key_1_active === true || row.access_key_2_active === true;
      const present = typeof summary === 'boolean' ? summary : fromReport;
      if (present === undefined)
        return unreadable(check, snapshot, r, 'iam', 'account summary and credential report');
      const evidence = {
        accountAccessKeysPresent: summary ?? null,
        access_key_1_active: row?.access_key_1_active ?? null,
        access_key_2_active: row?.access_key_2_active ?? null,
      };
      return present
        ? result(check, r, 'fail', 'Root has an access key', evidence)
        : result(check, r, 'pass', 'Root has no access keys', evidence);
    });
  },
};
