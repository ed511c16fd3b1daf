/**
 * The account password policy meets the founding documents' password management rule: expiry
 * within `passwordMaxAgeDays` (90), at least 14 characters, all four character classes, and the
 * last 24 passwords not reusable (AWS Config HIPAA pack `iam-password-policy` parameters).
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { accountSubject, missingReason } from '../_shared/util.js';

const MIN_LENGTH = 14;
const MIN_REUSE = 24;
const CLASSES = [
  'requireSymbols',
  'requireNumbers',
  'requireUppercaseCharacters',
  'requireLowercaseCharacters',
] as const;

export const check: PostureCheck = {
  id: 'iam-password-policy',
  provider: 'aws',
  title: 'IAM password policy enforces expiry, length, complexity and reuse prevention',
  severity: 'medium',
  resourceType: 'AWS::IAM::PasswordPolicy',
  citations: ['164.308(a)(5)(ii)(D)', '164.312(d)'],
  risk: 'Weak, reused or never-expiring console passwords make guessing and credential-stuffing attacks on accounts with ePHI access practical.',
  remediation: {
    text: 'IAM console → Account settings → Password policy → Edit: minimum length 14, require upper/lower/number/symbol, expire after 90 days, prevent reuse of 24.',
    cli: 'aws iam update-account-password-policy --minimum-password-length 14 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --max-password-age 90 --password-reuse-prevention 24 --allow-users-to-change-password',
    terraform:
      'resource "aws_iam_account_password_policy" "this" {\n  minimum_password_length        = 14\n  require_symbols                = true\n  require_numbers                = true\n  require_uppercase_characters   = true\n  require_lowercase_characters   = true\n  max_password_age               = 90\n  password_reuse_prevention      = 24\n  allow_users_to_change_password = true\n}',
  },
  params: ['passwordMaxAgeDays'],
  evaluate(snapshot, params) {
    const policies = resourcesOf(snapshot, 'AWS::IAM::PasswordPolicy');
    const out = policies.map((p) => {
      const c = p.configuration;
      if (p.supplementary.configured === false)
        return result(check, p, 'fail', 'No password policy is set (AWS defaults: 8 characters, no expiry)', {
          configured: false,
        });
      const problems: string[] = [];
      const maxAge = typeof c.maxPasswordAge === 'number' ? c.maxPasswordAge : null;
      if (maxAge === null || maxAge > params.passwordMaxAgeDays)
        problems.push(`max age ${maxAge ?? 'none'} > ${params.passwordMaxAgeDays}`);
      const length = typeof c.minimumPasswordLength === 'number' ? c.minimumPasswordLength : 0;
      if (length < MIN_LENGTH) problems.push(`length ${length} < ${MIN_LENGTH}`);
      const missing = CLASSES.filter((k) => c[k] !== true);
      if (missing.length > 0) problems.push(`not required: ${missing.join(', ')}`);
      const reuse = typeof c.passwordReusePrevention === 'number' ? c.passwordReusePrevention : 0;
      if (reuse < MIN_REUSE) problems.push(`reuse prevention ${reuse} < ${MIN_REUSE}`);
      const evidence = {
        configured: true,
        maxPasswordAge: maxAge,
        minimumPasswordLength: length,
        passwordReusePrevention: reuse,
        ...Object.fromEntries(CLASSES.map((k) => [k, c[k] === true])),
      };
      return problems.length === 0
        ? result(check, p, 'pass', 'Password policy meets the requirements', evidence)
        : result(check, p, 'fail', `Password policy too weak: ${problems.join('; ')}`, evidence);
    });
    for (const account of snapshot.accounts) {
      if (policies.some((p) => p.account === account)) continue;
      if (!snapshot.gaps.some((g) => g.account === account && g.service === 'iam')) continue;
      const subject = accountSubject(account);
      out.push(result(check, subject, 'error', missingReason(snapshot, subject, 'iam', 'password policy')));
    }
    return out;
  },
};
