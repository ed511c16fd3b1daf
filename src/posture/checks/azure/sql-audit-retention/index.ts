/**
 * Audit retention of PHI SQL servers (Microsoft.Sql 2021-11-01 `ServerBlobAuditingPolicyProperties`:
 * `retentionDays` applies to the storage-account target, 0 = keep forever; a Log Analytics /
 * Event Hub target keeps its own retention, which is not collected). The 6-year floor
 * (`params.phiRetentionDays`) is the founding documents' ask: HIPAA's six years
 * (164.316(b)(2)(i)) is for required documentation, and the Security Rule sets no period for audit
 * logs themselves. Only PHI-tagged servers are evaluated.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, phiOf, sqlSetting, sqlSettingMissing, str } from '../_shared/arm.js';

export const check: PostureCheck = {
  id: 'sql-audit-retention',
  provider: 'azure',
  title: 'PHI SQL server audit logs are kept for six years',
  severity: 'medium',
  resourceType: ARM.sqlServer,
  citations: ['164.312(b)', '164.316(b)(2)(i)'],
  risk: 'Audit records deleted before the retention period ends cannot support an access review, breach investigation or OCR request for the years it covers.',
  params: ['phiRetentionDays'],
  remediation: {
    text: 'Portal: SQL server → Security → Auditing → Storage → Advanced properties → Retention (Days) = 0 (unlimited) or at least 2190 → Save. For a Log Analytics target, set the workspace or table retention instead.',
    cli: 'az sql server audit-policy update --name <server> --resource-group <rg> --state Enabled --bsts Enabled --storage-account <account> --retention-days 0',
    terraform:
      'resource "azurerm_mssql_server_extended_auditing_policy" "phi" {\n  server_id         = azurerm_mssql_server.phi.id\n  storage_endpoint  = azurerm_storage_account.audit.primary_blob_endpoint\n  retention_in_days = 0 # unlimited\n}',
    url: 'https://learn.microsoft.com/azure/azure-sql/database/auditing-overview',
  },
  evaluate(snapshot, params) {
    return resourcesOf(snapshot, ARM.sqlServer).flatMap((r) => {
      const phi = phiOf(r);
      if (!phi.phi) return [];
      const settings = sqlSetting(r, 'auditingSettings');
      if (settings === undefined) {
        const reason = sqlSettingMissing(snapshot, r, 'auditingSettings');
        return [
          result(check, r, 'error', `Auditing settings could not be read: ${reason}`, { reason, ...phi }),
        ];
      }
      const state = str(settings.state);
      const days = settings.retentionDays;
      const storage = str(settings.storageEndpoint);
      const evidence = {
        'auditingSettings.state': state ?? null,
        'auditingSettings.retentionDays': days ?? null,
        'auditingSettings.storageEndpoint': storage ?? null,
        'auditingSettings.isAzureMonitorTargetEnabled': settings.isAzureMonitorTargetEnabled ?? null,
        requiredDays: params.phiRetentionDays,
        ...phi,
      };
      if (state?.toLowerCase() !== 'enabled') {
        return [
          result(check, r, 'fail', `Auditing is ${state ?? 'not set'}: no audit records are kept.`, evidence),
        ];
      }
      if (storage === undefined && settings.isAzureMonitorTargetEnabled === true) {
        return [
          result(
            check,
            r,
            'manual',
            'Audit logs go to Azure Monitor; their retention is set on the workspace, which is not collected.',
            evidence,
          ),
        ];
      }
      if (typeof days !== 'number') {
        return [
          result(check, r, 'manual', 'retentionDays was not returned; check it in the portal.', evidence),
        ];
      }
      if (days === 0)
        return [result(check, r, 'pass', 'Audit logs are kept without limit (retentionDays 0).', evidence)];
      return days >= params.phiRetentionDays
        ? [result(check, r, 'pass', `Audit logs are kept ${days} days.`, evidence)]
        : [
            result(
              check,
              r,
              'fail',
              `Audit logs are kept ${days} days, less than the founding documents' ${params.phiRetentionDays}-day (6-year) ask for PHI.`,
              evidence,
            ),
          ];
    });
  },
};
