/**
 * SQL server auditing on (Microsoft.Sql 2021-11-01 "Server Blob Auditing Policies - Get":
 * `properties.state` Enabled | Disabled, read by the collector into
 * `supplementary.auditingSettings`; Prowler `sqlserver_auditing_enabled`). Not in Resource Graph:
 * when the GET was refused or skipped, the result is `error` with the reason, never pass or fail.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, phiOf, sqlSetting, sqlSettingMissing, str } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'sql-server-auditing',
  provider: 'azure',
  title: 'Azure SQL servers have auditing enabled',
  severity: 'high',
  resourceType: ARM.sqlServer,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)', '164.308(a)(6)(ii)'],
  risk: 'Without server auditing there is no record of who read or changed ePHI in the databases, so access cannot be reviewed or an incident reconstructed.',
  remediation: {
    text: 'Portal: SQL server → Security → Auditing → "Enable Azure SQL Auditing" → choose a Log Analytics workspace or storage account (retention per your policy) → Save.',
    cli: 'az sql server audit-policy update --name <server> --resource-group <rg> --state Enabled --lat-enabled true --lat-workspace <workspace-id>',
    terraform:
      'resource "azurerm_mssql_server_extended_auditing_policy" "phi" {\n  server_id              = azurerm_mssql_server.phi.id\n  log_monitoring_enabled = true\n  retention_in_days      = 0\n}',
    url: 'https://learn.microsoft.com/azure/azure-sql/database/auditing-setup',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.sqlServer).map((r) => {
      const settings = sqlSetting(r, 'auditingSettings');
      const phi = phiOf(r);
      if (settings === undefined) {
        const reason = sqlSettingMissing(snapshot, r, 'auditingSettings');
        return result(check, r, 'error', `Auditing settings could not be read: ${reason}`, {
          reason,
          ...phi,
        });
      }
      const state = str(settings.state);
      const evidence = { 'auditingSettings.state': state ?? null, ...phi };
      return state?.toLowerCase() === 'enabled'
        ? result(check, r, 'pass', 'Server auditing is enabled.', evidence)
        : result(check, r, 'fail', `Server auditing is ${state ?? 'not set'}.`, evidence);
    });
  },
};
