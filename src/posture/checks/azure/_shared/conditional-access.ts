/**
 * Whether Entra conditional access enforces MFA (Microsoft Graph v1.0 `conditionalAccessPolicy`:
 * `state`, `conditions.users` / `applications` / `clientAppTypes` / risk levels / `platforms` /
 * `locations`, `grantControls.operator` / `builtInControls` / `authenticationStrength`).
 *
 * A policy *enforces MFA on Azure* when all of these hold:
 * - `state` is `enabled` (report-only and disabled policies enforce nothing);
 * - its grant asks for MFA: `mfa` or an authentication strength, and with operator `OR` no other
 *   control (a compliant device or approved app would let the user skip MFA); `block` is not MFA;
 * - it covers Azure management: `includeApplications` has `All` or "Windows Azure Service
 *   Management API" (797f4846-…), which `excludeApplications` does not remove;
 * - nothing narrows it to some sign-ins: no sign-in or user risk levels, client apps `all` (or
 *   browser and mobile/desktop both), platforms and included locations not restricted. Excluded
 *   locations are reported, not held against the policy (trusted-network exemptions are a common,
 *   documented design).
 * Users: `includeUsers: ['All']` covers everyone but the `excludeRoles`; `includeRoles` covers those
 * directory roles. Excluded users and groups (emergency-access accounts) are reported only. Groups
 * and named users cannot be resolved without group membership, which is not collected.
 */
import { list, type Obj, obj, str } from './arm.js';

/** Directory roles (template ids) that can take over the tenant, its MFA or Azure access. */
export const ADMIN_ROLES: Readonly<Record<string, string>> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  'e8611ab8-c189-46e8-94e1-60213ab1f814': 'Privileged Role Administrator',
  '7be44c8a-adaf-4e2a-84d6-ab2649e08a13': 'Privileged Authentication Administrator',
  'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9': 'Conditional Access Administrator',
  '194ae4cb-b126-40b2-bd5b-6091b380977d': 'Security Administrator',
  'fe930be7-5e62-47db-91af-98c3a49a38b1': 'User Administrator',
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3': 'Application Administrator',
  '158c047a-c907-4556-b7ef-446551a6b5f7': 'Cloud Application Administrator',
};

/** "Windows Azure Service Management API": the Azure portal, CLI, PowerShell and ARM. */
export const AZURE_MANAGEMENT_APP = '797f4846-ba00-4fd7-ba43-dac1f8f63013';

const strings = (v: unknown) => list(v).flatMap((x) => (typeof x === 'string' ? [x] : []));
const lower = (v: unknown) => strings(v).map((s) => s.toLowerCase());

/** Why a policy does not enforce MFA on Azure sign-ins, or undefined when it does. */
export function whyNotEnforcing(policy: Obj): string | undefined {
  const state = str(policy.state);
  if (state !== 'enabled')
    return state === 'enabledForReportingButNotEnforced' ? 'report-only' : `state ${state ?? 'unknown'}`;
  const grant = obj(policy.grantControls);
  const controls = lower(grant.builtInControls);
  const strength = Object.keys(obj(grant.authenticationStrength)).length > 0;
  if (controls.includes('block')) return 'blocks access instead of asking for MFA';
  if (!controls.includes('mfa') && !strength) return 'grant does not ask for MFA';
  const others = controls.filter((c) => c !== 'mfa');
  if (
    str(grant.operator)?.toUpperCase() !== 'AND' &&
    (others.length > 0 || strings(grant.customAuthenticationFactors).length > 0)
  ) {
    return `MFA is one option among ${others.join(', ') || 'custom controls'} (operator OR)`;
  }
  const c = obj(policy.conditions);
  const apps = obj(c.applications);
  const included = lower(apps.includeApplications);
  if (!included.includes('all') && !included.includes(AZURE_MANAGEMENT_APP))
    return 'does not cover Azure management';
  if (lower(apps.excludeApplications).includes(AZURE_MANAGEMENT_APP)) return 'excludes Azure management';
  if (strings(c.signInRiskLevels).length > 0 || strings(c.userRiskLevels).length > 0)
    return 'applies only to risky sign-ins';
  const clients = lower(c.clientAppTypes);
  if (
    !clients.includes('all') &&
    !(clients.includes('browser') && clients.includes('mobileappsanddesktopclients'))
  ) {
    return `applies only to client apps ${clients.join(', ') || 'none'}`;
  }
  const platforms = lower(obj(c.platforms).includePlatforms);
  if (platforms.length > 0 && !platforms.includes('all'))
    return `applies only to platforms ${platforms.join(', ')}`;
  const locations = lower(obj(c.locations).includeLocations);
  if (locations.length > 0 && !locations.includes('all')) return 'applies only to some locations';
  return undefined;
}

export interface CaVerdict {
  status: 'pass' | 'fail' | 'manual';
  message: string;
  evidence: Record<string, unknown>;
}

/** Whether the tenant's policies (and security defaults) require MFA for all users or every admin role. */
export function judgeMfa(policies: readonly unknown[], securityDefaults: Obj | undefined): CaVerdict {
  const read = policies.map(obj);
  const reviewed = read.map((p) => ({
    name: str(p.displayName) ?? str(p.id) ?? '?',
    why: whyNotEnforcing(p),
  }));
  const evidence: Record<string, unknown> = {
    securityDefaultsEnabled: securityDefaults?.isEnabled ?? null,
    policies: reviewed.map((p) => ({
      name: p.name,
      enforcesMfa: p.why === undefined,
      ...(p.why ? { why: p.why } : {}),
    })),
  };
  if (securityDefaults?.isEnabled === true) {
    return {
      status: 'pass',
      message: 'Security defaults are on: MFA is required for admins and for Azure management.',
      evidence,
    };
  }
  const enforcing = read.filter((p) => whyNotEnforcing(p) === undefined);
  const users = (p: Obj) => obj(obj(p.conditions).users);
  const excludedRoles = (p: Obj) => lower(users(p).excludeRoles);
  const everyone = enforcing.find(
    (p) => lower(users(p).includeUsers).includes('all') && !excludedRoles(p).some((r) => r in ADMIN_ROLES),
  );
  if (everyone !== undefined) {
    const u = users(everyone);
    evidence.excluded = { users: strings(u.excludeUsers).length, groups: strings(u.excludeGroups).length };
    return {
      status: 'pass',
      message: `Policy "${str(everyone.displayName) ?? '?'}" requires MFA for all users on Azure management.`,
      evidence,
    };
  }
  const missing = Object.keys(ADMIN_ROLES).filter(
    (role) =>
      !enforcing.some(
        (p) =>
          (lower(users(p).includeUsers).includes('all') || lower(users(p).includeRoles).includes(role)) &&
          !excludedRoles(p).includes(role),
      ),
  );
  evidence.adminRolesWithoutMfa = missing.map((r) => ADMIN_ROLES[r]);
  if (missing.length === 0) {
    return {
      status: 'pass',
      message:
        'Every admin directory role must use MFA on Azure management. Azure RBAC owners without a directory role are covered only by an all-users policy.',
      evidence,
    };
  }
  const targeted = enforcing.filter(
    (p) =>
      strings(users(p).includeGroups).length > 0 ||
      lower(users(p).includeUsers).some((u) => u !== 'all' && u !== 'none' && u !== 'guestsorexternalusers'),
  );
  if (targeted.length > 0) {
    return {
      status: 'manual',
      message: `MFA is enforced for groups or named users (${targeted.map((p) => str(p.displayName) ?? '?').join(', ')}); group membership is not collected: confirm they hold every admin role and the PHI subscriptions' Owner/Contributor roles.`,
      evidence,
    };
  }
  return {
    status: 'fail',
    message: `No enabled conditional access policy requires MFA on Azure management for all users or for ${missing.map((r) => ADMIN_ROLES[r]).join(', ')}.`,
    evidence,
  };
}
