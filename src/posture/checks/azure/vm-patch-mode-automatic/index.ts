/**
 * Orchestrated patching on PHI VMs (Compute 2024-03-01 `osProfile.{linux,windows}Configuration.
 * patchSettings.patchMode`: Windows Manual | AutomaticByOS | AutomaticByPlatform, Linux
 * ImageDefault | AutomaticByPlatform). `Manual` (or Windows with `enableAutomaticUpdates: false`
 * and no patch mode) → fail. Linux `ImageDefault` leaves it to the image's own unattended-upgrade
 * setup, which the snapshot cannot see → manual. Only PHI-tagged VMs are evaluated.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, obj, phiOf, str } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'vm-patch-mode-automatic',
  provider: 'azure',
  title: 'PHI VMs are patched automatically',
  severity: 'medium',
  resourceType: ARM.virtualMachine,
  citations: ['164.308(a)(1)(ii)(B)', '164.308(a)(5)(ii)(B)'],
  risk: 'With manual patching, updates wait on a person; PHI hosts drift out of date between maintenance windows.',
  remediation: {
    text: 'Portal: Azure Update Manager → Settings → Update settings → select the VM → Patch orchestration "Customer Managed Schedules" (AutomaticByPlatform) and attach a maintenance configuration → Save.',
    cli: 'az vm update --name <vm> --resource-group <rg> --set osProfile.windowsConfiguration.patchSettings.patchMode=AutomaticByPlatform\n# Linux: osProfile.linuxConfiguration.patchSettings.patchMode=AutomaticByPlatform',
    terraform:
      'resource "azurerm_linux_virtual_machine" "phi" {\n  # ...\n  patch_mode                                             = "AutomaticByPlatform"\n  bypass_platform_safety_checks_on_user_schedule_enabled = true\n}',
    url: 'https://learn.microsoft.com/azure/virtual-machines/automatic-vm-guest-patching',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.virtualMachine).flatMap((vm) => {
      const phi = phiOf(vm);
      if (!phi.phi) return [];
      const os = obj(vm.configuration.osProfile);
      const windows = os.windowsConfiguration !== undefined;
      const cfg = obj(windows ? os.windowsConfiguration : os.linuxConfiguration);
      const mode = str(obj(cfg.patchSettings).patchMode);
      const evidence = {
        osConfiguration: windows ? 'windowsConfiguration' : 'linuxConfiguration',
        patchMode: mode ?? null,
        ...(windows ? { enableAutomaticUpdates: cfg.enableAutomaticUpdates ?? null } : {}),
        ...phi,
      };
      const m = mode?.toLowerCase();
      if (m === 'automaticbyplatform' || m === 'automaticbyos') {
        return [result(check, vm, 'pass', `Patch mode is ${mode}.`, evidence)];
      }
      if (m === 'manual' || (m === undefined && windows && cfg.enableAutomaticUpdates === false)) {
        return [result(check, vm, 'fail', 'Patch mode is Manual on a PHI VM.', evidence)];
      }
      if (m === undefined && windows) {
        // Compute API: without patchSettings, Windows defaults to AutomaticByOS when automatic updates are on.
        return [result(check, vm, 'pass', 'No patch mode set: Windows defaults to AutomaticByOS.', evidence)];
      }
      return [
        result(
          check,
          vm,
          'manual',
          `Patch mode is ${mode ?? 'unset (ImageDefault)'}: the image's own update setup decides; check it on the host.`,
          evidence,
        ),
      ];
    });
  },
};
