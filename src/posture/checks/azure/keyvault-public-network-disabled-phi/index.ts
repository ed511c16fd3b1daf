/**
 * PHI Key Vaults do not accept traffic from the public internet (KeyVault 2023-07-01
 * `publicNetworkAccess` Enabled | Disabled, default Enabled, and the vault firewall
 * `networkAcls.defaultAction` Allow | Deny). Matches Azure Policy "Azure Key Vault should have
 * firewall enabled or public network access disabled": a firewall that denies by default (only
 * listed networks and trusted services pass) is accepted like disabled public access; the
 * stricter "should disable public network access" policy is not followed, because a deny-by-default
 * firewall is the documented way to serve on-premises clients. Only PHI-tagged vaults.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, obj, phiOf, str } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'keyvault-public-network-disabled-phi',
  provider: 'azure',
  title: 'PHI Key Vaults block public network access',
  severity: 'high',
  resourceType: ARM.keyVault,
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  risk: 'A vault open to every network lets anyone holding a leaked token or client secret fetch the keys and secrets that protect ePHI from anywhere.',
  remediation: {
    text: 'Portal: Key Vault → Settings → Networking → Firewalls and virtual networks → "Disable public access" (with private endpoints), or "Allow public access from specific virtual networks and IP addresses" and list them → Apply.',
    cli: 'az keyvault update --name <vault> --resource-group <rg> --public-network-access Disabled\n# or: az keyvault update --name <vault> --resource-group <rg> --default-action Deny --bypass AzureServices',
    terraform:
      'resource "azurerm_key_vault" "phi" {\n  # ...\n  public_network_access_enabled = false\n  network_acls {\n    default_action = "Deny"\n    bypass         = "AzureServices"\n  }\n}',
    url: 'https://learn.microsoft.com/azure/key-vault/general/network-security',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.keyVault).flatMap((r) => {
      const phi = phiOf(r);
      if (!phi.phi) return [];
      const pna = str(r.configuration.publicNetworkAccess);
      const action = str(obj(r.configuration.networkAcls).defaultAction);
      const evidence = {
        publicNetworkAccess: pna ?? null,
        'networkAcls.defaultAction': action ?? null,
        ...phi,
      };
      if (pna?.toLowerCase() === 'disabled') {
        return [result(check, r, 'pass', 'Public network access is disabled.', evidence)];
      }
      if (action?.toLowerCase() === 'deny') {
        return [result(check, r, 'pass', 'The vault firewall denies networks not listed.', evidence)];
      }
      return [
        result(
          check,
          r,
          'fail',
          `Public network access is ${pna ?? 'not set (Enabled by default)'} and the firewall ${action ? `default action is ${action}` : 'is not configured'}.`,
          evidence,
        ),
      ];
    });
  },
};
