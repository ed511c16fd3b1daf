/**
 * VMs use managed disks (Compute 2024-03-01 `storageProfile.osDisk.managedDisk` vs `vhd`, same for
 * `dataDisks[]`; Prowler `vm_ensure_using_managed_disks`, Azure Policy "Audit VMs that do not use
 * managed disks"). An unmanaged disk is a page blob in a storage account, encrypted and
 * access-controlled by that account (often with its key), not by disk RBAC and disk encryption
 * sets. Every VM is evaluated; a disk showing neither field is `manual`.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, list, obj, phiOf, str } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'vm-managed-disks',
  provider: 'azure',
  title: 'Virtual machines use managed disks',
  severity: 'medium',
  resourceType: ARM.virtualMachine,
  citations: ['164.310(d)(1)', '164.312(a)(2)(iv)'],
  risk: 'Unmanaged VHDs sit as blobs in a storage account: anyone with that account’s key can copy the whole disk, with any ePHI on it, and disk-level encryption and RBAC do not apply.',
  remediation: {
    text: 'Portal: Virtual machine → Overview → "Migrate to managed disks" (the VM restarts); then delete the old VHD blobs.',
    cli: 'az vm deallocate --name <vm> --resource-group <rg>\naz vm convert --name <vm> --resource-group <rg>',
    terraform:
      'resource "azurerm_linux_virtual_machine" "vm" {\n  # ...\n  os_disk {\n    caching              = "ReadWrite"\n    storage_account_type = "Premium_LRS" # a managed disk\n  }\n}',
    url: 'https://learn.microsoft.com/azure/virtual-machines/windows/convert-unmanaged-to-managed-disks',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.virtualMachine).map((r) => {
      const profile = obj(r.configuration.storageProfile);
      const disks = [
        { name: 'osDisk', d: obj(profile.osDisk) },
        ...list(profile.dataDisks).map((d, i) => ({ name: str(obj(d).name) ?? `dataDisk${i}`, d: obj(d) })),
      ].map(({ name, d }) => ({
        name,
        kind:
          Object.keys(obj(d.managedDisk)).length > 0
            ? 'managed'
            : str(obj(d.vhd).uri)
              ? 'unmanaged'
              : 'unknown',
      }));
      const evidence = { disks, ...phiOf(r) };
      const unmanaged = disks.filter((d) => d.kind === 'unmanaged');
      if (unmanaged.length > 0) {
        return result(
          check,
          r,
          'fail',
          `Unmanaged disk(s): ${unmanaged.map((d) => d.name).join(', ')}.`,
          evidence,
        );
      }
      return disks.some((d) => d.kind === 'unknown')
        ? result(
            check,
            r,
            'manual',
            'A disk shows neither managedDisk nor vhd; check it in the portal.',
            evidence,
          )
        : result(check, r, 'pass', 'Every disk is a managed disk.', evidence);
    });
  },
};
