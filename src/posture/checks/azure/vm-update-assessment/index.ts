/**
 * Every VM is assessed by Azure Update Manager (Resource Graph `patchassessmentresources`, kept 7
 * days; attached by the collector as `supplementary.patchAssessment`). No summary means the VM was
 * not assessed recently — a patch blind spot. If the subscription's Compute reads failed (a gap),
 * the absence proves nothing: `error`. A deallocated VM cannot be assessed: `manual`.
 */
import { gapFor, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, patchAssessment, phiOf, powerState, str } from '../_shared/arm.js';

const OK_STATUSES = new Set(['succeeded', 'completedwithwarnings']);

export const check: PostureCheck = {
  id: 'vm-update-assessment',
  provider: 'azure',
  title: 'VMs are assessed for missing updates by Azure Update Manager',
  severity: 'medium',
  resourceType: ARM.virtualMachine,
  citations: ['164.308(a)(1)(ii)(A)', '164.308(a)(5)(ii)(B)', '164.308(a)(8)'],
  risk: 'A VM nobody assesses has unknown missing security updates; the risk analysis cannot cover what it cannot see.',
  remediation: {
    text: 'Portal: Azure Update Manager → Settings → Update settings → select the VMs → "Periodic assessment" Enable → Save (or assign the built-in policy "Configure periodic checking for missing system updates on azure virtual machines").',
    cli: 'az vm update --name <vm> --resource-group <rg> --set osProfile.linuxConfiguration.patchSettings.assessmentMode=AutomaticByPlatform\n# Windows: osProfile.windowsConfiguration.patchSettings.assessmentMode=AutomaticByPlatform\naz vm assess-patches --name <vm> --resource-group <rg>',
    terraform:
      'resource "azurerm_linux_virtual_machine" "phi" {\n  # ...\n  patch_assessment_mode = "AutomaticByPlatform"\n}',
    url: 'https://learn.microsoft.com/azure/update-manager/assessment-options',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.virtualMachine).map((vm) => {
      const a = patchAssessment(vm);
      const power = powerState(vm);
      const phi = phiOf(vm);
      if (a === undefined) {
        const gap = gapFor(snapshot, 'Microsoft.Compute', vm.account, vm.region);
        const evidence = { patchAssessment: null, powerState: power ?? null, ...phi };
        if (gap !== undefined) {
          return result(check, vm, 'error', `Update Manager data could not be read: ${gap}`, {
            ...evidence,
            reason: gap,
          });
        }
        if (power === 'deallocated' || power === 'stopped') {
          return result(
            check,
            vm,
            'manual',
            `The VM is ${power} and cannot be assessed; assess it when it runs.`,
            evidence,
          );
        }
        return result(check, vm, 'fail', 'Not assessed by Update Manager in the last 7 days.', evidence);
      }
      const status = str(a.status);
      const evidence = {
        'patchAssessment.status': status ?? null,
        'patchAssessment.lastModifiedDateTime': a.lastModifiedDateTime ?? null,
        powerState: power ?? null,
        ...phi,
      };
      return status !== undefined && OK_STATUSES.has(status.toLowerCase())
        ? result(check, vm, 'pass', `Assessed by Update Manager (${status}).`, evidence)
        : result(
            check,
            vm,
            'fail',
            `The last Update Manager assessment did not succeed (${status ?? 'no status'}).`,
            evidence,
          );
    });
  },
};
