/**
 * PHI storage accounts are reachable through a private endpoint (Storage 2023-05-01
 * `privateEndpointConnections[].properties.privateLinkServiceConnectionState.status`; Prowler
 * `storage_ensure_private_endpoints_in_storage_accounts`, Azure Policy "Storage accounts should
 * use private link"). Only `Approved` connections count. Prowler evaluates every account; we
 * evaluate PHI-tagged ones, where the founding documents ask for private paths.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, phiOf, privateEndpoints } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'storage-private-endpoints-phi',
  provider: 'azure',
  title: 'PHI storage accounts have an approved private endpoint',
  severity: 'medium',
  resourceType: ARM.storageAccount,
  citations: ['164.312(e)(1)', '164.312(a)(1)'],
  risk: 'Without a private endpoint, ePHI is read and written over the account’s public endpoint, which must then stay reachable from outside the virtual network.',
  remediation: {
    text: 'Portal: Storage account → Security + networking → Networking → Private endpoint connections → + Private endpoint → target sub-resource "blob" → virtual network, subnet and privatelink.blob.core.windows.net DNS zone → Create.',
    cli: 'az network private-endpoint create --name pe-<account>-blob --resource-group <rg> --vnet-name <vnet> --subnet <subnet> --private-connection-resource-id <account-id> --group-id blob --connection-name <account>-blob',
    terraform:
      'resource "azurerm_private_endpoint" "blob" {\n  name      = "pe-phi-blob"\n  subnet_id = azurerm_subnet.private.id\n  # ...\n  private_service_connection {\n    name                           = "blob"\n    private_connection_resource_id = azurerm_storage_account.phi.id\n    subresource_names              = ["blob"]\n    is_manual_connection           = false\n  }\n}',
    url: 'https://learn.microsoft.com/azure/storage/common/storage-private-endpoints',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.storageAccount).flatMap((r) => {
      const phi = phiOf(r);
      if (!phi.phi) return [];
      const pe = privateEndpoints(r.configuration);
      const evidence = { privateEndpointConnections: pe.total, approved: pe.approved, ...phi };
      return [
        pe.approved.length > 0
          ? result(
              check,
              r,
              'pass',
              `${pe.approved.length} approved private endpoint connection(s).`,
              evidence,
            )
          : result(
              check,
              r,
              'fail',
              pe.total > 0
                ? 'No private endpoint connection is approved.'
                : 'The account has no private endpoint.',
              evidence,
            ),
      ];
    });
  },
};
