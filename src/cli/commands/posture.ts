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

/** `posture scan`: the checks over the fleet's latest snapshots, stored, grouped by HIPAA citation. */
export const postureScan: Command = {
  path: ['posture', 'scan'],
  summary: 'Evaluate the posture checks on the latest collected cloud snapshot, grouped by HIPAA citation',
  usage:
    '[--provider aws|azure] [--params FILE] [--account ID]… [--region R]… [--tag KEY[=VALUE]]… [--phi] [--format ocsf|sarif|csv|html --out FILE] [--json]',
  help: `Reads what \`collect aws\`, \`collect azure\` and \`import aws-config\` stored, no cloud call:
for every account (subscription) and region the newest snapshot that covers it, so accounts of
an Organization collected one by one scan together.
The results are stored per scan with the drift from the previous scan (new, resolved, changed).
Muted failures are listed with their mute and do not fail the scan. Exit 1 when any unmuted
check fails in the scope shown.
--params FILE     the organisation's parameters (YAML or JSON; default PATCHWARDEN_POSTURE_PARAMS):
                  a value looser than its guardrail fails the checks that read it
--account, --region, --tag, --phi
                  narrow what is reported (the stored scan is always whole); account-level
                  results stay under a region or tag scope
--format writes OCSF 1.3 Compliance Findings (JSON), SARIF 2.1.0, CSV or a self-contained HTML
report grouped by HIPAA citation to --out.`,
  options: {
    provider: { type: 'string' },
    params: { type: 'string' },
    account: { type: 'string', multiple: true },
    region: { type: 'string', multiple: true },
    tag: { type: 'string', multiple: true },
    phi: { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx) {
    const provider = (ctx.values.provider as string | undefined) ?? 'aws';
    if (provider !== 'aws' && provider !== 'azure')
      throw new AppError('USAGE', { reason: '--provider aws|azure' });
    const { runPostureScan } = await import('../../services/posture-scan.js');
    const { POSTURE_CHECKS } = await import('../../posture/registry.js');
    const format = ctx.values.format as string | undefined;
    const out = ctx.values.out as string | undefined;
    const { EXPORT_FORMATS, exportPosture } = await import('../../posture/export/index.js');
    if (format !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new AppError('USAGE', { reason: `--format must be one of ${EXPORT_FORMATS.join(', ')}` });
    }
    if ((format === undefined) !== (out === undefined)) {
      throw new AppError('USAGE', { reason: '--format and --out go together' });
    }
    const paramsFile = (ctx.values.params as string | undefined) ?? ctx.io.env.PATCHWARDEN_POSTURE_PARAMS;
    const params = paramsFile
      ? await (await import('../../posture/params-file.js')).loadPostureParams(paramsFile)
      : undefined;
    const list = (k: string) => (ctx.values[k] as string[] | undefined) ?? [];
    const r = await runPostureScan(await ctx.db(), provider, {
      actor: ctx.actor,
      ...(params && { params }),
      scope: {
        accounts: list('account'),
        regions: list('region'),
        tags: list('tag'),
        phi: ctx.values.phi === true,
      },
    });
    const unmuted = r.results.filter((x) => x.status === 'fail' && !x.mute).length;
    if (format && out) {
      const { writeFile } = await import('node:fs/promises');
      const text = exportPosture(format as (typeof EXPORT_FORMATS)[number], {
        snapshot: {
          id: String(r.snapshot.id),
          provider,
          collectedAt: r.snapshot.collectedAt,
          accounts: r.snapshot.accounts,
        },
        results: r.results,
        checks: POSTURE_CHECKS,
        generatedAt: new Date(),
      });
      await writeFile(out, text);
      if (!ctx.json) ctx.print(`${out}: ${format}, ${r.results.length} results`);
    }
    if (ctx.json) ctx.printJson(r);
    else {
      const { byCitation } = await import('../../posture/by-citation.js');
      for (const g of byCitation(r.results, POSTURE_CHECKS)) {
        ctx.print(
          `45 CFR ${g.citation} ${g.title}: ${g.counts.fail} fail, ${g.counts.pass} pass, ${g.counts.manual} manual, ${g.counts.error} error`,
        );
        for (const x of g.results.filter((y) => y.status !== 'pass')) {
          const muted = x.mute ? ` [muted until ${x.mute.expiresAt.slice(0, 10)} by ${x.mute.owner}]` : '';
          ctx.print(`  ${x.status.padEnd(6)} ${x.checkId}  ${x.resourceId}  ${x.message}${muted}`);
        }
      }
      ctx.print(
        `scan #${r.scanId} of snapshot${r.snapshot.ids.length > 1 ? 's' : ''} #${r.snapshot.ids.join(', #')} (${r.snapshot.collectedAt}): ${r.counts.fail} fail (${r.counts.muted} muted), ${r.counts.pass} pass, ${r.counts.manual} manual, ${r.counts.error} error; since the last scan: ${r.drift.new.length} new, ${r.drift.resolved.length} resolved, ${r.drift.changed.length} changed`,
      );
    }
    return unmuted > 0 ? EXIT.findings : EXIT.ok;
  },
};

/** `posture mute`: hide one finding, with a reason, an owner and an expiry (audited). */
export const postureMute: Command = {
  path: ['posture', 'mute'],
  summary: 'Mute a posture finding with a reason, an owner and an expiry (it reopens when the mute expires)',
  usage: '<finding-id> --reason TEXT --owner NAME --expires YYYY-MM-DD [--json]',
  options: { reason: { type: 'string' }, owner: { type: 'string' }, expires: { type: 'string' } },
  async run(ctx) {
    const [findingId, ...extra] = ctx.positionals;
    if (!findingId || extra.length)
      throw new AppError('USAGE', { reason: 'expected exactly one <finding-id>' });
    const expires = ctx.values.expires as string | undefined;
    const expiresAt =
      expires && /^\d{4}-\d{2}-\d{2}$/.test(expires) ? new Date(`${expires}T00:00:00Z`) : undefined;
    if (!expiresAt) throw new AppError('USAGE', { reason: '--expires YYYY-MM-DD is required' });
    const { mutePostureFinding } = await import('../../services/posture-scan.js');
    const m = await mutePostureFinding(await ctx.db(), {
      findingId,
      reason: (ctx.values.reason as string | undefined) ?? '',
      owner: (ctx.values.owner as string | undefined) ?? '',
      expiresAt,
      actor: ctx.actor,
    });
    if (ctx.json) ctx.printJson(m);
    else ctx.print(`mute #${m.id} on ${findingId} until ${m.expiresAt.slice(0, 10)} (owner ${m.owner})`);
    return EXIT.ok;
  },
};
