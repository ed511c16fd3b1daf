/** IAM users with a console password have an MFA device. */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { obj, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'iam-console-user-mfa',
  provider: 'aws',
  title: 'IAM users with console access have MFA',
  severity: 'high',
  resourceType: 'AWS::IAM::User',
  citations: ['164.312(d)', '164.308(a)(5)(ii)(D)', '164.308(a)(3)(ii)(A)'],
  risk: 'A console password alone is one phishing page away from full console access to ePHI; MFA is the expected person-authentication control.',
  remediation: {
    text: 'IAM console → Users → user → Security credentials → Assign MFA device (prefer FIDO2 security keys); enforce with a policy denying actions when aws:MultiFactorAuthPresent is false.',
    cli: 'aws iam create-virtual-mfa-device --virtual-mfa-device-name USER --outfile qr.png --bootstrap-method QRCodePNG && aws iam enable-mfa-device --user-name USER --serial-number arn:aws:iam::ACCOUNT:mfa/USER --authentication-code1 CODE1 --authentication-code2 CODE2',
    terraform:
      'resource "aws_iam_virtual_mfa_device" "user" {\n  virtual_mfa_device_name = "USER"\n}\n# then enable it for the user (aws_iam_user_mfa_device or console); MFA cannot be enabled without the device codes',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::IAM::User').map((u) => {
      const row = obj(u.supplementary.credentialReport);
      if (row === undefined) return unreadable(check, snapshot, u, 'iam', 'credential report');
      const evidence = { password_enabled: row.password_enabled ?? null, mfa_active: row.mfa_active ?? null };
      if (row.password_enabled !== true) return result(check, u, 'pass', 'No console password', evidence);
      return row.mfa_active === true
        ? result(check, u, 'pass', 'Console user has MFA', evidence)
        : result(check, u, 'fail', 'Console password without MFA', evidence);
    });
  },
};
