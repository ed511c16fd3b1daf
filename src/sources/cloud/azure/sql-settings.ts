/**
 * The Azure SQL settings Resource Graph does not index (its `resources` table has
 * `microsoft.sql/servers` and `…/databases`, not their children; docs "Azure Resource Graph table
 * and resource type reference"), read with ARM GETs (arm-lookups.ts), Microsoft.Sql 2021-11-01:
 * - server `auditingSettings/default` ("Server Blob Auditing Policies - Get") →
 *   `supplementary.auditingSettings` (properties: `state`, `storageEndpoint`, `retentionDays`,
 *   `isAzureMonitorTargetEnabled`, …);
 * - server `administrators` ("Server Azure AD Administrators - List By Server") →
 *   `supplementary.administrators` (items with `properties.administratorType: ActiveDirectory`);
 * - server `firewallRules` ("Firewall Rules - List By Server") → `supplementary.firewallRules`
 *   (items with `properties.startIpAddress` / `endIpAddress`);
 * - database `transparentDataEncryption/current` ("Transparent Data Encryptions - Get") →
 *   `supplementary.transparentDataEncryption` (`state: Enabled | Disabled`); system databases
 *   (`master`) have no TDE of their own.
 */
import type { CloudResource } from '../../../core/cloud.js';
import type { ArmLookup } from './arm-lookups.js';
import { AZURE_TYPES } from './queries.js';

/** Microsoft.Sql API version of every lookup. */
export const SQL_API_VERSION = '2021-11-01';

const lookup = (resource: CloudResource, child: string, key: string, kind: ArmLookup['kind']): ArmLookup => ({
  resource,
  path: `${resource.id}/${child}`,
  apiVersion: SQL_API_VERSION,
  key,
  service: 'Microsoft.Sql',
  kind,
});

/** The lookups a snapshot's SQL servers and databases need. */
export function sqlLookups(resources: readonly CloudResource[]): ArmLookup[] {
  const out: ArmLookup[] = [];
  for (const r of resources) {
    if (r.type === AZURE_TYPES.sqlServer) {
      out.push(lookup(r, 'auditingSettings/default', 'auditingSettings', 'properties'));
      out.push(lookup(r, 'administrators', 'administrators', 'list'));
      out.push(lookup(r, 'firewallRules', 'firewallRules', 'list'));
    } else if (r.type === AZURE_TYPES.sqlDatabase && r.name.toLowerCase() !== 'master') {
      out.push(lookup(r, 'transparentDataEncryption/current', 'transparentDataEncryption', 'properties'));
    }
  }
  return out;
}
