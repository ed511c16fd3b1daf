import { AppError, EXIT } from '../../core/errors.js';
import { listAssets } from '../../store/repositories/assets.js';
import type { Command } from '../command.js';
import { renderTable } from '../table.js';

/** `inventory show <file>`: what the matching adapter extracts from one file; no database. */
export const inventoryShow: Command = {
  path: ['inventory', 'show'],
  summary: 'Show what an inventory adapter extracts from one file (no database)',
  usage: '<file> [--mapping devices-mapping.yaml] [--json]',
  help: `A file of one asset (SBOM) prints {"asset", "components", "rejected"}; a device export
(many assets) prints {"assets": [{"asset", "components", "rejected"}…], "rejected"}.`,
  options: { mapping: { type: 'string' } },
  async run(ctx) {
    const [file, ...extra] = ctx.positionals;
    if (!file || extra.length) throw new AppError('USAGE', { reason: 'expected exactly one <file>' });
    const { readInventoryFile } = await import('../../sources/read-inventory.js');
    const mappingFile = ctx.values.mapping as string | undefined;
    const devices = await readDeviceExport(file, mappingFile);
    if (devices) {
      if (ctx.json)
        ctx.printJson({ sha256: devices.sha256, assets: devices.items, rejected: devices.rejected });
      else {
        ctx.print(
          renderTable(
            ['EXTERNAL ID', 'NAME', 'KIND', 'CRITICALITY', 'SUPPORT', 'COMPONENTS'],
            devices.items.map((d) => [
              d.asset.externalId,
              d.asset.name,
              d.asset.kind,
              d.asset.clinicalCriticality,
              d.asset.supportStatus,
              d.components.length,
            ]),
          ),
        );
        for (const x of devices.rejected) ctx.print(`rejected ${x.ref}: ${x.reason}`);
        ctx.print(`${devices.items.length} devices, ${devices.rejected.length} rows rejected`);
      }
      return EXIT.ok;
    }
    const r = await readInventoryFile(file);
    if (ctx.json) {
      ctx.printJson({
        adapter: r.adapter,
        sha256: r.sha256,
        asset: r.asset,
        components: r.components,
        rejected: r.rejected,
      });
      return EXIT.ok;
    }
    ctx.print(
      `${r.asset.name} (${r.asset.kind}) — ${r.adapter.id} v${r.adapter.version}, sha256 ${r.sha256}`,
    );
    ctx.print(
      renderTable(
        ['PURL', 'ECOSYSTEM', 'NAME', 'VERSION'],
        r.components.map((c) => [c.purl, c.ecosystem, c.name, c.version]),
      ),
    );
    for (const x of r.rejected) ctx.print(`rejected ${x.ref}: ${x.reason}`);
    ctx.print(`${r.components.length} components, ${r.rejected.length} rejected`);
    return EXIT.ok;
  },
};

/** `inventory`: the assets in the store with sources, PHI reason and component counts. */
export const inventoryList: Command = {
  path: ['inventory'],
  summary: 'List assets with their sources, PHI classification and component counts',
  usage: '[--phi | --no-phi] [--stale-days N] [--json]',
  help: `--stale-days N  flag assets not seen for more than N days as stale (default: PATCHWARDEN_STALE_DAYS or 30);
                stale assets are listed, never dropped
Flags: stale, phi-in-non-production (PHI on a dev or test system).`,
  options: { phi: { type: 'boolean' }, 'no-phi': { type: 'boolean' }, 'stale-days': { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length) throw new AppError('USAGE', { reason: `unexpected '${ctx.positionals[0]}'` });
    const phi = ctx.values.phi ? true : ctx.values['no-phi'] ? false : undefined;
    const staleRaw = (ctx.values['stale-days'] as string | undefined) ?? ctx.io.env.PATCHWARDEN_STALE_DAYS;
    const staleDays = staleRaw === undefined ? undefined : Number(staleRaw);
    if (staleDays !== undefined && (!Number.isInteger(staleDays) || staleDays < 1)) {
      throw new AppError('USAGE', { reason: '--stale-days must be a positive whole number of days' });
    }
    const assets = await listAssets(await ctx.db(), {
      ...(phi === undefined ? {} : { phi }),
      ...(staleDays === undefined ? {} : { staleDays }),
    });
    if (ctx.json) {
      ctx.printJson({ assets });
      return EXIT.ok;
    }
    ctx.print(
      renderTable(
        [
          'ID',
          'NAME',
          'KIND',
          'ENV',
          'PHI',
          'PHI REASON',
          'COMPONENTS',
          'OPEN',
          'SOURCES',
          'LAST SEEN',
          'FLAGS',
        ],
        assets.map((a) => [
          a.id,
          a.name,
          a.kind,
          a.environment,
          a.phi ? 'yes' : 'no',
          a.phiSource,
          a.components,
          a.openFindings,
          a.sources.join(','),
          a.lastSeen.slice(0, 10),
          a.flags.join(','),
        ]),
      ),
    );
    return EXIT.ok;
  },
};

// A device export is a CSV whose header the mapping recognises; anything else goes to the
// single-asset adapters (which report what the file looks like when none accepts it).
async function readDeviceExport(file: string, mappingFile: string | undefined) {
  if (!mappingFile && !/\.(csv|tsv|txt)$/i.test(file)) return undefined;
  const { readDevices } = await import('../../services/import-devices.js');
  return readDevices(file, mappingFile, { recognisedOnly: !mappingFile });
}

/** `inventory unapproved --policy <file>`: shadow IT, the software no approved-software rule allows. */
export const inventoryUnapproved: Command = {
  path: ['inventory', 'unapproved'],
  summary: 'List installed software that the approved-software policy does not approve (shadow IT)',
  usage: '--policy approved-software.yaml [--json]',
  help: `The policy lists approved software by package URL or name pattern (\`*\` matches any text),
optionally per asset kind; see docs/approved-software.md. Exit 1 when any governed asset runs
unapproved software, so the command can gate a pipeline.`,
  options: { policy: { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length) throw new AppError('USAGE', { reason: `unexpected '${ctx.positionals[0]}'` });
    const file = ctx.values.policy as string | undefined;
    if (!file) throw new AppError('USAGE', { reason: '--policy <file> is required' });
    const { readApprovedSoftware, findUnapprovedSoftware } = await import(
      '../../services/unapproved-software.js'
    );
    const policy = await readApprovedSoftware(file);
    const assets = await findUnapprovedSoftware(await ctx.db(), policy);
    const total = assets.reduce((n, a) => n + a.unapproved.length, 0);
    if (ctx.json)
      ctx.printJson({ policy: file, assets, summary: { assets: assets.length, components: total } });
    else {
      ctx.print(
        renderTable(
          ['ASSET', 'KIND', 'PHI', 'PURL', 'FOUND BY'],
          assets.flatMap((a) =>
            a.unapproved.map((c) => [a.name, a.kind, a.phi ? 'yes' : 'no', c.purl, c.foundBy]),
          ),
        ),
      );
      ctx.print(`${total} unapproved components on ${assets.length} assets`);
    }
    return total > 0 ? EXIT.findings : EXIT.ok;
  },
};
