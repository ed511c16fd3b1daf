/**
 * Recompute the findings of some assets from their present components and the stored
 * advisories, inside the caller's transaction: open new ones with a tier and deadline, re-tier
 * ones whose inputs changed, resolve ones no longer matched — each change an audit event.
 */
import type { Advisory } from '../core/advisory.js';
import { canonicalJson } from '../core/canonical-json.js';
import { type FixState, fixState, suppresses, type VexDecision, vexIndex } from '../matching/apply-vex.js';
import { matchKey } from '../matching/match.js';
import { AliasGroups, mergeMatches } from '../matching/merge-aliases.js';
import { matchAll } from '../matching/parallel.js';
import type { Queryable } from '../store/db.js';
import { advisoriesForPackages } from '../store/repositories/advisories.js';
import { type AssetRow, getAssets } from '../store/repositories/assets.js';
import { appendAudit, type NewAuditEvent } from '../store/repositories/audit.js';
import { type ComponentRow, presentComponents } from '../store/repositories/components.js';
import { exceptionsOf } from '../store/repositories/finding-exceptions.js';
import { type FindingState, findingsOfAssets, type StoredFinding } from '../store/repositories/findings.js';
import { cveFacts } from '../store/repositories/intel.js';
import { kevFor } from '../store/repositories/kev.js';
import { insertMany } from '../store/repositories/sql.js';
import { vexStatementsFor } from '../store/repositories/vex.js';
import { activeExceptions, type ExceptionWindow, type Pause, pauses } from '../triage/clock-pause.js';
import { type CveKnowledge, type Decision, decideFinding, policyInputs } from '../triage/decide.js';
import type { PolicyInputs } from '../triage/policy/inputs.js';
import type { PolicyPack } from '../triage/policy/pack.js';
import { assessSeverity, SEVERITY_RANK } from '../triage/severity.js';
import { schemeForEcosystem } from '../versioning/api.js';
import { activePolicyPacks } from './policy-packs.js';

export interface RefreshSummary {
  opened: number;
  reopened: number;
  retiered: number;
  resolved: number;
  unknown: number;
}

/** A summary of no changes (a fresh object: callers add to it). */
export function noChanges(): RefreshSummary {
  return { opened: 0, reopened: 0, retiered: 0, resolved: 0, unknown: 0 };
}

interface Current {
  component: ComponentRow;
  advisory: Advisory;
  /** open/unknown need work; not_affected/fixed here are a supplier's VEX statement closing it. */
  state: Extract<FindingState, 'open' | 'unknown' | 'not_affected' | 'fixed'>;
  fixed: string | null;
  /** Every id the finding is known by: the advisory's, its aliases and its alias group's. */
  ids: string[];
  inputs: FindingInputs;
}

/** What a finding records about why it is what it is: the packs' inputs, plus provenance. */
type FindingInputs = PolicyInputs & {
  unknownReason?: string;
  vex?: VexDecision;
  fixState?: FixState;
  /** The CVE whose intelligence was used, and the imports it came from. */
  intel?: { cve: string; sources: { format: string; importId: number }[] };
  /** Every pack's outcome and why the winner won (strictest deadline). */
  triage?: { reason: string; packs: Record<string, unknown>[] };
  /**
   * When the clock events happened: identification (the finding's first sighting) and the first
   * refresh that saw a fixed version (patch availability; null while there is none).
   */
  clock?: { identified: string; patchAvailable: string | null; paused?: Pause[] };
};

const isOpen = (state: FindingState) => state === 'open' || state === 'unknown';

const key = (assetId: number, componentId: number, advisoryId: string) =>
  `${assetId}/${componentId}/${advisoryId}`;

/** Refresh findings for `assetIds` at time `at`; returns what changed. */
export async function refreshFindings(
  tx: Queryable,
  assetIds: readonly number[],
  ctx: { at: Date; actor: string; packs?: readonly PolicyPack[] },
): Promise<RefreshSummary> {
  const summary = noChanges();
  if (assetIds.length === 0) return summary;
  const components = await presentComponents(tx, assetIds);
  const packages = uniquePackages(components);
  const advisories = await advisoriesForPackages(tx, packages);
  const byId = new Map(advisories.map((a) => [a.id, a]));
  // A whole-fleet refresh (`findings rematch`) matches on every core; an import's few assets on one.
  const result = await matchAll(components, advisories);
  const assets = await getAssets(tx, assetIds);
  const cves = new Set<string>();
  for (const m of [...result.matches, ...result.unknown]) {
    for (const id of [m.advisory.id, ...m.advisory.aliases]) if (id.startsWith('CVE-')) cves.add(id);
  }
  const kev = await kevFor(tx, [...cves]);
  const intel = await cveFacts(tx, [...cves]);
  const packs = ctx.packs ?? (await activePolicyPacks());
  const groups = new AliasGroups();
  for (const a of advisories) groups.add(a);
  const merged = mergeMatches(result.matches, groups, (m) =>
    m.component.ecosystem ? schemeForEcosystem(m.component.ecosystem) : undefined,
  );
  // Triage reads the whole alias group: KEV lists CVE ids, and the most severe member's rating
  // stands (a GHSA may carry a CVSS vector its PYSEC twin lacks).
  const inputsFor = (
    asset: AssetRow,
    members: readonly { advisory: Advisory; affected?: Parameters<typeof assessSeverity>[1] }[],
    ids: readonly string[],
  ) => {
    const listed = ids.map((id) => kev.get(id)).find(Boolean);
    const severity = members
      .map((m) => assessSeverity(m.advisory, m.affected))
      .sort((a, b) => SEVERITY_RANK[b.rating] - SEVERITY_RANK[a.rating])[0]!;
    // The group's first CVE with intelligence speaks for it (aliases name one vulnerability).
    const cve = ids.find((id) => intel.has(id));
    const known = cve ? intel.get(cve)! : undefined;
    const knowledge: CveKnowledge | null = known
      ? { cvss: known.cvss, ssvc: known.ssvc ?? null, epss: known.epss ? epssInput(known.epss) : null }
      : null;
    const kevListed = Boolean(listed) || Boolean(known?.kev);
    const inputs: FindingInputs = policyInputs({
      severity,
      kev: { listed: kevListed, dateAdded: listed?.dateAdded ?? known?.kev?.dateAdded ?? null },
      cve: knowledge,
      asset: {
        phi: asset.phi,
        phiSource: asset.phiSource,
        environment: asset.environment,
        internetExposed: asset.internetExposed,
        kind: asset.kind,
        clinicalCriticality: asset.clinicalCriticality,
        supportStatus: asset.supportStatus,
      },
    });
    if (cve && known) inputs.intel = { cve, sources: known.sources };
    return { ...inputs, ...(members.length > 1 ? { aliasGroup: members.map((m) => m.advisory.id) } : {}) };
  };
  const current = new Map<string, Current>();
  for (const m of merged) {
    const asset = assets.get(m.component.assetId)!;
    const ids = [m.advisory.id, ...m.aliases];
    current.set(key(asset.id, m.component.id, m.advisory.id), {
      component: m.component,
      advisory: m.advisory,
      state: 'open',
      fixed: m.fixed,
      ids,
      inputs: {
        ...inputsFor(
          asset,
          m.members.map((a) => ({ advisory: a, affected: a === m.advisory ? m.affected : undefined })),
          ids,
        ),
        ...(m.epochAssumed ? { missingEpoch: 'auto: assumed the advisory epoch' } : {}),
      },
    });
  }
  for (const u of result.unknown) {
    const asset = assets.get(u.component.assetId)!;
    const ids = [u.advisory.id, ...u.advisory.aliases];
    current.set(key(asset.id, u.component.id, u.advisory.id), {
      component: u.component,
      advisory: u.advisory,
      state: 'unknown',
      fixed: null,
      ids,
      inputs: { ...inputsFor(asset, [u], ids), unknownReason: u.reason },
    });
  }

  // VEX: a supplier's statement on the component decides whether the finding stays open.
  const vex = vexIndex(await vexStatementsFor(tx, [...new Set([...current.values()].flatMap((c) => c.ids))]));
  for (const cur of current.values()) {
    const decision = vex.decide(cur.component, cur.ids);
    cur.inputs = {
      ...cur.inputs,
      fixState: fixState(cur.fixed, decision),
      ...(decision ? { vex: decision } : {}),
    };
    if (decision && suppresses(decision.status))
      cur.state = decision.status === 'fixed' ? 'fixed' : 'not_affected';
  }

  const existing = new Map<string, StoredFinding>();
  for (const f of await findingsOfAssets(tx, assetIds))
    existing.set(key(f.assetId, f.componentId, f.advisoryId), f);
  const events: NewAuditEvent[] = [];
  const audit = (action: string, id: number, data: Record<string, unknown>) =>
    events.push({ actor: ctx.actor, action, entityType: 'finding', entityId: String(id), data, at: ctx.at });
  const inserts: { cur: Current; d: Decision }[] = [];
  // Triage results live in the inputs, so a changed outcome (or reason) is a changed finding.
  const windows = new Map<number, ExceptionWindow[]>();
  for (const e of await exceptionsOf(
    tx,
    [...existing.values()].map((f) => f.id),
  )) {
    windows.set(e.findingId, [...(windows.get(e.findingId) ?? []), e]);
  }
  const triage = (cur: Current, identified: Date, prior?: StoredFinding) => {
    const known = (prior?.inputs as unknown as FindingInputs | undefined)?.clock?.patchAvailable ?? null;
    const patch = cur.fixed === null ? null : known ? new Date(known) : ctx.at;
    const own = prior ? (windows.get(prior.id) ?? []) : [];
    // An exception in force brings its compensating controls in as a policy input.
    const controls = activeExceptions(own, ctx.at).flatMap((w) => w.controls);
    if (controls.length > 0) cur.inputs = { ...cur.inputs, controls: { compensating: true, list: controls } };
    const paused = pauses(own, identified);
    const d = decideFinding(packs, cur.inputs, identified, patch, paused);
    cur.inputs = {
      ...cur.inputs,
      triage: { reason: d.reason, packs: d.packs },
      clock: {
        identified: identified.toISOString(),
        patchAvailable: patch?.toISOString() ?? null,
        ...(paused.length > 0 ? { paused } : {}),
      },
    };
    return d;
  };
  const touched: number[] = [];

  for (const [k, cur] of current) {
    const prior = existing.get(k);
    if (!prior) {
      inserts.push({ cur, d: triage(cur, ctx.at) });
      continue;
    }
    if (!isOpen(cur.state)) {
      // Closed by VEX: record the statement; nothing to do if it already said so.
      if (prior.state === cur.state && canonicalJson(prior.inputs) === canonicalJson(cur.inputs)) {
        touched.push(prior.id);
        continue;
      }
      await tx.query(
        'UPDATE findings SET state = $2, inputs = $3, last_seen = $4, resolved_at = $4 WHERE id = $1',
        [prior.id, cur.state, cur.inputs as unknown as Record<string, unknown>, ctx.at],
      );
      summary.resolved++;
      audit('finding.vex', prior.id, { previousState: prior.state, state: cur.state, vex: cur.inputs.vex });
      continue;
    }
    const wasResolved = !isOpen(prior.state);
    const recorded = (prior.inputs as unknown as FindingInputs).clock?.identified ?? prior.clockStart;
    const clockStart = wasResolved ? ctx.at : new Date(recorded);
    const decision = triage(cur, clockStart, wasResolved ? undefined : prior);
    const changedTier = prior.tier !== decision.tier || prior.deadline !== decision.deadline;
    // Inputs can change without moving the deadline (a KEV listing on an already-critical flaw):
    // the stored inputs must still say what is true now, so `findings explain` does not mislead.
    const changedInputs = canonicalJson(prior.inputs) !== canonicalJson(cur.inputs);
    if (
      !wasResolved &&
      !changedTier &&
      !changedInputs &&
      prior.state === cur.state &&
      prior.fixedVersion === cur.fixed
    ) {
      touched.push(prior.id);
      continue;
    }
    await tx.query(
      `UPDATE findings SET state = $2, fixed_version = $3, last_seen = $4, resolved_at = NULL, tier = $5,
         clock_start = $6, deadline = $7, policy_id = $8, policy_version = $9, policy_rule = $10, inputs = $11
       WHERE id = $1`,
      [
        prior.id,
        cur.state,
        cur.fixed,
        ctx.at,
        decision.tier,
        decision.clockStart,
        decision.deadline,
        decision.policy.id,
        decision.policy.version,
        decision.rule,
        cur.inputs as unknown as Record<string, unknown>,
      ],
    );
    if (wasResolved) {
      summary.reopened++;
      audit('finding.reopened', prior.id, {
        previousState: prior.state,
        state: cur.state,
        ...decisionData(decision),
      });
    } else if (changedTier) {
      summary.retiered++;
      audit('finding.retiered', prior.id, {
        from: { tier: prior.tier, deadline: prior.deadline, rule: prior.policyRule, state: prior.state },
        to: { ...decisionData(decision), state: cur.state },
      });
    } else {
      audit('finding.updated', prior.id, {
        state: cur.state,
        previousState: prior.state,
        fixed: cur.fixed,
        inputsChanged: changedInputs,
      });
    }
  }

  if (touched.length) {
    await tx.query('UPDATE findings SET last_seen = $2 WHERE id = ANY($1::bigint[])', [
      touched.map(String),
      ctx.at,
    ]);
  }

  const rows = await insertMany<{ id: number }>(
    tx,
    `INSERT INTO findings (asset_id, component_id, advisory_id, state, fixed_version, first_seen, last_seen, tier,
       clock_start, deadline, policy_id, policy_version, policy_rule, inputs, resolved_at)`,
    inserts.map(({ cur, d }) => {
      return [
        cur.component.assetId,
        cur.component.id,
        cur.advisory.id,
        cur.state,
        cur.fixed,
        ctx.at,
        ctx.at,
        d.tier,
        d.clockStart,
        d.deadline,
        d.policy.id,
        d.policy.version,
        d.rule,
        cur.inputs as unknown as Record<string, unknown>,
        isOpen(cur.state) ? null : ctx.at,
      ];
    }),
    'RETURNING id',
  );
  rows.forEach((r, i) => {
    const { cur, d } = inserts[i]!;
    if (cur.state === 'unknown') summary.unknown++;
    else if (isOpen(cur.state)) summary.opened++;
    audit('finding.opened', r.id, {
      assetId: cur.component.assetId,
      purl: cur.component.purl,
      advisory: cur.advisory.id,
      state: cur.state,
      fixed: cur.fixed,
      ...decisionData(d),
    });
  });

  const present = new Set(components.map((c) => c.id));
  for (const [k, prior] of existing) {
    if (current.has(k) || (prior.state !== 'open' && prior.state !== 'unknown')) continue;
    const withdrawn = byId.get(prior.advisoryId)?.withdrawn;
    const state: FindingState = withdrawn ? 'withdrawn' : 'fixed';
    const reason = withdrawn
      ? 'advisory-withdrawn'
      : present.has(prior.componentId)
        ? 'version-not-affected'
        : 'component-removed';
    await tx.query('UPDATE findings SET state = $2, resolved_at = $3, last_seen = $3 WHERE id = $1', [
      prior.id,
      state,
      ctx.at,
    ]);
    summary.resolved++;
    audit('finding.resolved', prior.id, { previousState: prior.state, state, reason });
  }
  await appendAudit(tx, ...events);
  return summary;
}

function decisionData(d: Decision): Record<string, unknown> {
  return {
    tier: d.tier,
    deadline: d.deadline,
    clockStart: d.clockStart,
    policy: d.policy,
    rule: d.rule,
    reason: d.reason,
  };
}

function epssInput(e: {
  score: number;
  percentile: number;
  modelVersion: string | null;
  date: string | null;
}) {
  return { score: e.score, percentile: e.percentile, modelVersion: e.modelVersion, date: e.date };
}

function uniquePackages(components: readonly ComponentRow[]): { ecosystem: string; name: string }[] {
  const seen = new Map<string, { ecosystem: string; name: string }>();
  for (const c of components) {
    if (!c.ecosystem) continue;
    const { name } = matchKey(c);
    seen.set(`${c.ecosystem}\u0000${name}`, { ecosystem: c.ecosystem, name });
  }
  return [...seen.values()];
}
