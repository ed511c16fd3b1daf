import type { Queryable } from '../db.js';

export const FINDING_STATES = ['open', 'fixed', 'not_affected', 'withdrawn', 'unknown'] as const;
export type FindingState = (typeof FINDING_STATES)[number];

/** The stored part of a finding that refresh compares against. */
export interface StoredFinding {
  id: number;
  assetId: number;
  componentId: number;
  advisoryId: string;
  state: FindingState;
  tier: string | null;
  deadline: string | null;
  clockStart: string;
  policyRule: string;
  fixedVersion: string | null;
  inputs: Record<string, unknown>;
}

/** Findings of the given assets, any state. */
export async function findingsOfAssets(db: Queryable, assetIds: readonly number[]): Promise<StoredFinding[]> {
  if (assetIds.length === 0) return [];
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT id, asset_id, component_id, advisory_id, state, tier, deadline, clock_start, policy_rule, fixed_version, inputs
     FROM findings WHERE asset_id = ANY($1::bigint[])`,
    [assetIds.map(String)],
  );
  return rows.map((r) => ({
    id: r.id as number,
    assetId: r.asset_id as number,
    componentId: r.component_id as number,
    advisoryId: r.advisory_id as string,
    state: r.state as FindingState,
    tier: (r.tier as string | null) ?? null,
    deadline: r.deadline ? new Date(r.deadline as string).toISOString() : null,
    clockStart: new Date(r.clock_start as string).toISOString(),
    policyRule: r.policy_rule as string,
    fixedVersion: (r.fixed_version as string | null) ?? null,
    inputs: r.inputs as Record<string, unknown>,
  }));
}

/** Assets holding a finding on an advisory with any of these ids (its own id or an alias). */
export async function assetsWithFindingsOnIds(db: Queryable, ids: readonly string[]): Promise<number[]> {
  if (ids.length === 0) return [];
  // A feed can name far more ids than findings do (an EPSS file: ~300k CVEs): past a few thousand
  // the ids are first narrowed to those some finding is known by, so the query scales with the
  // findings, not with the feed.
  if (ids.length > NARROW_ABOVE) ids = await idsOnFindings(db, ids);
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ asset_id: number }>(
    `SELECT DISTINCT f.asset_id FROM findings f
     WHERE f.advisory_id = ANY($1::text[]) OR EXISTS (
       SELECT 1 FROM advisory_aliases al WHERE al.advisory_id = f.advisory_id AND al.alias = ANY($1::text[]))`,
    [ids],
  );
  return rows.map((r) => r.asset_id);
}

const NARROW_ABOVE = 5000;

async function idsOnFindings(db: Queryable, ids: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT f.advisory_id AS id FROM findings f
     UNION SELECT al.alias FROM findings f JOIN advisory_aliases al ON al.advisory_id = f.advisory_id`,
  );
  const referenced = new Set(rows.map((r) => r.id));
  return ids.filter((id) => referenced.has(id));
}

export interface FindingFilter {
  id?: number | undefined;
  /** One state, or several (e.g. open and unknown: what still needs work). */
  state?: FindingState | readonly FindingState[] | undefined;
  tier?: string | undefined;
  assetId?: number | undefined;
  phi?: boolean | undefined;
  overdueAt?: Date | undefined;
  limit?: number | undefined;
}

export interface FindingView {
  id: number;
  state: FindingState;
  tier: string | null;
  deadline: string | null;
  clockStart: string;
  firstSeen: string;
  lastSeen: string;
  resolvedAt: string | null;
  policy: { id: string; version: string; rule: string };
  inputs: Record<string, unknown>;
  fixedVersion: string | null;
  asset: { id: number; name: string; kind: string; phi: boolean; environment: string };
  component: { id: number; purl: string; ecosystem: string | null; name: string; version: string | null };
  advisory: { id: string; aliases: string[]; summary: string | null };
}

/** Findings with their asset, component and advisory, soonest deadline first. */
export async function listFindings(db: Queryable, f: FindingFilter = {}): Promise<FindingView[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT f.id, f.state, f.tier, f.deadline, f.clock_start, f.first_seen, f.last_seen, f.resolved_at,
       f.policy_id, f.policy_version, f.policy_rule, f.inputs, f.fixed_version,
       a.id AS asset_id, a.name AS asset_name, a.kind AS asset_kind, a.phi, a.environment,
       c.id AS component_id, c.purl, c.ecosystem, c.name AS component_name, c.version,
       v.id AS advisory_id, v.summary,
       COALESCE((SELECT array_agg(al.alias ORDER BY al.alias) FROM advisory_aliases al WHERE al.advisory_id = v.id), '{}') AS aliases
     FROM findings f
     JOIN assets a ON a.id = f.asset_id
     JOIN components c ON c.id = f.component_id
     JOIN advisories v ON v.id = f.advisory_id
     WHERE ($1::text[] IS NULL OR f.state = ANY($1::text[]))
       AND ($2::text IS NULL OR f.tier = $2)
       AND ($3::bigint IS NULL OR f.asset_id = $3)
       AND ($4::boolean IS NULL OR a.phi = $4)
       AND ($5::timestamptz IS NULL OR (f.state IN ('open', 'unknown') AND f.deadline < $5))
       AND ($7::bigint IS NULL OR f.id = $7)
     ORDER BY f.deadline NULLS LAST, f.id
     LIMIT $6`,
    [
      f.state === undefined ? null : typeof f.state === 'string' ? [f.state] : [...f.state],
      f.tier ?? null,
      f.assetId ?? null,
      f.phi ?? null,
      f.overdueAt ?? null,
      f.limit ?? 10_000,
      f.id ?? null,
    ],
  );
  return rows.map((r) => ({
    id: r.id as number,
    state: r.state as FindingState,
    tier: (r.tier as string | null) ?? null,
    deadline: r.deadline ? new Date(r.deadline as string).toISOString() : null,
    clockStart: new Date(r.clock_start as string).toISOString(),
    firstSeen: new Date(r.first_seen as string).toISOString(),
    lastSeen: new Date(r.last_seen as string).toISOString(),
    resolvedAt: r.resolved_at ? new Date(r.resolved_at as string).toISOString() : null,
    policy: { id: r.policy_id as string, version: r.policy_version as string, rule: r.policy_rule as string },
    inputs: r.inputs as Record<string, unknown>,
    fixedVersion: (r.fixed_version as string | null) ?? null,
    asset: {
      id: r.asset_id as number,
      name: r.asset_name as string,
      kind: r.asset_kind as string,
      phi: r.phi as boolean,
      environment: r.environment as string,
    },
    component: {
      id: r.component_id as number,
      purl: r.purl as string,
      ecosystem: (r.ecosystem as string | null) ?? null,
      name: r.component_name as string,
      version: (r.version as string | null) ?? null,
    },
    advisory: {
      id: r.advisory_id as string,
      aliases: r.aliases as string[],
      summary: (r.summary as string | null) ?? null,
    },
  }));
}

/** Open findings counted by tier, with how many are overdue at `now`. */
export async function findingSummary(
  db: Queryable,
  now: Date,
): Promise<{ tier: string | null; open: number; overdue: number; phi: number }[]> {
  // "open" here counts open and unknown findings: both still need work before their deadline.
  const { rows } = await db.query<{ tier: string | null; open: number; overdue: number; phi: number }>(
    `SELECT f.tier, count(*)::int AS open, count(*) FILTER (WHERE f.deadline < $1)::int AS overdue,
       count(*) FILTER (WHERE a.phi)::int AS phi
     FROM findings f JOIN assets a ON a.id = f.asset_id
     WHERE f.state IN ('open', 'unknown') GROUP BY f.tier ORDER BY f.tier`,
    [now],
  );
  return rows;
}
