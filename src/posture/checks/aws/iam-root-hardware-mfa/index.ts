/**
 * The root user's MFA is a hardware device, not a virtual (phone app) one (AWS Config
 * ROOT_ACCOUNT_HARDWARE_MFA_ENABLED; Prowler iam_root_hardware_mfa_enabled). iam-root-mfa accepts
 * any MFA; this check asks for more. "Virtual" is read from ListVirtualMFADevices
 * (`supplementary.virtualMfa`), so passkeys and security keys count as hardware, as in both anchors.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { has, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'iam-root-hardware-mfa',
  provider: 'aws',
  title: 'The root user uses a hardware MFA device',
  severity: 'high',
  resourceType: 'AWS::IAM::RootAccount',
  citations: ['164.312(d)', '164.308(a)(3)(ii)(A)'],
  risk: 'A virtual MFA lives on a phone or laptop that can be cloned, phished or lost with the password; the root user, which can read every ePHI store, deserves a dedicated device.',
  remediation: {
    text: 'Sign in as root → Security credentials → Multi-factor authentication: assign a FIDO2 security key or hardware TOTP token, then remove the virtual device. Store the device with the break-glass procedure.',
    cli: '# Root MFA devices are managed by the root user in the console; to verify:\naws iam list-virtual-mfa-devices --assignment-status Assigned --query "VirtualMFADevices[?ends_with(SerialNumber, \'root-account-mfa-device\')]"',
    terraform: '# Not manageable by Terraform: root MFA is set by the root user in the console.',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::IAM::RootAccount').map((r) => {
      const enabled = r.configuration.accountMFAEnabled;
      if (typeof enabled !== 'boolean')
        return unreadable(check, snapshot, r, 'iam', 'account summary (GetAccountSummary)');
      if (!enabled) return result(check, r, 'fail', 'Root has no MFA', { accountMFAEnabled: false });
      if (!has(r, 'virtualMfa') || typeof r.supplementary.virtualMfa !== 'boolean')
        return unreadable(check, snapshot, r, 'iam', 'virtual MFA devices (ListVirtualMFADevices)');
      const evidence = { accountMFAEnabled: true, virtualMfa: r.supplementary.virtualMfa };
      return r.supplementary.virtualMfa
        ? result(check, r, 'fail', 'Root MFA is a virtual device', evidence)
        : result(check, r, 'pass', 'Root MFA is a hardware device', evidence);
    });
  },
};
