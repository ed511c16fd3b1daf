/**
 * Default network action of PHI storage accounts (Storage 2023-05-01 `networkAcls.defaultAction`
 * Allow | Deny, `publicNetworkAccess`; Prowler `storage_default_network_access_rule_is_denied`).
 * With `publicNetworkAccess: Disabled` the firewall is moot (private endpoints only): a pass.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, obj, phiOf, str } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'storage-network-default-deny',
  provider: 'azure',
  title: 'PHI storage accounts deny network access by default',
  severity: 'high',
  resourceType: ARM.storageAccount,
  citations: ['164.308(a)(3)(i)', '164.312(a)(1)', '164.312(e)(1)'],
  risk: 'With the default action Allow the account endpoint accepts connections from any network; a leaked SAS or key is usable from anywhere.',
  remediation: {
    text: 'Portal: Storage account → Security + networking → Networking → "Enabled from selected virtual networks and IP addresses" (or Disabled with private endpoints), add the needed VNets/IPs → Save.',
    cli: 'az storage account update --name <account> --resource-group <rg> --default-action Deny',
    terraform:
      'resource "azurerm_storage_account" "phi" {\n  # ...\n  network_rules {\n    default_action = "Deny"\n    bypass         = ["AzureServices"]\n  }\n}',
    url: 'https://learn.microsoft.com/azure/storage/common/storage-network-security',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.storageAccount).flatMap((r) => {
      const phi = phiOf(r);
      if (!phi.phi) return [];
      const action = str(obj(r.configuration.networkAcls).defaultAction);
      const pna = str(r.configuration.publicNetworkAccess);
      const evidence = {
        'networkAcls.defaultAction': action ?? null,
        publicNetworkAccess: pna ?? null,
        ...phi,
      };
      if (pna?.toLowerCase() === 'disabled') {
        return [result(check, r, 'pass', 'Public network access is disabled.', evidence)];
      }
      if (action?.toLowerCase() === 'deny') {
        return [result(check, r, 'pass', 'Network default action is Deny.', evidence)];
      }
      if (action?.toLowerCase() === 'allow') {
        return [result(check, r, 'fail', 'Network default action is Allow on a PHI account.', evidence)];
      }
      return [
        result(
          check,
          r,
          'manual',
          'networkAcls.defaultAction was not returned; check it in the portal.',
          evidence,
        ),
      ];
    });
  },
};
