/**
 * Who can read the audit logs of PHI SQL servers (seed pattern #8 of the founding documents,
 * "Azure SQL audit logs with PHI readable by support"; no anchor checks it: Prowler and Azure
 * Policy stop at "auditing is on"). Audit records carry the statements run, with the ePHI in them,
 * so their readers are as sensitive as the database's.
 *
 * Destinations come from the server's auditing settings: the storage account of `storageEndpoint`
 * (container `sqldbauditlogs`), and, with `isAzureMonitorTargetEnabled`, the workspace or storage
 * account of the `master` database's diagnostic settings carrying `SQLSecurityAuditEvents`.
 * Readers are the principals of the Azure RBAC assignments (collector: `authorizationresources`)
 * whose scope is the destination, its resource group or subscription — or, below it, the audit
 * container / audit tables — and whose role grants, per _shared/rbac.ts:
 * - storage: the data action `…/blobServices/containers/blobs/read`, or `listKeys` while the
 *   account still allows Shared Key access (a key reads every blob);
 * - Log Analytics: `Microsoft.OperationalInsights/workspaces/query/read` (Reader's `*\/read`
 *   included), `…/search/action` or `…/analytics/query/action`.
 * Principals who could only grant themselves access (Owner, User Access Administrator) are listed
 * apart, not counted.
 *
 * The rule (ours, documented for want of an anchor): `fail` when more than five distinct principals
 * hold standing read access — a group counts once, its members are not collected; `pass` when none
 * does; `manual` otherwise, listing each reader so someone confirms they belong to the audit
 * function. Management-group and PIM-eligible assignments are not collected, so a pass means "no
 * standing reader at subscription scope or below". Unreadable destinations or assignments → `error`.
 * Only PHI-tagged servers with auditing on are evaluated (auditing off: `sql-server-auditing`).
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { gapFor, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { ARM, lookupList, lookupMissing, phiOf, sqlSetting, sqlSettingMissing, str } from '../_shared/arm.js';
import { missingCategories, summarize } from '../_shared/diagnostics.js';
import { type Assignment, assignments, roleGrants, scopeReaches } from '../_shared/rbac.js';

/** Principals with standing read access above which the audit trail is not restricted. */
export const MAX_AUDIT_LOG_READERS = 5;
const AUDIT_CONTAINER = 'sqldbauditlogs';
const AUDIT_TABLES = ['sqlsecurityauditevents', 'azurediagnostics'];
const BLOB_READ = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read';
const LIST_KEYS = 'Microsoft.Storage/storageAccounts/listKeys/action';
const WORKSPACE_READ = [
  'Microsoft.OperationalInsights/workspaces/query/read',
  'Microsoft.OperationalInsights/workspaces/search/action',
  'Microsoft.OperationalInsights/workspaces/analytics/query/action',
];
const GRANT = 'Microsoft.Authorization/roleAssignments/write';

interface Destination {
  kind: 'storage' | 'workspace';
  id: string;
  /** The collected storage account, when it is one. */
  account?: CloudResource;
}

export const check: PostureCheck = {
  id: 'sql-audit-log-readers',
  provider: 'azure',
  title: 'Few principals can read the audit logs of PHI SQL servers',
  severity: 'high',
  resourceType: ARM.sqlServer,
  citations: ['164.312(b)', '164.308(a)(4)(ii)(B)', '164.312(a)(1)'],
  risk: 'SQL audit records contain the statements run against ePHI; when support staff or broad groups can read the audit store, they read the ePHI too, and can alter the trail of their own access.',
  remediation: {
    text: 'Keep SQL audit logs in a storage account or workspace of their own (ideally a security subscription); remove broad data roles (Storage Blob Data Reader/Contributor, Reader on workspaces) inherited from the subscription or resource group; grant the audit team a data role on the audit container or tables only, through PIM; disable Shared Key access on the audit account.',
    cli: 'az role assignment list --all --scope <audit-storage-or-workspace-id> --include-inherited --output table\naz role assignment delete --assignee <principal-id> --role "Storage Blob Data Reader" --scope /subscriptions/<sub>',
    terraform:
      'resource "azurerm_role_assignment" "audit_readers" {\n  scope                = azurerm_storage_container.sqldbauditlogs.resource_manager_id\n  role_definition_name = "Storage Blob Data Reader"\n  principal_id         = var.audit_team_group_id\n}',
    url: 'https://learn.microsoft.com/azure/azure-sql/database/auditing-overview',
  },
  evaluate(snapshot) {
    const all = assignments(snapshot);
    return resourcesOf(snapshot, ARM.sqlServer).flatMap((r) => {
      if (r.provider !== 'azure') return [];
      const phi = phiOf(r);
      if (!phi.phi) return [];
      const audit = sqlSetting(r, 'auditingSettings');
      if (audit === undefined) {
        const reason = sqlSettingMissing(snapshot, r, 'auditingSettings');
        return [
          result(check, r, 'error', `Auditing settings could not be read: ${reason}`, { reason, ...phi }),
        ];
      }
      if (str(audit.state)?.toLowerCase() !== 'enabled') return [];
      const found = destinations(snapshot, r, audit);
      const problems = [...found.problems];
      for (const d of found.destinations) {
        const sub = /^\/subscriptions\/([^/]+)/i.exec(d.id)?.[1]?.toLowerCase();
        const gap = sub === undefined ? undefined : gapFor(snapshot, 'Microsoft.Authorization', sub);
        if (gap !== undefined) problems.push(`role assignments of ${sub} could not be read (${gap})`);
        else if (sub === undefined || !snapshot.accounts.map((a) => a.toLowerCase()).includes(sub)) {
          problems.push(`role assignments of the subscription holding ${d.id} were not collected`);
        }
      }
      if (found.destinations.length > 0 && resourcesOf(snapshot, ARM.roleAssignment).length === 0) {
        problems.push('no role assignment is in the snapshot (collected before RBAC was read)');
      }
      const rows = found.destinations.flatMap((d) => readersOf(d, all));
      const readers = new Map<string, { principalType: string; via: string[] }>();
      for (const x of rows.filter((x) => x.access === 'read')) {
        const entry = readers.get(x.a.principalId) ?? { principalType: x.a.principalType, via: [] };
        entry.via.push(`${x.a.roleName ?? '?'} at ${x.a.scope}`);
        readers.set(x.a.principalId, entry);
      }
      const unknownRoles = rows.filter((x) => x.access === 'unknown').map((x) => x.a.id);
      const evidence = {
        destinations: found.destinations.map((d) => ({ kind: d.kind, id: d.id })),
        readers: [...readers].map(([principalId, v]) => ({ principalId, ...v })),
        canGrantThemselves: rows
          .filter((x) => x.access === 'grant')
          .map((x) => ({
            principalId: x.a.principalId,
            via: `${x.a.roleName ?? '?'} at ${x.a.scope}`,
          })),
        unresolvedRoleAssignments: unknownRoles,
        maxReaders: MAX_AUDIT_LOG_READERS,
        ...phi,
      };
      if (readers.size > MAX_AUDIT_LOG_READERS) {
        return [
          result(
            check,
            r,
            'fail',
            `${readers.size} principals can read the audit logs (more than ${MAX_AUDIT_LOG_READERS}), e.g. ${[
              ...readers.values(),
            ]
              .slice(0, 3)
              .map((v) => v.via[0])
              .join('; ')}.`,
            evidence,
          ),
        ];
      }
      if (problems.length > 0) {
        return [
          result(
            check,
            r,
            'error',
            `Audit log readers could not be established: ${problems.join('; ')}.`,
            evidence,
          ),
        ];
      }
      if (found.destinations.length === 0) {
        return [
          result(
            check,
            r,
            'manual',
            'Auditing is on but no audit destination was found; check the auditing settings.',
            evidence,
          ),
        ];
      }
      if (unknownRoles.length > 0) {
        return [
          result(
            check,
            r,
            'manual',
            `${unknownRoles.length} role assignment(s) name a role whose definition was not collected; review them.`,
            evidence,
          ),
        ];
      }
      if (readers.size === 0) {
        return [
          result(
            check,
            r,
            'pass',
            'No standing role assignment at subscription scope or below can read the audit logs.',
            evidence,
          ),
        ];
      }
      return [
        result(
          check,
          r,
          'manual',
          `${readers.size} principal(s) can read the audit logs: confirm each belongs to the audit function.`,
          evidence,
        ),
      ];
    });
  },
};

/** The audit destinations of a server, and what kept one from being found. */
function destinations(
  snapshot: CloudSnapshot,
  server: CloudResource,
  audit: Record<string, unknown>,
): { destinations: Destination[]; problems: string[] } {
  const out: Destination[] = [];
  const problems: string[] = [];
  const storageAccounts = resourcesOf(snapshot, ARM.storageAccount);
  const endpoint = str(audit.storageEndpoint);
  if (endpoint !== undefined) {
    const name = /^https?:\/\/([^./]+)\./i.exec(endpoint)?.[1]?.toLowerCase();
    const sub = str(audit.storageAccountSubscriptionId)?.toLowerCase();
    const account = storageAccounts.find(
      (x) => x.name.toLowerCase() === name && (sub === undefined || x.account.toLowerCase() === sub),
    );
    if (account === undefined)
      problems.push(`audit storage account ${name ?? endpoint} is not in the snapshot`);
    else out.push({ kind: 'storage', id: account.id, account });
  }
  if (audit.isAzureMonitorTargetEnabled === true) {
    const settings = lookupList(server, 'masterDiagnosticSettings');
    if (settings === undefined) {
      problems.push(
        `master database diagnostic settings: ${lookupMissing(snapshot, server, 'masterDiagnosticSettings', 'Microsoft.Insights')}`,
      );
    } else {
      for (const s of settings.map(summarize)) {
        if (missingCategories(s, ['SQLSecurityAuditEvents'], true).length > 0) continue;
        if (s.workspaceId !== null) out.push({ kind: 'workspace', id: s.workspaceId });
        if (s.storageAccountId !== null) {
          const id = s.storageAccountId;
          const account = storageAccounts.find((x) => x.id.toLowerCase() === id.toLowerCase());
          out.push({ kind: 'storage', id, ...(account ? { account } : {}) });
        }
      }
    }
  }
  return { destinations: out, problems };
}

/** Assignments reaching a destination, and what each lets its principal do with the audit logs. */
type Access = { a: Assignment; access: 'read' | 'grant' | 'unknown' };

function readersOf(d: Destination, all: readonly Assignment[]): Access[] {
  const id = d.id.toLowerCase();
  const below = (scope: string) => {
    const s = scope.toLowerCase();
    if (!s.startsWith(`${id}/`)) return false;
    return d.kind === 'storage'
      ? s === `${id}/blobservices/default` ||
          s.startsWith(`${id}/blobservices/default/containers/${AUDIT_CONTAINER}`)
      : AUDIT_TABLES.some((t) => s === `${id}/tables/${t}`);
  };
  const sharedKey = d.account?.configuration.allowSharedKeyAccess !== false;
  return all.flatMap((a): Access[] => {
    if (!scopeReaches(a.scope, d.id) && !below(a.scope)) return [];
    if (a.role === undefined) return [{ a, access: 'unknown' }];
    const role = a.role;
    const reads =
      d.kind === 'storage'
        ? roleGrants(role, { dataAction: BLOB_READ }) ||
          (sharedKey && roleGrants(role, { action: LIST_KEYS }))
        : WORKSPACE_READ.some((action) => roleGrants(role, { action }));
    if (reads) return [{ a, access: 'read' }];
    return roleGrants(role, { action: GRANT }) ? [{ a, access: 'grant' }] : [];
  });
}
