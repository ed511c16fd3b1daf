/**
 * PHI resources keep their audit logs (Prowler `keyvault_logging_enabled`,
 * `monitor_diagnostic_settings_exists`; Azure Policy "Resource logs in Key Vault should be
 * enabled"). Diagnostic settings are read by the collector (ARM "Diagnostic Settings - List") and
 * judged by _shared/diagnostics.ts: each required category must reach a Log Analytics workspace or
 * a storage account, and storage-only copies must not be deleted before `params.phiRetentionDays`
 * (the founding documents' six years; a workspace's own retention is not collected). Event Hubs
 * only → `manual`. Per PHI-tagged resource type:
 * - Key Vault: `AuditEvent` (or the `audit` / `allLogs` group) — Prowler asks for both groups;
 *   we accept any setting that carries the audit events;
 * - storage account: `StorageRead`, `StorageWrite`, `StorageDelete` of its blob service;
 * - SQL server: its audit records. Server auditing writing to a storage account needs no setting
 *   (retention is `sql-audit-retention`'s); auditing to Azure Monitor needs the `master` database's
 *   setting to carry `SQLSecurityAuditEvents`; auditing off keeps nothing and fails.
 * Databases are covered by their server's auditing; VMs have no resource-log categories (guest
 * logs go through Azure Monitor Agent data collection rules, not collected) and are not evaluated.
 * A setting list that could not be read gives `error` with the reason.
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { type CheckResult, type PostureCheck, result } from '../../../check.js';
import { ARM, lookupList, lookupMissing, phiOf, sqlSetting, sqlSettingMissing, str } from '../_shared/arm.js';
import { routing, summarize } from '../_shared/diagnostics.js';

const REQUIRED: Record<string, { key: string; categories: string[] }> = {
  [ARM.keyVault]: { key: 'diagnosticSettings', categories: ['AuditEvent'] },
  [ARM.storageAccount]: {
    key: 'blobDiagnosticSettings',
    categories: ['StorageRead', 'StorageWrite', 'StorageDelete'],
  },
  [ARM.sqlServer]: { key: 'masterDiagnosticSettings', categories: ['SQLSecurityAuditEvents'] },
};

export const check: PostureCheck = {
  id: 'diagnostic-settings-phi',
  provider: 'azure',
  title: 'PHI resources keep their audit logs through diagnostic settings',
  severity: 'medium',
  resourceType: 'microsoft.insights/diagnosticsettings',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  params: ['phiRetentionDays'],
  risk: 'Without resource logs, reads and changes of ePHI in storage, databases and key vaults leave no trace to review or investigate.',
  remediation: {
    text: 'Portal: the resource (for storage: its blob service) → Monitoring → Diagnostic settings → Add diagnostic setting → the audit categories (or the "audit" / "allLogs" group) → Send to Log Analytics workspace → Save. At scale, assign the built-in "Enable audit category group resource logging" policy initiative.',
    cli: 'az monitor diagnostic-settings create --name phi-audit --resource <resource-id> --workspace <workspace-id> --logs \'[{"categoryGroup":"audit","enabled":true}]\'\n# storage: --resource <account-id>/blobServices/default; SQL: --resource <server-id>/databases/master with SQLSecurityAuditEvents',
    terraform:
      'resource "azurerm_monitor_diagnostic_setting" "phi" {\n  name                       = "phi-audit"\n  target_resource_id         = azurerm_key_vault.phi.id\n  log_analytics_workspace_id = azurerm_log_analytics_workspace.sec.id\n  enabled_log { category_group = "audit" }\n}',
    url: 'https://learn.microsoft.com/azure/azure-monitor/essentials/diagnostic-settings',
  },
  evaluate(snapshot, params) {
    return snapshot.resources.flatMap((r) => {
      const need = REQUIRED[r.type];
      if (need === undefined || r.provider !== 'azure') return [];
      const phi = phiOf(r);
      if (!phi.phi) return [];
      if (r.type === ARM.sqlServer) {
        const audit = sqlTarget(snapshot, r);
        if (audit !== 'monitor')
          return [result(check, r, audit.status, audit.message, { ...audit.evidence, ...phi })];
      }
      const settings = lookupList(r, need.key);
      if (settings === undefined) {
        const reason = lookupMissing(snapshot, r, need.key, 'Microsoft.Insights');
        return [
          result(check, r, 'error', `Diagnostic settings could not be read: ${reason}`, { reason, ...phi }),
        ];
      }
      const verdict = routing(settings, need.categories, {
        acceptAuditGroup: true,
        minRetentionDays: params.phiRetentionDays,
      });
      return [
        result(check, r, verdict.status, verdict.message, {
          required: need.categories,
          settings: settings.map(summarize),
          minRetentionDays: params.phiRetentionDays,
          ...phi,
        }),
      ];
    });
  },
};

/** Where a PHI SQL server's audit records go: judged here, or `monitor` (the master database's setting decides). */
function sqlTarget(
  snapshot: CloudSnapshot,
  r: CloudResource,
): 'monitor' | { status: CheckResult['status']; message: string; evidence: Record<string, unknown> } {
  const audit = sqlSetting(r, 'auditingSettings');
  if (audit === undefined) {
    const reason = sqlSettingMissing(snapshot, r, 'auditingSettings');
    return {
      status: 'error',
      message: `Auditing settings could not be read: ${reason}`,
      evidence: { reason },
    };
  }
  const state = str(audit.state);
  const storage = str(audit.storageEndpoint);
  const evidence = {
    'auditingSettings.state': state ?? null,
    'auditingSettings.storageEndpoint': storage ?? null,
    'auditingSettings.isAzureMonitorTargetEnabled': audit.isAzureMonitorTargetEnabled ?? null,
  };
  if (state?.toLowerCase() !== 'enabled') {
    return {
      status: 'fail',
      message: `Auditing is ${state ?? 'not set'}: no audit records are kept.`,
      evidence,
    };
  }
  if (storage !== undefined) {
    return {
      status: 'pass',
      message: 'Server auditing writes audit records to a storage account.',
      evidence,
    };
  }
  return 'monitor';
}
