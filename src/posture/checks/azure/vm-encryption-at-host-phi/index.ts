/**
 * PHI VMs encrypt at host (Compute 2024-03-01 `securityProfile.encryptionAtHost`; Azure Policy
 * "Virtual machines and virtual machine scale sets should have encryption at host enabled").
 * Managed disks are always encrypted at rest in storage; encryption at host also covers the temp
 * disk and the OS/data disk caches on the hypervisor, which otherwise hold ePHI unencrypted.
 * Confidential VMs whose OS disk encryption covers the VM guest state
 * (`securityType: ConfidentialVM`, `securityEncryptionType: DiskWithVMGuestState`) pass too. Only
 * PHI-tagged VMs.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, obj, phiOf, str } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'vm-encryption-at-host-phi',
  provider: 'azure',
  title: 'PHI virtual machines have encryption at host enabled',
  severity: 'medium',
  resourceType: ARM.virtualMachine,
  citations: ['164.312(a)(2)(iv)', '164.310(d)(1)'],
  risk: 'Temp disks and disk caches of a VM without encryption at host keep ePHI unencrypted on the physical host.',
  remediation: {
    text: 'Register the EncryptionAtHost feature once per subscription; then Portal: Virtual machine → Stop (deallocate) → Disks → Additional settings → "Encryption at host" → Yes → Save → Start.',
    cli: 'az feature register --namespace Microsoft.Compute --name EncryptionAtHost\naz vm deallocate --name <vm> --resource-group <rg>\naz vm update --name <vm> --resource-group <rg> --set securityProfile.encryptionAtHost=true\naz vm start --name <vm> --resource-group <rg>',
    terraform:
      'resource "azurerm_linux_virtual_machine" "phi" {\n  # ...\n  encryption_at_host_enabled = true\n}',
    url: 'https://learn.microsoft.com/azure/virtual-machines/disks-enable-host-based-encryption-portal',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.virtualMachine).flatMap((r) => {
      const phi = phiOf(r);
      if (!phi.phi) return [];
      const security = obj(r.configuration.securityProfile);
      const osDisk = obj(obj(r.configuration.storageProfile).osDisk);
      const cvm = str(obj(obj(osDisk.managedDisk).securityProfile).securityEncryptionType);
      const evidence = {
        'securityProfile.encryptionAtHost': security.encryptionAtHost ?? null,
        'securityProfile.securityType': str(security.securityType) ?? null,
        securityEncryptionType: cvm ?? null,
        ...phi,
      };
      if (security.encryptionAtHost === true) {
        return [result(check, r, 'pass', 'Encryption at host is enabled.', evidence)];
      }
      if (
        str(security.securityType)?.toLowerCase() === 'confidentialvm' &&
        cvm?.toLowerCase() === 'diskwithvmgueststate'
      ) {
        return [result(check, r, 'pass', 'Confidential VM with disk and guest-state encryption.', evidence)];
      }
      return [result(check, r, 'fail', 'Encryption at host is not enabled.', evidence)];
    });
  },
};
