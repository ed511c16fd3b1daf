/**
 * Key Vaults are reachable through a private endpoint (KeyVault 2023-07-01
 * `privateEndpointConnections[].properties.privateLinkServiceConnectionState.status`; Prowler
 * `keyvault_private_endpoints`, Azure Policy "Azure Key Vaults should use private link"). Only an
 * `Approved` connection counts: a pending or rejected one carries no traffic. Every vault is
 * evaluated, as Prowler does.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, phiOf, privateEndpoints } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'keyvault-private-endpoints',
  provider: 'azure',
  title: 'Key Vaults have an approved private endpoint',
  severity: 'medium',
  resourceType: ARM.keyVault,
  citations: ['164.312(e)(1)', '164.308(a)(1)(ii)(B)'],
  risk: 'Without a private endpoint, applications reach the vault over its public endpoint, so the keys and secrets protecting ePHI are exposed to the internet and to credential replay from anywhere.',
  remediation: {
    text: 'Portal: Key Vault → Settings → Networking → Private endpoint connections → Create → pick the virtual network and subnet, integrate with the privatelink.vaultcore.azure.net DNS zone → Create; then disable public network access.',
    cli: 'az network private-endpoint create --name pe-<vault> --resource-group <rg> --vnet-name <vnet> --subnet <subnet> --private-connection-resource-id <vault-id> --group-id vault --connection-name <vault>',
    terraform:
      'resource "azurerm_private_endpoint" "kv" {\n  name      = "pe-kv"\n  subnet_id = azurerm_subnet.private.id\n  # ...\n  private_service_connection {\n    name                           = "kv"\n    private_connection_resource_id = azurerm_key_vault.phi.id\n    subresource_names              = ["vault"]\n    is_manual_connection           = false\n  }\n}',
    url: 'https://learn.microsoft.com/azure/key-vault/general/private-link-service',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.keyVault).map((r) => {
      const pe = privateEndpoints(r.configuration);
      const evidence = { privateEndpointConnections: pe.total, approved: pe.approved, ...phiOf(r) };
      return pe.approved.length > 0
        ? result(check, r, 'pass', `${pe.approved.length} approved private endpoint connection(s).`, evidence)
        : result(
            check,
            r,
            'fail',
            pe.total > 0
              ? 'No private endpoint connection is approved.'
              : 'The vault has no private endpoint.',
            evidence,
          );
    });
  },
};
