/**
 * Each subscription exports its activity log (Monitor 2021-05-01-preview subscription diagnostic
 * settings, read by the collector into the subscription's `supplementary.diagnosticSettings`).
 * Matches Prowler `monitor_diagnostic_settings_exists` (a setting exists) and
 * `monitor_diagnostic_setting_with_appropriate_categories` (Administrative, Security, Policy and
 * Alert enabled); we also require the records to reach a Log Analytics workspace or storage
 * account (Event Hubs only → `manual`). The activity log records who changed access to, network
 * paths to or settings of the resources holding ePHI; Azure keeps it 90 days otherwise. Every
 * subscription collected; `error` when its settings could not be read.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, lookupList, lookupMissing } from '../_shared/arm.js';
import { routing, summarize } from '../_shared/diagnostics.js';

const CATEGORIES = ['Administrative', 'Security', 'Policy', 'Alert'];

export const check: PostureCheck = {
  id: 'activity-log-diagnostic-settings',
  provider: 'azure',
  title: 'Subscriptions export their activity log (Administrative, Security, Policy, Alert)',
  severity: 'medium',
  resourceType: ARM.subscription,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)', '164.308(a)(6)(ii)'],
  risk: 'Without an export the activity log is kept only 90 days and cannot be searched with other logs: changes to the access, network exposure or encryption of ePHI resources go unreviewed.',
  remediation: {
    text: 'Portal: Monitor → Activity log → Export Activity Logs → choose the subscription → Add diagnostic setting → Administrative, Security, Policy, Alert (or all categories) → Send to Log Analytics workspace → Save.',
    cli: 'az monitor diagnostic-settings subscription create --name activity-export --location global --workspace <workspace-id> --logs \'[{"category":"Administrative","enabled":true},{"category":"Security","enabled":true},{"category":"Policy","enabled":true},{"category":"Alert","enabled":true}]\'',
    terraform:
      'resource "azurerm_monitor_diagnostic_setting" "activity" {\n  name                       = "activity-export"\n  target_resource_id         = data.azurerm_subscription.current.id\n  log_analytics_workspace_id = azurerm_log_analytics_workspace.sec.id\n  enabled_log { category = "Administrative" }\n  enabled_log { category = "Security" }\n  enabled_log { category = "Policy" }\n  enabled_log { category = "Alert" }\n}',
    url: 'https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, ARM.subscription).map((r) => {
      const settings = lookupList(r, 'diagnosticSettings');
      if (settings === undefined) {
        const reason = lookupMissing(snapshot, r, 'diagnosticSettings', 'Microsoft.Insights');
        return result(check, r, 'error', `Activity log settings could not be read: ${reason}`, { reason });
      }
      const verdict = routing(settings, CATEGORIES, { acceptAuditGroup: false });
      return result(check, r, verdict.status, verdict.message, {
        required: CATEGORIES,
        settings: settings.map(summarize),
      });
    });
  },
};
