import { EXIT } from '../../core/errors.js';
import { verifyAuditLog } from '../../evidence/verify-audit.js';
import { listAudit } from '../../store/repositories/audit.js';
import type { Command } from '../command.js';
import { progressBar } from '../progress.js';
import { renderTable } from '../table.js';

/** `audit verify`: recompute the hash chain and name the first broken position. */
export const auditVerify: Command = {
  path: ['audit', 'verify'],
  summary: 'Verify the audit chain end to end; names the first broken position (exit 1 if broken)',
  usage: '[--json]',
  async run(ctx) {
    const bar = progressBar(ctx.io, 'events', ctx.json);
    const report = await verifyAuditLog(await ctx.db(), (n) => bar.update(n, n));
    bar.stop();
    if (ctx.json) ctx.printJson(report);
    else if (report.ok)
      ctx.print(`audit chain OK: ${report.events} events, head ${report.head ?? '(empty)'}`);
    else {
      const b = report.firstBreak!;
      const what =
        b.problem === 'sequence-gap'
          ? `expected seq ${b.expectedSeq}, found seq ${b.seq} (an event is missing or was reordered)`
          : b.problem === 'prev-hash-mismatch'
            ? `seq ${b.seq} does not link to its predecessor (prev_hash ${b.found.slice(0, 12)}…, expected ${b.expected.slice(0, 12)}…)`
            : `seq ${b.seq} was altered (hash ${b.found.slice(0, 12)}…, recomputed ${b.expected.slice(0, 12)}…)`;
      ctx.io.stderr.write(
        `patchwarden: AUDIT_CHAIN_BROKEN: audit chain broken at position ${b.position}: ${what}\n`,
      );
      ctx.print(`verified ${report.events} events before the break`);
    }
    return report.ok ? EXIT.ok : EXIT.findings;
  },
};

/** `audit log`: the most recent audit events. */
export const auditLog: Command = {
  path: ['audit', 'log'],
  summary: 'Show the most recent audit events',
  usage: '[--limit N] [--json]',
  options: { limit: { type: 'string' } },
  async run(ctx) {
    const limit = Math.max(1, Math.min(10_000, Number(ctx.values.limit ?? 50) || 50));
    const events = await listAudit(await ctx.db(), limit);
    if (ctx.json) ctx.printJson({ events });
    else
      ctx.print(
        renderTable(
          ['SEQ', 'AT', 'ACTOR', 'ACTION', 'ENTITY', 'HASH'],
          events.map((e) => [
            e.seq,
            e.at,
            e.actor,
            e.action,
            `${e.entityType}:${e.entityId}`,
            `${e.hash.slice(0, 16)}…`,
          ]),
        ),
      );
    return EXIT.ok;
  },
};
