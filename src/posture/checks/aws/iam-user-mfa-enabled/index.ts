/**
 * Every IAM user has an MFA device (AWS Config IAM_USER_MFA_ENABLED), console password or not.
 * iam-console-user-mfa judges console users only (Prowler's reading); the pack also asks it of
 * API-only users, whose MFA then guards STS sessions that policies can require with
 * aws:MultiFactorAuthPresent.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { obj, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'iam-user-mfa-enabled',
  provider: 'aws',
  title: 'Every IAM user has MFA',
  severity: 'medium',
  resourceType: 'AWS::IAM::User',
  citations: ['164.312(d)', '164.308(a)(5)(ii)(D)'],
  risk: 'A user without MFA is one leaked password or access key away from acting with all of its permissions on ePHI.',
  remediation: {
    text: 'IAM console → Users → user → Security credentials → Assign MFA device (FIDO2 security key preferred); for API users, require MFA-authenticated sessions (aws:MultiFactorAuthPresent) for sensitive actions, or replace the user by a role.',
    cli: 'aws iam create-virtual-mfa-device --virtual-mfa-device-name USER --outfile qr.png --bootstrap-method QRCodePNG && aws iam enable-mfa-device --user-name USER --serial-number arn:aws:iam::ACCOUNT:mfa/USER --authentication-code1 CODE1 --authentication-code2 CODE2',
    terraform: 'resource "aws_iam_virtual_mfa_device" "user" {\n  virtual_mfa_device_name = "USER"\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::IAM::User').map((u) => {
      const row = obj(u.supplementary.credentialReport);
      if (row === undefined) return unreadable(check, snapshot, u, 'iam', 'credential report');
      const mfa = row.mfa_active;
      if (typeof mfa !== 'boolean')
        return result(check, u, 'error', 'The credential report has no mfa_active column', {});
      const evidence = { mfa_active: mfa, password_enabled: row.password_enabled ?? null };
      return mfa
        ? result(check, u, 'pass', 'The user has MFA', evidence)
        : result(check, u, 'fail', 'The user has no MFA device', evidence);
    });
  },
};
