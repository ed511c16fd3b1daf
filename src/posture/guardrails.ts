/**
 * Parameter guardrails (issue 6; POSTURE-ANCHORS.md §0.4): an organisation may tighten any posture
 * parameter, and may loosen it only as far as the citation behind it still holds. A parameter
 * loosened further is not honoured quietly: every check that reads it evaluates with the guardrail
 * value instead, and reports one `fail` per account naming the parameter, its value and the bound
 * (Prowler's ConfigRequirements passed such settings silently).
 */
import { AZURE_TYPES, type CloudProvider, type CloudResource, type CloudSnapshot } from '../core/cloud.js';
import type { CheckResult, Citation, ParamName, PostureCheck, PostureParams } from './check.js';
import { result } from './check.js';

export type Guardrail =
  | { kind: 'max' | 'min'; limit: number; citation: Citation; why: string }
  | { kind: 'includes'; values: readonly number[]; citation: Citation; why: string };

/** The loosest value each guarded parameter may take. Unlisted parameters are not citation-bound. */
export const GUARDRAILS: Partial<Record<ParamName, Guardrail>> = {
  passwordMaxAgeDays: {
    kind: 'max',
    limit: 365,
    citation: '164.308(a)(5)(ii)(D)',
    why: 'password management needs periodic change; no reading of it allows more than a year',
  },
  accessKeyMaxAgeDays: {
    kind: 'max',
    limit: 365,
    citation: '164.308(a)(5)(ii)(D)',
    why: 'a credential older than a year is not "changed" under any password-management procedure',
  },
  credentialUnusedDays: {
    kind: 'max',
    limit: 180,
    citation: '164.308(a)(3)(ii)(C)',
    why: 'termination procedures end access that is no longer used; half a year unused is abandoned',
  },
  secretRotationMaxDays: {
    kind: 'max',
    limit: 365,
    citation: '164.308(a)(5)(ii)(D)',
    why: 'secrets are credentials: the same yearly bound as access keys',
  },
  backupMaxIntervalDays: {
    kind: 'max',
    limit: 30,
    citation: '164.308(a)(7)(ii)(A)',
    why: 'the data backup plan must keep retrievable exact copies; the founding documents set 30 days',
  },
  backupMinRetentionDays: {
    kind: 'min',
    limit: 30,
    citation: '164.308(a)(7)(ii)(A)',
    why: 'a copy must outlive the backup interval, or there are times with nothing to restore',
  },
  phiRetentionDays: {
    kind: 'min',
    limit: 6 * 365,
    citation: '164.316(b)(2)(i)',
    why: 'the founding documents keep PHI logs and backups six years (164.316(b)(2)(i) sets six years for documentation)',
  },
  amiMaxAgeDays: {
    kind: 'max',
    limit: 365,
    citation: '164.308(a)(5)(ii)(B)',
    why: 'an image more than a year old predates a year of security fixes',
  },
  stoppedInstanceMaxDays: {
    kind: 'max',
    limit: 90,
    citation: '164.308(a)(5)(ii)(B)',
    why: 'a stopped instance misses every patch released while it sleeps; a quarter is the most',
  },
  certificateMinValidDays: {
    kind: 'min',
    limit: 7,
    citation: '164.312(e)(1)',
    why: 'less than a week of warning leaves no time to renew before transmission security lapses',
  },
  adminPorts: {
    kind: 'includes',
    values: [22, 3389],
    citation: '164.312(a)(1)',
    why: 'SSH and RDP are the administrative entry points every breach report names',
  },
};

/** Whether the organisation's value is looser than the guardrail. */
export function loosened(g: Guardrail, value: unknown): boolean {
  if (g.kind === 'includes') {
    const given = Array.isArray(value) ? value : [];
    return g.values.some((v) => !given.includes(v));
  }
  if (typeof value !== 'number') return false;
  return g.kind === 'max' ? value > g.limit : value < g.limit;
}

/** The guardrail as written in results and docs (`≤ 365`, `includes 22, 3389`). */
export function describeGuardrail(g: Guardrail): string {
  if (g.kind === 'includes') return `includes ${g.values.join(', ')}`;
  return `${g.kind === 'max' ? '≤' : '≥'} ${g.limit}`;
}

/** The parameters every check evaluates with: each clamped to its guardrail, never looser. */
export function clampParams(params: PostureParams): PostureParams {
  const out: Record<string, unknown> = { ...params };
  for (const [name, g] of Object.entries(GUARDRAILS) as [ParamName, Guardrail][]) {
    const v = params[name];
    if (!loosened(g, v)) continue;
    if (g.kind === 'includes') out[name] = [...new Set([...(v as readonly number[]), ...g.values])];
    else out[name] = g.kind === 'max' ? Math.min(v as number, g.limit) : Math.max(v as number, g.limit);
  }
  return out as unknown as PostureParams;
}

/** The parameters `params` loosens beyond their guardrails, with the bound each breaks. */
export function loosenedParams(
  params: PostureParams,
  names: readonly ParamName[] = Object.keys(GUARDRAILS) as ParamName[],
): { param: ParamName; value: unknown; guardrail: Guardrail }[] {
  return names.flatMap((param) => {
    const g = GUARDRAILS[param];
    return g !== undefined && loosened(g, params[param])
      ? [{ param, value: params[param], guardrail: g }]
      : [];
  });
}

/** The resource type of an account-level result's subject, per provider. */
export const ACCOUNT_TYPE: Record<CloudProvider, string> = {
  aws: 'AWS::::Account',
  azure: AZURE_TYPES.subscription,
};

/** The account (AWS) or subscription (Azure) as the subject of an account-level result. */
export function accountSubject(provider: CloudProvider, account: string): CloudResource {
  return {
    provider,
    account,
    region: 'global',
    type: ACCOUNT_TYPE[provider],
    id: account,
    name: account,
    tags: {},
    configuration: {},
    supplementary: {},
    source: 'patchwarden',
  };
}

/** One `fail` per account and loosened parameter the check reads. */
export function guardrailResults(
  check: Pick<PostureCheck, 'id' | 'resourceType' | 'params'>,
  snapshot: Pick<CloudSnapshot, 'provider' | 'accounts'>,
  params: PostureParams,
): CheckResult[] {
  return loosenedParams(params, check.params ?? []).flatMap(({ param, value, guardrail }) =>
    snapshot.accounts.map((a) => {
      const subject = { ...accountSubject(snapshot.provider, a), id: `${a}/params/${param}` };
      return result(
        check,
        subject,
        'fail',
        `parameter ${param} loosened beyond guardrail (${describeGuardrail(guardrail)}, ${guardrail.citation}); evaluated with the guardrail`,
        {
          param,
          value,
          guardrail: describeGuardrail(guardrail),
          citation: guardrail.citation,
          why: guardrail.why,
        },
      );
    }),
  );
}
