/**
 * Critical or security updates missing on a VM (Update Manager summary
 * `availablePatchCountByClassification.critical|security`; Windows and Linux both report those
 * two keys). Without an assessment nothing can be said: `error` (vm-update-assessment flags the
 * missing assessment itself).
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, list, obj, patchAssessment, phiOf, str } from '../_shared/arm.js';

const MAX_LISTED = 20;

function count(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

export const check: PostureCheck = {
  id: 'vm-critical-updates-missing',
  provider: 'azure',
  title: 'VMs have no missing critical or security updates',
  severity: 'high',
  resourceType: ARM.virtualMachine,
  citations: ['164.308(a)(1)(ii)(B)', '164.308(a)(5)(ii)(B)'],
  risk: 'Missing critical and security updates are the usual route to remote code execution on a host that stores or processes ePHI.',
  remediation: {
    text: 'Portal: Azure Update Manager → Machines → select the VM → "One-time update" with Critical and Security classifications (or schedule it in a maintenance configuration).',
    cli: 'az vm install-patches --name <vm> --resource-group <rg> --maximum-duration PT2H --reboot-setting IfRequired --classifications-to-include-linux Critical Security\n# Windows: --classifications-to-include-win Critical Security',
    terraform:
      'resource "azurerm_maintenance_configuration" "phi" {\n  # ...\n  scope = "InGuestPatch"\n  install_patches {\n    reboot = "IfRequired"\n    linux { classifications_to_include = ["Critical", "Security"] }\n    windows { classifications_to_include = ["Critical", "Security"] }\n  }\n}',
    url: 'https://learn.microsoft.com/azure/update-manager/deploy-updates',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.virtualMachine).map((vm) => {
      const a = patchAssessment(vm);
      const phi = phiOf(vm);
      if (a === undefined) {
        const reason = 'no Update Manager assessment for this VM (see vm-update-assessment)';
        return result(check, vm, 'error', `Missing updates unknown: ${reason}.`, { reason, ...phi });
      }
      const counts = obj(a.availablePatchCountByClassification);
      const critical = count(counts.critical);
      const security = count(counts.security);
      const urgent = list(vm.supplementary.missingPatches)
        .map(obj)
        .filter((p) =>
          list(p.classifications).some((c) => typeof c === 'string' && /critical|security/i.test(c)),
        )
        .slice(0, MAX_LISTED)
        .map((p) => ({
          name: str(p.patchName) ?? str(p.name),
          version: p.version ?? null,
          kbId: p.kbId ?? null,
        }));
      const evidence = {
        critical,
        security,
        assessedAt: a.lastModifiedDateTime ?? null,
        missing: urgent,
        ...phi,
      };
      return critical + security === 0
        ? result(check, vm, 'pass', 'No critical or security updates are missing.', evidence)
        : result(
            check,
            vm,
            'fail',
            `${critical} critical and ${security} security updates are missing.`,
            evidence,
          );
    });
  },
};
