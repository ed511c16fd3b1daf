/**
 * Key Vaults authorise data-plane access with Azure RBAC rather than vault access policies
 * (KeyVault 2023-07-01 `enableRbacAuthorization`; Prowler `keyvault_rbac_enabled`, Azure Policy
 * "Azure Key Vault should use RBAC permission model"). Unset means the vault uses access
 * policies, so it fails like `false`. Every vault is evaluated: keys and secrets of any vault may
 * unlock ePHI elsewhere.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, phiOf } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'keyvault-rbac-enabled',
  provider: 'azure',
  title: 'Key Vaults use the Azure RBAC permission model',
  severity: 'medium',
  resourceType: ARM.keyVault,
  citations: ['164.308(a)(4)(ii)(B)', '164.312(a)(1)'],
  risk: 'Vault access policies are granted per vault outside Azure RBAC: they escape PIM, conditional access on role activation and the central access reviews that show who can read keys protecting ePHI.',
  remediation: {
    text: 'Portal: Key Vault → Settings → Access configuration → Permission model "Azure role-based access control" → Apply, after granting the equivalent "Key Vault …" roles to the identities listed in the access policies.',
    cli: 'az keyvault update --name <vault> --resource-group <rg> --enable-rbac-authorization true',
    terraform: 'resource "azurerm_key_vault" "phi" {\n  # ...\n  enable_rbac_authorization = true\n}',
    url: 'https://learn.microsoft.com/azure/key-vault/general/rbac-migration',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.keyVault).map((r) => {
      const rbac = r.configuration.enableRbacAuthorization;
      const evidence = { enableRbacAuthorization: rbac ?? null, ...phiOf(r) };
      return rbac === true
        ? result(check, r, 'pass', 'The vault uses Azure RBAC.', evidence)
        : result(
            check,
            r,
            'fail',
            rbac === false
              ? 'The vault uses access policies (enableRbacAuthorization false).'
              : 'enableRbacAuthorization is not set: the vault uses access policies.',
            evidence,
          );
    });
  },
};
