/**
 * Azure RBAC role definitions resolved onto the role assignments that name them, pure. Resource
 * Graph's `authorizationresources` returns definitions (built-in and custom, `properties.roleName`,
 * `type`, `permissions[]` with `actions` / `notActions` / `dataActions` / `notDataActions`) under
 * ids that vary by scope (`/subscriptions/{s}/providers/Microsoft.Authorization/roleDefinitions/{g}`
 * or tenant-level `/providers/…`); an assignment's `properties.roleDefinitionId` names the same
 * GUID, which is unique per role, so they are matched on it. Definitions are not resources of
 * their own (hundreds of built-ins per subscription): each assignment gets
 * `supplementary.roleDefinition = { id, roleName, type, permissions }`; one whose role was not
 * returned is left without, and posture says so.
 */
import type { CloudResource } from '../../../core/cloud.js';
import { AZURE_TYPES } from './queries.js';
import type { GraphRow } from './resource-graph.js';

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** The role GUID at the end of a role definition id, lower-cased. */
export function roleGuid(id: unknown): string | undefined {
  if (typeof id !== 'string') return undefined;
  const guid = id.slice(id.lastIndexOf('/') + 1).toLowerCase();
  return guid === '' ? undefined : guid;
}

/** Attach the definitions to the assignments among `resources` (updated in place). */
export function attachRoleDefinitions(resources: readonly CloudResource[], definitions: readonly GraphRow[]) {
  const byGuid = new Map<string, Record<string, unknown>>();
  for (const d of definitions) {
    const guid = roleGuid(d.id) ?? roleGuid(d.name);
    if (guid === undefined || byGuid.has(guid)) continue;
    const p = obj(d.properties);
    byGuid.set(guid, {
      id: d.id,
      roleName: p.roleName,
      type: p.type,
      permissions: Array.isArray(p.permissions) ? p.permissions : [],
    });
  }
  for (const r of resources) {
    if (r.type !== AZURE_TYPES.roleAssignment) continue;
    const guid = roleGuid(r.configuration.roleDefinitionId);
    const def = guid === undefined ? undefined : byGuid.get(guid);
    if (def !== undefined) r.supplementary.roleDefinition = def;
  }
}
