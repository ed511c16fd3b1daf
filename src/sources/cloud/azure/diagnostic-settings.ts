/**
 * Diagnostic settings (where a resource sends its resource logs), an ARM extension resource that
 * Resource Graph does not index: "Diagnostic Settings - List",
 * `GET {resourceUri}/providers/Microsoft.Insights/diagnosticSettings?api-version=2021-05-01-preview`,
 * items with `properties.workspaceId` / `storageAccountId` / `eventHubAuthorizationRuleId` and
 * `logs[]` (`category` or `categoryGroup`, `enabled`, `retentionPolicy`). Read where the audit
 * trail of ePHI lives:
 * - Key Vaults (`AuditEvent`) → `supplementary.diagnosticSettings`;
 * - storage accounts' blob service (`StorageRead` / `StorageWrite` / `StorageDelete` are
 *   categories of `…/blobServices/default`, the account itself only has metrics) →
 *   `supplementary.blobDiagnosticSettings`;
 * - SQL servers' `master` database, where Azure puts the setting that carries server audit
 *   records (`SQLSecurityAuditEvents`) to Log Analytics / Event Hubs → on the server,
 *   `supplementary.masterDiagnosticSettings`;
 * - subscriptions (the activity log: `Administrative`, `Security`, `Policy`, `Alert`, …) →
 *   `supplementary.diagnosticSettings` of the subscription.
 */
import type { CloudResource } from '../../../core/cloud.js';
import type { ArmLookup } from './arm-lookups.js';
import { AZURE_TYPES } from './queries.js';
import { hasBlobService } from './storage-settings.js';

export const DIAGNOSTIC_API_VERSION = '2021-05-01-preview';
const SETTINGS = 'providers/Microsoft.Insights/diagnosticSettings';

const lookup = (resource: CloudResource, under: string, key: string): ArmLookup => ({
  resource,
  path: `${resource.id}${under}/${SETTINGS}`,
  apiVersion: DIAGNOSTIC_API_VERSION,
  key,
  service: 'Microsoft.Insights',
  kind: 'list',
});

/** The diagnostic-settings lookups a snapshot needs. */
export function diagnosticLookups(resources: readonly CloudResource[]): ArmLookup[] {
  const out: ArmLookup[] = [];
  for (const r of resources) {
    if (r.type === AZURE_TYPES.keyVault || r.type === AZURE_TYPES.subscription) {
      out.push(lookup(r, '', 'diagnosticSettings'));
    } else if (r.type === AZURE_TYPES.storageAccount && hasBlobService(r)) {
      out.push(lookup(r, '/blobServices/default', 'blobDiagnosticSettings'));
    } else if (r.type === AZURE_TYPES.sqlServer) {
      out.push(lookup(r, '/databases/master', 'masterDiagnosticSettings'));
    }
  }
  return out;
}
