/**
 * Storage account keys are rotated (Storage 2023-05-01 `keyCreationTime.key1` / `key2`, set when
 * a key is created or regenerated, and `keyPolicy.keyExpirationPeriodInDays`, the rotation
 * reminder Azure Policy audits). Prowler `storage_key_rotation_90_days` fails without a policy of
 * at most 90 days; we also fail a key older than `params.secretRotationMaxDays` (90 by default) at
 * collection time, since a policy alone rotates nothing. An account with Shared Key access
 * disabled passes: its keys authorize no request. A key whose creation time is unknown (accounts
 * from before 2019 report null) is `manual`.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, obj, phiOf, str } from '../_shared/arm.js';

function ageDays(created: string | undefined, at: string): number | undefined {
  if (created === undefined) return undefined;
  const days = (Date.parse(at) - Date.parse(created)) / 86_400_000;
  return Number.isFinite(days) ? Math.floor(days) : undefined;
}

export const check: PostureCheck = {
  id: 'storage-key-rotation',
  provider: 'azure',
  title: 'Storage account keys are rotated within the rotation period',
  severity: 'medium',
  resourceType: ARM.storageAccount,
  citations: ['164.308(a)(5)(ii)(D)', '164.308(a)(3)(ii)(C)'],
  params: ['secretRotationMaxDays'],
  risk: 'An account key never rotated stays valid in every script, connection string and former employee’s notes, giving full access to the account’s data.',
  remediation: {
    text: 'Portal: Storage account → Security + networking → Access keys → "Set rotation reminder" (e.g. 90 days), then "Rotate key" for each key after updating its clients; better, disable Shared Key access and use Microsoft Entra ID.',
    cli: 'az storage account update --name <account> --resource-group <rg> --key-exp-days 90\naz storage account keys renew --account-name <account> --resource-group <rg> --key primary',
    terraform:
      '# Key Vault regenerates the key on schedule (set the expiration reminder with the CLI above)\nresource "azurerm_key_vault_managed_storage_account" "phi" {\n  name                         = "phistore"\n  key_vault_id                 = azurerm_key_vault.phi.id\n  storage_account_id           = azurerm_storage_account.phi.id\n  storage_account_key          = "key1"\n  regenerate_key_automatically = true\n  regeneration_period          = "P90D"\n}',
    url: 'https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage',
  },
  evaluate(snapshot, params) {
    const max = params.secretRotationMaxDays;
    return resourcesOf(snapshot, ARM.storageAccount).map((r) => {
      const c = r.configuration;
      const created = obj(c.keyCreationTime);
      const ages = {
        key1: ageDays(str(created.key1), snapshot.collectedAt),
        key2: ageDays(str(created.key2), snapshot.collectedAt),
      };
      const period = obj(c.keyPolicy).keyExpirationPeriodInDays;
      const evidence = {
        allowSharedKeyAccess: c.allowSharedKeyAccess ?? null,
        keyAgeDays: { key1: ages.key1 ?? null, key2: ages.key2 ?? null },
        'keyPolicy.keyExpirationPeriodInDays': period ?? null,
        maxDays: max,
        ...phiOf(r),
      };
      if (c.allowSharedKeyAccess === false) {
        return result(
          check,
          r,
          'pass',
          'Shared Key access is disabled: the keys authorize nothing.',
          evidence,
        );
      }
      const stale = Object.entries(ages).filter(([, d]) => d !== undefined && d > max);
      if (stale.length > 0) {
        return result(
          check,
          r,
          'fail',
          `${stale.map(([k, d]) => `${k} is ${d} days old`).join(', ')}; rotate within ${max} days.`,
          evidence,
        );
      }
      if (typeof period !== 'number' || period > max) {
        return result(
          check,
          r,
          'fail',
          typeof period === 'number'
            ? `The key expiration policy is ${period} days, longer than ${max}.`
            : 'No key expiration policy is set.',
          evidence,
        );
      }
      if (ages.key1 === undefined || ages.key2 === undefined) {
        return result(
          check,
          r,
          'manual',
          'A key’s creation time is unknown; check when it was last rotated.',
          evidence,
        );
      }
      return result(
        check,
        r,
        'pass',
        `Keys are ${ages.key1} and ${ages.key2} days old; policy ${period} days.`,
        evidence,
      );
    });
  },
};
