/**
 * Azure RBAC evaluation over the role assignments the collector stored (type
 * `microsoft.authorization/roleassignments`, `configuration` = assignment properties,
 * `supplementary.roleDefinition` = the role's name and `permissions`). A role grants an operation
 * when one of its permission blocks lists it in `actions` (or `dataActions`) and not in
 * `notActions` (`notDataActions`); `*` matches any run of characters, case-insensitively ("Azure
 * role definitions": Actions, NotActions, DataActions, NotDataActions). An assignment applies to a
 * resource when its scope is the resource or one of its parents (resource group, subscription).
 * Deny assignments and conditions (ABAC) are not evaluated: a condition can only narrow access,
 * so a reader found here may in fact read less, never more.
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { ARM, list, type Obj, obj, str } from './arm.js';

/** Whether an operation matches an Azure RBAC action pattern (`*` wildcards, any case). */
export function actionMatches(pattern: string, operation: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return re.test(operation);
}

const strings = (v: unknown) => list(v).flatMap((x) => (typeof x === 'string' ? [x] : []));

/** Whether a role's permissions grant a control-plane action or a data action. */
export function roleGrants(roleDefinition: Obj, op: { action: string } | { dataAction: string }): boolean {
  const [allow, deny, operation] =
    'action' in op
      ? (['actions', 'notActions', op.action] as const)
      : (['dataActions', 'notDataActions', op.dataAction] as const);
  return list(roleDefinition.permissions).some((block) => {
    const b = obj(block);
    return (
      strings(b[allow]).some((p) => actionMatches(p, operation)) &&
      !strings(b[deny]).some((p) => actionMatches(p, operation))
    );
  });
}

/** Whether an assignment at `scope` reaches `resourceId` (same id or a parent of it). */
export function scopeReaches(scope: string, resourceId: string): boolean {
  const s = scope.toLowerCase().replace(/\/+$/, '');
  const r = resourceId.toLowerCase();
  return s === '' || s === '/' || r === s || r.startsWith(`${s}/`);
}

export interface Assignment {
  id: string;
  principalId: string;
  principalType: string;
  scope: string;
  roleName: string | null;
  /** Undefined when the role's definition was not collected. */
  role: Obj | undefined;
}

/** The role assignments of a snapshot, read. */
export function assignments(snapshot: CloudSnapshot): Assignment[] {
  return snapshot.resources
    .filter((r: CloudResource) => r.type === ARM.roleAssignment)
    .map((r) => {
      const role = r.supplementary.roleDefinition;
      const def =
        role !== null && typeof role === 'object' && !Array.isArray(role) ? (role as Obj) : undefined;
      return {
        id: r.id,
        principalId: str(r.configuration.principalId) ?? '?',
        principalType: str(r.configuration.principalType) ?? 'Unknown',
        scope: str(r.configuration.scope) ?? '',
        roleName: def ? (str(def.roleName) ?? null) : null,
        role: def,
      };
    });
}
