/**
 * The Resource Graph queries of the collector (KQL; Azure docs "Understanding the Azure Resource
 * Graph query language"). Each returns whole rows (`id`, `name`, `type`, `location`,
 * `subscriptionId`, `tags`, `properties`, …): `$skipToken` paging needs the `id` column, and
 * posture reads `properties` as ARM returns it. `=~` / `in~` compare case-insensitively because
 * Resource Graph lower-cases most types but not every provider does.
 */

import { AZURE_TYPES } from '../../../core/cloud.js';

export { AZURE_TYPES };

export interface GraphQuery {
  /** Short name used in gaps and errors. */
  name: string;
  /** Resource provider the rows belong to, reported as a gap's `service`. */
  service: string;
  text: string;
}

const inTypes = (...types: string[]) => `(${types.map((t) => `'${t}'`).join(', ')})`;

/** Every query, run once per subscription batch. */
export const AZURE_QUERIES: readonly GraphQuery[] = [
  {
    name: 'virtual-machines',
    service: 'Microsoft.Compute',
    // Resource Graph adds `properties.extended.instanceView` (power state) to VM rows.
    text: `Resources | where type =~ '${AZURE_TYPES.virtualMachine}'`,
  },
  {
    name: 'network',
    service: 'Microsoft.Network',
    // NICs and public IPs tell which VM is reachable from the internet; NSGs hold the rules.
    text: `Resources | where type in~ ${inTypes(
      AZURE_TYPES.networkInterface,
      AZURE_TYPES.publicIpAddress,
      AZURE_TYPES.networkSecurityGroup,
    )}`,
  },
  {
    name: 'storage-accounts',
    service: 'Microsoft.Storage',
    text: `Resources | where type =~ '${AZURE_TYPES.storageAccount}'`,
  },
  {
    name: 'sql',
    service: 'Microsoft.Sql',
    text: `Resources | where type in~ ${inTypes(AZURE_TYPES.sqlServer, AZURE_TYPES.sqlDatabase)}`,
  },
  {
    name: 'key-vaults',
    service: 'Microsoft.KeyVault',
    text: `Resources | where type =~ '${AZURE_TYPES.keyVault}'`,
  },
  {
    name: 'patch-assessment',
    service: 'Microsoft.Compute',
    text: `patchassessmentresources | where type in~ ${inTypes(
      AZURE_TYPES.patchAssessment,
      AZURE_TYPES.softwarePatch,
    )}`,
  },
  {
    name: 'subscriptions',
    service: 'Microsoft.Resources',
    text: `ResourceContainers | where type =~ '${AZURE_TYPES.subscription}'`,
  },
  {
    name: 'role-assignments',
    service: 'Microsoft.Authorization',
    text: `AuthorizationResources | where type =~ '${AZURE_TYPES.roleAssignment}'`,
  },
  {
    // Not stored as resources: resolved onto the assignments that name them (roles.ts).
    name: 'role-definitions',
    service: 'Microsoft.Authorization',
    text: `AuthorizationResources | where type =~ '${AZURE_TYPES.roleDefinition}'`,
  },
];
