import { AppError, EXIT } from '../../core/errors.js';
import type { Command } from '../command.js';
import { renderTable } from '../table.js';

/** `posture checks`: every check with its metadata and HIPAA citations. */
export const postureChecks: Command = {
  path: ['posture', 'checks'],
  summary: 'List every posture check with severity, resource type and HIPAA citations',
  usage: '[--provider aws|azure] [--json]',
  options: { provider: { type: 'string' } },
  async run(ctx) {
    const { POSTURE_CHECKS } = await import('../../posture/registry.js');
    const provider = ctx.values.provider as string | undefined;
    const checks = POSTURE_CHECKS.filter((c) => provider === undefined || c.provider === provider).map(
      ({ evaluate: _, ...meta }) => meta,
    );
    if (ctx.json) ctx.printJson({ checks });
    else {
      ctx.print(
        renderTable(
          ['ID', 'PROVIDER', 'SEVERITY', 'RESOURCE', 'CITATIONS', 'TITLE'],
          checks.map((c) => [c.id, c.provider, c.severity, c.resourceType, c.citations.join(' '), c.title]),
        ),
      );
      ctx.print(`${checks.length} checks`);
    }
    return EXIT.ok;
  },
};

/** `posture scan`: the checks over the latest stored snapshot, grouped by HIPAA citation. */
export const postureScan: Command = {
  path: ['posture', 'scan'],
  summary: 'Evaluate the posture checks on the latest collected cloud snapshot, grouped by HIPAA citation',
  usage: '[--provider aws|azure] [--json]',
  help: `Reads the snapshot \`collect aws\`, \`collect azure\` or \`import aws-config\` stored; no cloud call.
Exit 1 when any check fails.`,
  options: { provider: { type: 'string' } },
  async run(ctx) {
    const provider = (ctx.values.provider as string | undefined) ?? 'aws';
    if (provider !== 'aws' && provider !== 'azure')
      throw new AppError('USAGE', { reason: '--provider aws|azure' });
    const { latestSnapshot } = await import('../../store/repositories/cloud-snapshots.js');
    const snapshot = await latestSnapshot(await ctx.db(), provider);
    if (!snapshot) {
      throw new AppError('NOT_FOUND', {
        reason: `no ${provider} snapshot: run collect ${provider} or import aws-config first`,
      });
    }
    const { POSTURE_CHECKS } = await import('../../posture/registry.js');
    const { DEFAULT_PARAMS } = await import('../../posture/params.js');
    const { runChecks } = await import('../../posture/run.js');
    const run = runChecks(POSTURE_CHECKS, snapshot, DEFAULT_PARAMS);
    const byId = new Map(POSTURE_CHECKS.map((c) => [c.id, c]));
    if (ctx.json) ctx.printJson({ snapshot: { id: snapshot.id, collectedAt: snapshot.collectedAt }, ...run });
    else {
      const byCitation = new Map<string, typeof run.results>();
      for (const r of run.results) {
        for (const cite of byId.get(r.checkId)?.citations ?? ['-']) {
          byCitation.set(cite, [...(byCitation.get(cite) ?? []), r]);
        }
      }
      for (const [cite, rs] of [...byCitation].sort(([a], [b]) => a.localeCompare(b))) {
        const n = (s: string) => rs.filter((r) => r.status === s).length;
        ctx.print(
          `45 CFR ${cite}: ${n('fail')} fail, ${n('pass')} pass, ${n('manual')} manual, ${n('error')} error`,
        );
        for (const r of rs.filter((x) => x.status !== 'pass'))
          ctx.print(`  ${r.status.padEnd(6)} ${r.checkId}  ${r.resourceId}  ${r.message}`);
      }
      ctx.print(
        `snapshot #${snapshot.id} (${snapshot.collectedAt}): ${run.counts.fail} fail, ${run.counts.pass} pass, ${run.counts.manual} manual, ${run.counts.error} error`,
      );
    }
    return run.counts.fail > 0 ? EXIT.findings : EXIT.ok;
  },
};
