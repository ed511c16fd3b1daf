import { AppError, EXIT } from '../../core/errors.js';
import { DAY_MS } from '../../core/time.js';
import { FINDING_STATES, type FindingView, listFindings } from '../../store/repositories/findings.js';
import { SEED_DEFAULT_POLICY, TIERS } from '../../triage/default-policy.js';
import type { Command } from '../command.js';
import { renderTable } from '../table.js';

/** Days until (positive) or since (negative) the deadline, rounded down. */
function daysLeft(deadline: string | null, now: Date): number | null {
  return deadline === null ? null : Math.floor((Date.parse(deadline) - now.getTime()) / DAY_MS);
}

/** `findings`: findings with tier and deadline, soonest first. */
export const findingsList: Command = {
  path: ['findings'],
  summary: 'List findings with tier, deadline and days left (soonest deadline first)',
  usage: '[--state S] [--tier T] [--asset ID] [--phi] [--overdue] [--limit N] [--json]',
  help: `--state    ${FINDING_STATES.join(', ')} (default: open and unknown)
--tier     ${TIERS.join(', ')}
--overdue  only open findings past their deadline`,
  options: {
    state: { type: 'string' },
    tier: { type: 'string' },
    asset: { type: 'string' },
    phi: { type: 'boolean' },
    overdue: { type: 'boolean' },
    limit: { type: 'string' },
  },
  async run(ctx) {
    const v = ctx.values;
    const state = v.state as string | undefined;
    if (state !== undefined && !(FINDING_STATES as readonly string[]).includes(state)) {
      throw new AppError('USAGE', { reason: `--state must be one of ${FINDING_STATES.join(', ')}` });
    }
    const tier = v.tier as string | undefined;
    if (tier !== undefined && !(TIERS as readonly string[]).includes(tier)) {
      throw new AppError('USAGE', { reason: `--tier must be one of ${TIERS.join(', ')}` });
    }
    const assetId = positiveInt(v.asset, '--asset');
    const limit = positiveInt(v.limit, '--limit');
    const now = new Date();
    const db = await ctx.db();
    const rows = await listFindings(db, {
      state: (state as FindingView['state'] | undefined) ?? (['open', 'unknown'] as const),
      tier,
      assetId,
      phi: v.phi ? true : undefined,
      overdueAt: v.overdue ? now : undefined,
      limit,
    });
    const shown = rows;
    if (ctx.json) {
      ctx.printJson({
        now: now.toISOString(),
        findings: shown.map((f) => ({ ...f, daysLeft: daysLeft(f.deadline, now) })),
      });
      return EXIT.ok;
    }
    ctx.print(
      renderTable(
        ['ID', 'TIER', 'DEADLINE', 'DAYS', 'STATE', 'ASSET', 'PHI', 'PACKAGE', 'ADVISORY', 'FIXED'],
        shown.map((f) => [
          f.id,
          f.tier,
          f.deadline?.slice(0, 10),
          daysLeft(f.deadline, now),
          f.state,
          f.asset.name,
          f.asset.phi ? 'yes' : 'no',
          `${f.component.name}@${f.component.version ?? '?'}`,
          f.advisory.id,
          f.fixedVersion,
        ]),
      ),
    );
    const byTier = TIERS.map((t) => `${shown.filter((f) => f.tier === t).length} ${t}`).join(', ');
    ctx.print(`${shown.length} findings: ${byTier}`);
    return EXIT.ok;
  },
};

/** `findings explain <id>`: the inputs, policy, rule and deadline arithmetic behind one finding. */
export const findingsExplain: Command = {
  path: ['findings', 'explain'],
  summary: 'Explain a finding: inputs, policy and version, the rule that fired, the deadline arithmetic',
  usage: '<id> [--json]',
  async run(ctx) {
    const id = positiveInt(ctx.positionals[0], '<id>');
    if (id === undefined) throw new AppError('USAGE', { reason: 'expected <id>' });
    const [f] = await listFindings(await ctx.db(), { id });
    if (!f) throw new AppError('NOT_FOUND', { finding: id });
    if (ctx.json) {
      ctx.printJson(f);
      return EXIT.ok;
    }
    const rule = SEED_DEFAULT_POLICY.rules.find((r) => r.id === f.policy.rule);
    const i = f.inputs as {
      severity?: {
        rating: string;
        basis: string;
        cvss: { vector: string; score: number } | null;
        sourceLabel: string | null;
      };
      kev?: { listed: boolean; dateAdded: string | null };
      asset?: { phi: boolean; phiSource: string; environment: string };
      unknownReason?: string;
      fixState?: string;
      vex?: { status: string; justification: string | null; source: { file: string; pointer: string } };
      aliasGroup?: string[];
      missingEpoch?: string;
    };
    const days = Math.round((Date.parse(f.deadline ?? f.clockStart) - Date.parse(f.clockStart)) / DAY_MS);
    ctx.print(`Finding #${f.id}: ${f.advisory.id} in ${f.component.purl} on ${f.asset.name}
State:     ${f.state}${i.unknownReason ? ` (${i.unknownReason})` : ''}; fix state ${i.fixState ?? '?'}; fixed in ${f.fixedVersion ?? 'no published fix'}${i.missingEpoch ? ` (${i.missingEpoch})` : ''}
VEX:       ${i.vex ? `${i.vex.status}${i.vex.justification ? ` (${i.vex.justification})` : ''} — ${i.vex.source.file} ${i.vex.source.pointer}` : 'no statement'}
Merged:    ${i.aliasGroup?.join(', ') ?? '-'}
Aliases:   ${f.advisory.aliases.join(', ') || '-'}
Inputs:    severity ${i.severity?.rating ?? '?'} (${i.severity?.cvss ? `CVSS ${i.severity.cvss.score} ${i.severity.cvss.vector}` : `basis ${i.severity?.basis ?? '?'}${i.severity?.sourceLabel ? `, source label ${i.severity.sourceLabel}` : ''}`})
           KEV ${i.kev?.listed ? `listed (added ${i.kev.dateAdded})` : 'not listed'}
           asset PHI ${i.asset?.phi ? `yes (${i.asset.phiSource})` : 'no'}, environment ${i.asset?.environment ?? '?'}
Policy:    ${f.policy.id} ${f.policy.version}, rule ${f.policy.rule}${rule ? ` — ${rule.when}` : ''}
Tier:      ${f.tier}
Deadline:  clock start ${f.clockStart} + ${days} days = ${f.deadline}`);
    return EXIT.ok;
  },
};

function positiveInt(v: unknown, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new AppError('USAGE', { reason: `${name} must be a positive integer` });
  return n;
}

/** `findings rematch`: recompute every asset's findings (all cores), audited like any refresh. */
export const findingsRematch: Command = {
  path: ['findings', 'rematch'],
  summary: 'Rematch the whole fleet against the stored advisories (worker threads on every core)',
  usage: '[--json]',
  async run(ctx) {
    const { rematchFleet } = await import('../../services/rematch-fleet.js');
    const { progressBar } = await import('../progress.js');
    const bar = progressBar(ctx.io, 'assets', ctx.json);
    const r = await rematchFleet(await ctx.db(), {
      actor: ctx.actor,
      onProgress: (d, t) => bar.update(d, t),
    });
    bar.stop();
    if (ctx.json) ctx.printJson(r);
    else
      ctx.print(
        `${r.assets} assets rematched: ${r.opened} opened, ${r.unknown} unknown, ${r.resolved} resolved, ${r.retiered} re-tiered, ${r.reopened} reopened`,
      );
    return EXIT.ok;
  },
};
