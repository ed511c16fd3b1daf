import { writeFile } from 'node:fs/promises';
import { AppError, EXIT } from '../../core/errors.js';
import type { Command } from '../command.js';
import { renderTable } from '../table.js';

/** `policy list`: the shipped packs and the ones in force, with their rules and clocks. */
export const policyList: Command = {
  path: ['policy', 'list'],
  summary: 'List the policy packs (shipped, and in force via PATCHWARDEN_POLICY_PACKS) with rules and clocks',
  usage: '[--json]',
  async run(ctx) {
    const { loadShippedPacks } = await import('../../triage/policy/shipped.js');
    const { activePolicyPacks } = await import('../../services/policy-packs.js');
    const { conditionToEnglish } = await import('../../triage/policy/english.js');
    const active = await activePolicyPacks();
    const packs = [...active, ...loadShippedPacks().filter((p) => !active.some((a) => a.id === p.id))];
    const view = packs.map((p) => ({
      id: p.id,
      version: p.version,
      title: p.title,
      active: active.some((a) => a.id === p.id && a.digest === p.digest),
      digest: p.digest,
      clock: p.clock.start,
      rules: p.rules.map((r) => ({ id: r.id, tier: r.tier, days: r.days, when: conditionToEnglish(r.when) })),
    }));
    if (ctx.json) {
      ctx.printJson({ packs: view });
      return EXIT.ok;
    }
    for (const p of view) {
      ctx.print(
        `${p.id} ${p.version}${p.active ? ' (in force)' : ''} — ${p.title}; clock starts at ${p.clock}`,
      );
      ctx.print(
        renderTable(
          ['RULE', 'TIER', 'DAYS', 'WHEN'],
          p.rules.map((r) => [r.id, r.tier, r.days, r.when]),
        ),
      );
    }
    return EXIT.ok;
  },
};

/** `policy render`: the written Patch Management Policy and Procedures, generated from a pack. */
export const policyRender: Command = {
  path: ['policy', 'render'],
  summary: 'Write the Patch Management Policy and Procedures document (Markdown or HTML) from a pack',
  usage: '--pack <id|file.yaml> [--format markdown|html] [--organisation NAME] [--out FILE]',
  help: `The document is generated from the same pack triage enforces (tiers, clocks, roles, the OCR
steps, exceptions, evidence), and names the pack id, version and digest, so the written
procedure and the enforced one cannot drift. Without --out it is written to stdout.`,
  options: {
    pack: { type: 'string' },
    format: { type: 'string' },
    organisation: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx) {
    const ref = ctx.values.pack as string | undefined;
    if (!ref) throw new AppError('USAGE', { reason: '--pack <id|file.yaml> is required' });
    const format = (ctx.values.format as string | undefined) ?? 'markdown';
    if (format !== 'markdown' && format !== 'html') {
      throw new AppError('USAGE', { reason: '--format must be markdown or html' });
    }
    const { loadPack } = await import('../../services/policy-packs.js');
    const { renderPolicyDocument } = await import('../../triage/policy/render.js');
    const pack = await loadPack(ref);
    const organisation = ctx.values.organisation as string | undefined;
    const doc = renderPolicyDocument(pack, { format, ...(organisation ? { organisation } : {}) });
    const out = ctx.values.out as string | undefined;
    if (out) {
      await writeFile(out, doc);
      if (ctx.json) ctx.printJson({ pack: pack.id, version: pack.version, digest: pack.digest, format, out });
      else
        ctx.print(
          `${out}: ${pack.id} ${pack.version} (${format}, sha256 of pack ${pack.digest.slice(0, 12)}…)`,
        );
    } else ctx.io.stdout.write(doc);
    return EXIT.ok;
  },
};
