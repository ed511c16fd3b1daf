import { AppError, EXIT } from '../../core/errors.js';
import type { SeverityRating } from '../../triage/severity.js';
import type { Command } from '../command.js';
import { progressBar } from '../progress.js';
import { renderTable } from '../table.js';

const FAIL_LEVELS = ['any', 'low', 'medium', 'high', 'critical'] as const;
const RANK: Record<SeverityRating, number> = { unknown: 5, none: 0, low: 1, medium: 2, high: 3, critical: 4 };

/** `scan`: the matcher alone — an SBOM against a folder or zip of OSV records, no database. */
export const scan: Command = {
  path: ['scan'],
  summary: 'Match an SBOM against OSV advisories without touching the database (CI gate)',
  usage: '<sbom> --advisories <dir|zip|file> [--vex <file>]… [--format json|table] [--fail-on <level>]',
  help: `--advisories   folder (recursive), .zip (e.g. osv.dev <ECOSYSTEM>/all.zip) or one OSV JSON/YAML file
--format       json prints {"findings":[{"component":{"purl"},"advisory","aliases","fixed"}],…}
--vex          CycloneDX VEX, OpenVEX or CSAF VEX document (repeatable): findings the supplier states
               are not_affected or fixed move to "suppressed", with the statement as evidence
--missing-epoch  auto|zero: when an installed version has no epoch but the advisory's has one,
               assume the advisory's (auto, default for rpm as grype) or read it as 0 (zero,
               the package manager's rule, default elsewhere)
--fail-on      exit 1 when a finding is at least this severe: ${FAIL_LEVELS.join(', ')}
               (a finding with no usable severity counts as failing at every level)`,
  options: {
    advisories: { type: 'string' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    vex: { type: 'string', multiple: true },
    'missing-epoch': { type: 'string' },
  },
  async run(ctx) {
    const [file, ...extra] = ctx.positionals;
    const advisoriesPath = ctx.values.advisories as string | undefined;
    if (!file || extra.length) throw new AppError('USAGE', { reason: 'expected exactly one <sbom>' });
    if (!advisoriesPath) throw new AppError('USAGE', { reason: '--advisories <dir|zip|file> is required' });
    const format = (ctx.values.format as string | undefined) ?? (ctx.json ? 'json' : 'table');
    if (format !== 'json' && format !== 'table')
      throw new AppError('USAGE', { reason: `unknown --format '${format}'` });
    const failOn = ctx.values['fail-on'] as string | undefined;
    if (failOn !== undefined && !(FAIL_LEVELS as readonly string[]).includes(failOn)) {
      throw new AppError('USAGE', { reason: `--fail-on must be one of ${FAIL_LEVELS.join(', ')}` });
    }
    // Loaded here, not at the top: `version compare` and `--help` start without parsers and schemas.
    const [
      { readInventoryFile },
      { readAdvisories },
      { buildAdvisoryIndex },
      { matchComponents },
      { AliasGroups, mergeMatches },
      { assessSeverity },
      { schemeForEcosystem },
      { readVexFile },
      { vexIndex, suppresses },
    ] = await Promise.all([
      import('../../sources/read-inventory.js'),
      import('../../feeds/osv/read-advisories.js'),
      import('../../matching/advisory-index.js'),
      import('../../matching/match.js'),
      import('../../matching/merge-aliases.js'),
      import('../../triage/severity.js'),
      import('../../versioning/api.js'),
      import('../../feeds/vex/read-vex.js'),
      import('../../matching/apply-vex.js'),
    ]);

    const inventory = await readInventoryFile(file);
    const bar = progressBar(ctx.io, 'advisories', format === 'json');
    const read = await readAdvisories(advisoriesPath, { onProgress: (d, t) => bar.update(d, t) });
    bar.stop();
    const index = buildAdvisoryIndex(read.records.map((r) => r.advisory));
    const missingEpoch = ctx.values['missing-epoch'] as string | undefined;
    if (missingEpoch !== undefined && missingEpoch !== 'auto' && missingEpoch !== 'zero') {
      throw new AppError('USAGE', { reason: '--missing-epoch must be auto or zero' });
    }
    const result = matchComponents(inventory.components, index, missingEpoch ? { missingEpoch } : {});
    const groups = new AliasGroups();
    for (const r of read.records) groups.add(r.advisory);
    const merged = mergeMatches(result.matches, groups, (m) =>
      m.component.ecosystem ? schemeForEcosystem(m.component.ecosystem) : undefined,
    );

    const statements = [];
    for (const f of (ctx.values.vex as string[] | undefined) ?? [])
      statements.push(...(await readVexFile(f)).statements);
    const vex = vexIndex(statements);
    const decided = merged.map((m) => ({ m, vex: vex.decide(m.component, [m.advisory.id, ...m.aliases]) }));
    const suppressed = decided
      .filter((d) => d.vex && suppresses(d.vex.status))
      .map(({ m, vex: v }) => ({ component: { purl: m.component.purl }, advisory: m.advisory.id, vex: v }));
    const findings = decided
      .filter((d) => !(d.vex && suppresses(d.vex.status)))
      .map(({ m }) => m)
      .map((m) => ({
        component: { purl: m.component.purl },
        advisory: m.advisory.id,
        aliases: m.aliases,
        fixed: m.fixed,
        severity: assessSeverity(m.advisory, m.affected).rating,
      }))
      .sort((a, b) => cmp(a.component.purl, b.component.purl) || cmp(a.advisory, b.advisory));
    const unknown = result.unknown
      .map((u) => ({ component: { purl: u.component.purl }, advisory: u.advisory.id, reason: u.reason }))
      .sort((a, b) => cmp(a.component.purl, b.component.purl) || cmp(a.advisory, b.advisory));

    if (format === 'json') {
      ctx.printJson({
        findings: findings.map(({ severity: _s, ...f }) => f),
        unknown,
        unknownRelease: result.unknownRelease.map((c) => ({ purl: c.purl })),
        suppressed,
        summary: {
          sbom: file,
          components: inventory.components.length,
          rejected: inventory.rejected.length,
          advisories: index.size,
          withdrawnIgnored: index.withdrawn,
          findings: findings.length,
          unknown: unknown.length,
          suppressedByVex: suppressed.length,
          notMatched: result.skipped,
        },
      });
    } else {
      ctx.print(
        findings.length
          ? renderTable(
              ['PURL', 'ADVISORY', 'SEVERITY', 'FIXED', 'ALIASES'],
              findings.map((f) => [f.component.purl, f.advisory, f.severity, f.fixed, f.aliases.join(',')]),
            )
          : 'No findings.',
      );
      ctx.print(
        `${findings.length} findings, ${unknown.length} unknown, ${inventory.components.length} components, ${index.size} advisories`,
      );
      for (const u of unknown)
        ctx.io.stderr.write(`unknown: ${u.component.purl} ${u.advisory}: ${u.reason}\n`);
    }
    if (failOn === undefined) return EXIT.ok;
    const threshold = failOn === 'any' ? 0 : RANK[failOn as SeverityRating];
    const failing = findings.some((f) => RANK[f.severity] >= threshold) || unknown.length > 0;
    return failing ? EXIT.findings : EXIT.ok;
  },
};

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
