import { AppError, EXIT } from '../../core/errors.js';
import { DAY_MS } from '../../core/time.js';
import { FINDING_STATES, type FindingView, listFindings } from '../../store/repositories/findings.js';
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
--tier     a tier of the active policy packs (seed-default: emergency, high, standard)
--overdue  only open findings past their deadline
--due N    only open findings due within N days (overdue included)
Policy packs: PATCHWARDEN_POLICY_PACKS (default seed-default); see \`patchwarden policy list\`.`,
  options: {
    state: { type: 'string' },
    tier: { type: 'string' },
    asset: { type: 'string' },
    phi: { type: 'boolean' },
    overdue: { type: 'boolean' },
    due: { type: 'string' },
    limit: { type: 'string' },
  },
  async run(ctx) {
    const v = ctx.values;
    const state = v.state as string | undefined;
    if (state !== undefined && !(FINDING_STATES as readonly string[]).includes(state)) {
      throw new AppError('USAGE', { reason: `--state must be one of ${FINDING_STATES.join(', ')}` });
    }
    const tier = v.tier as string | undefined;
    const assetId = positiveInt(v.asset, '--asset');
    const limit = positiveInt(v.limit, '--limit');
    const due = v.due === undefined ? undefined : Number(v.due);
    if (due !== undefined && (!Number.isInteger(due) || due < 0)) {
      throw new AppError('USAGE', { reason: '--due must be a whole number of days (0 or more)' });
    }
    const now = new Date();
    const db = await ctx.db();
    const rows = await listFindings(db, {
      state: (state as FindingView['state'] | undefined) ?? (['open', 'unknown'] as const),
      tier,
      assetId,
      phi: v.phi ? true : undefined,
      overdueAt: v.overdue ? now : due !== undefined ? new Date(now.getTime() + due * DAY_MS) : undefined,
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
    const tiers = [...new Set(shown.map((f) => f.tier ?? 'none'))];
    const byTier = tiers
      .map((t) => `${shown.filter((f) => (f.tier ?? 'none') === t).length} ${t}`)
      .join(', ');
    const overdue = shown.filter((f) => f.deadline !== null && Date.parse(f.deadline) < now.getTime()).length;
    ctx.print(`${shown.length} findings: ${byTier}; ${overdue} overdue`);
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
    const i = f.inputs as {
      severity?: { rating: string; cvss: { version?: string; vector: string; score: number } | null };
      kev?: { listed: boolean | null; dateAdded?: string | null };
      epss?: { score: number; percentile: number; modelVersion: string | null; date: string | null } | null;
      ssvc?: {
        exploitation: string | null;
        automatable: string | null;
        technicalImpact: string | null;
        outcomes: Record<string, string>;
      } | null;
      asset?: {
        phi: boolean;
        phiSource: string;
        environment: string;
        internetExposed?: boolean | null;
        kind?: string;
      };
      intel?: { cve: string; sources: { format: string; importId: number }[] };
      triage?: {
        reason: string;
        packs: {
          pack: string;
          version: string;
          tier: string;
          days: number | null;
          rule: string;
          arithmetic: string;
        }[];
      };
      clock?: { identified: string; patchAvailable: string | null };
      unknownReason?: string;
      fixState?: string;
      vex?: { status: string; justification: string | null; source: { file: string; pointer: string } };
      aliasGroup?: string[];
      missingEpoch?: string;
    };
    const { ruleText } = await import('../../services/policy-packs.js');
    const when = await ruleText(f.policy.id, f.policy.rule);
    const packs = (i.triage?.packs ?? []).map(
      (p) => `           ${p.pack}@${p.version}: rule ${p.rule} → ${p.tier}; ${p.arithmetic}`,
    );
    ctx.print(`Finding #${f.id}: ${f.advisory.id} in ${f.component.purl} on ${f.asset.name}
State:     ${f.state}${i.unknownReason ? ` (${i.unknownReason})` : ''}; fix state ${i.fixState ?? '?'}; fixed in ${f.fixedVersion ?? 'no published fix'}${i.missingEpoch ? ` (${i.missingEpoch})` : ''}
VEX:       ${i.vex ? `${i.vex.status}${i.vex.justification ? ` (${i.vex.justification})` : ''} — ${i.vex.source.file} ${i.vex.source.pointer}` : 'no statement'}
Merged:    ${i.aliasGroup?.join(', ') ?? '-'}
Aliases:   ${f.advisory.aliases.join(', ') || '-'}
Inputs:    severity ${i.severity?.rating ?? '?'}${i.severity?.cvss ? ` (CVSS ${i.severity.cvss.score} ${i.severity.cvss.vector})` : ''}
           KEV ${i.kev?.listed ? `listed (added ${i.kev.dateAdded})` : 'not listed'}
           EPSS ${i.epss ? `${i.epss.score} (percentile ${i.epss.percentile}, model ${i.epss.modelVersion ?? '?'}, ${i.epss.date ?? '?'})` : 'unknown'}
           SSVC exploitation ${i.ssvc?.exploitation ?? 'unknown'}, automatable ${i.ssvc?.automatable ?? 'unknown'}, technical impact ${i.ssvc?.technicalImpact ?? 'unknown'}${Object.entries(
             i.ssvc?.outcomes ?? {},
           )
             .map(([t, o]) => `; ${t} → ${o}`)
             .join('')}
           asset PHI ${i.asset?.phi ? `yes (${i.asset.phiSource})` : 'no'}, environment ${i.asset?.environment ?? '?'}, internet-exposed ${i.asset?.internetExposed ?? 'unknown'}
Sources:   ${i.intel ? `${i.intel.cve} from ${i.intel.sources.map((x) => `${x.format} (import #${x.importId})`).join(', ')}` : 'advisory only'}
Clock:     identified ${i.clock?.identified ?? f.clockStart}; patch available ${i.clock?.patchAvailable ?? 'not yet'}
Policy:    ${f.policy.id} ${f.policy.version}, rule ${f.policy.rule}${when ? ` — ${when}` : ''}
Tier:      ${f.tier}
Deadline:  ${f.deadline ?? 'none (fix on upgrade, or waiting for a patch)'}
Packs:
${packs.join('\n') || '           -'}
Why:       ${i.triage?.reason ?? '-'}`);
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

/** `findings exception request <finding-id>`: ask to pause a finding's clock, with controls. */
export const exceptionRequest: Command = {
  path: ['findings', 'exception', 'request'],
  summary: "Request an exception to a finding's deadline (reason, compensating controls, expiry)",
  usage: '<finding-id> --reason TEXT --expires YYYY-MM-DD [--control TEXT]… [--json]',
  help: `The exception takes effect when someone else approves it (findings exception approve); while
in force the finding's clock is paused and its compensating controls are a policy input.`,
  options: {
    reason: { type: 'string' },
    expires: { type: 'string' },
    control: { type: 'string', multiple: true },
  },
  async run(ctx) {
    const findingId = positiveInt(ctx.positionals[0], '<finding-id>');
    if (findingId === undefined) throw new AppError('USAGE', { reason: 'expected <finding-id>' });
    const expires = ctx.values.expires as string | undefined;
    const expiresAt =
      expires && /^\d{4}-\d{2}-\d{2}$/.test(expires) ? new Date(`${expires}T00:00:00Z`) : undefined;
    if (!expiresAt || Number.isNaN(expiresAt.getTime())) {
      throw new AppError('USAGE', { reason: '--expires YYYY-MM-DD is required' });
    }
    const { requestException } = await import('../../services/finding-exceptions.js');
    const e = await requestException(await ctx.db(), {
      findingId,
      reason: (ctx.values.reason as string | undefined) ?? '',
      controls: (ctx.values.control as string[] | undefined) ?? [],
      expiresAt,
      actor: ctx.actor,
    });
    if (ctx.json) ctx.printJson(e);
    else
      ctx.print(`exception #${e.id} requested for finding #${findingId}; it needs another person's approval`);
    return EXIT.ok;
  },
};

function exceptionDecision(decision: 'approve' | 'revoke'): Command {
  return {
    path: ['findings', 'exception', decision],
    summary:
      decision === 'approve'
        ? 'Approve an exception (not your own): the finding clock pauses until it expires'
        : 'Revoke an exception: the clock runs again, paused only for the time it was in force',
    usage: '<exception-id> [--json]',
    async run(ctx) {
      const id = positiveInt(ctx.positionals[0], '<exception-id>');
      if (id === undefined) throw new AppError('USAGE', { reason: 'expected <exception-id>' });
      const { decideException } = await import('../../services/finding-exceptions.js');
      const r = await decideException(await ctx.db(), id, decision, { actor: ctx.actor });
      if (ctx.json) ctx.printJson(r);
      else
        ctx.print(
          `exception #${id} ${decision === 'approve' ? 'approved' : 'revoked'}; ${r.findings.retiered} finding re-tiered`,
        );
      return EXIT.ok;
    },
  };
}
export const exceptionApprove = exceptionDecision('approve');
export const exceptionRevoke = exceptionDecision('revoke');

/** `findings exceptions`: every exception with its state. */
export const exceptionList: Command = {
  path: ['findings', 'exceptions'],
  summary: 'List exceptions: requested, in force, expired or revoked',
  usage: '[--json]',
  async run(ctx) {
    const { listExceptions } = await import('../../store/repositories/finding-exceptions.js');
    const now = Date.now();
    const rows = (await listExceptions(await ctx.db())).map((e) => ({
      ...e,
      status: e.revokedAt
        ? 'revoked'
        : Date.parse(e.expiresAt) <= now
          ? 'expired'
          : e.approvedAt
            ? 'in force'
            : 'requested',
    }));
    if (ctx.json) ctx.printJson({ exceptions: rows });
    else
      ctx.print(
        renderTable(
          ['ID', 'FINDING', 'STATUS', 'EXPIRES', 'REQUESTED BY', 'APPROVED BY', 'CONTROLS'],
          rows.map((e) => [
            e.id,
            e.findingId,
            e.status,
            e.expiresAt.slice(0, 10),
            e.requestedBy,
            e.approvedBy,
            e.controls.join('; '),
          ]),
        ),
      );
    return EXIT.ok;
  },
};
