/**
 * Diagnostic settings (resource logs sent to Log Analytics / storage) on PHI resources (Prowler
 * `monitor_diagnostic_settings_exists`, `keyvault_logging_enabled`). Manual by design:
 * `microsoft.insights/diagnosticsettings` are not in Resource Graph and are not collected
 * (src/sources/cloud/azure/readme.md "Known limits"). One result per PHI-tagged resource.
 */
import { type PostureCheck, result } from '../../../check.js';
import { phiOf } from '../_shared/arm.js';

const REASON =
  'Diagnostic settings are not collected (not in Resource Graph): confirm the resource sends its logs (e.g. StorageRead/Write, SQLSecurityAuditEvents, AuditEvent) to a Log Analytics workspace or archive account.';

export const check: PostureCheck = {
  id: 'diagnostic-settings-phi',
  provider: 'azure',
  title: 'PHI resources send resource logs through diagnostic settings',
  severity: 'medium',
  resourceType: 'microsoft.insights/diagnosticsettings',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  risk: 'Without resource logs, reads and changes of ePHI in storage, databases and key vaults leave no trace to review or investigate.',
  remediation: {
    text: 'Portal: the resource → Monitoring → Diagnostic settings → Add diagnostic setting → select the audit log categories (or "allLogs") → Send to Log Analytics workspace → Save. At scale, assign the built-in "Enable allLogs category group resource logging" policy initiative.',
    cli: 'az monitor diagnostic-settings create --name phi-logs --resource <resource-id> --workspace <workspace-id> --logs \'[{"categoryGroup":"allLogs","enabled":true}]\'',
    terraform:
      'resource "azurerm_monitor_diagnostic_setting" "phi" {\n  name                       = "phi-logs"\n  target_resource_id         = azurerm_key_vault.phi.id\n  log_analytics_workspace_id = azurerm_log_analytics_workspace.sec.id\n  enabled_log { category_group = "allLogs" }\n}',
    url: 'https://learn.microsoft.com/azure/azure-monitor/essentials/diagnostic-settings',
  },
  evaluate(snapshot) {
    return snapshot.resources
      .filter((r) => r.provider === 'azure')
      .flatMap((r) => {
        const phi = phiOf(r);
        return phi.phi ? [result(check, r, 'manual', REASON, { collected: false, ...phi })] : [];
      });
  },
};
