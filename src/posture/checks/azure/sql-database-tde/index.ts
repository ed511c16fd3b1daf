/**
 * Transparent Data Encryption on SQL databases (Microsoft.Sql 2021-11-01 "Transparent Data
 * Encryptions - Get": `properties.state` Enabled | Disabled, read into
 * `supplementary.transparentDataEncryption`; Prowler `sqlserver_tde_encryption_enabled`). `master`
 * has no TDE of its own and is skipped, as the collector skips it.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, phiOf, sqlSetting, sqlSettingMissing, str } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'sql-database-tde',
  provider: 'azure',
  title: 'Azure SQL databases have Transparent Data Encryption enabled',
  severity: 'high',
  resourceType: ARM.sqlDatabase,
  citations: ['164.312(a)(2)(iv)', '164.310(d)(1)', '164.312(e)(2)(ii)'],
  risk: 'Without TDE the database files, backups and transaction logs hold ePHI unencrypted at rest.',
  remediation: {
    text: 'Portal: SQL database → Security → Transparent data encryption → "Data encryption" On → Save.',
    cli: 'az sql db tde set --server <server> --database <db> --resource-group <rg> --status Enabled',
    terraform:
      'resource "azurerm_mssql_server_transparent_data_encryption" "phi" {\n  server_id = azurerm_mssql_server.phi.id\n}',
    url: 'https://learn.microsoft.com/azure/azure-sql/database/transparent-data-encryption-tde-overview',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.sqlDatabase)
      .filter((r) => r.name.toLowerCase() !== 'master')
      .map((r) => {
        const settings = sqlSetting(r, 'transparentDataEncryption');
        const phi = phiOf(r);
        if (settings === undefined) {
          const reason = sqlSettingMissing(snapshot, r, 'transparentDataEncryption');
          return result(check, r, 'error', `TDE state could not be read: ${reason}`, { reason, ...phi });
        }
        const state = str(settings.state);
        const evidence = { 'transparentDataEncryption.state': state ?? null, ...phi };
        return state?.toLowerCase() === 'enabled'
          ? result(check, r, 'pass', 'TDE is enabled.', evidence)
          : result(check, r, 'fail', `TDE is ${state ?? 'not set'}.`, evidence);
      });
  },
};
