/**
 * Feed commands: `import cve`, `import epss`, `import csaf` (a read-only device report),
 * `feeds sync` and `feeds status`. The work is in src/services and src/feeds; these print it.
 */
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError, EXIT } from '../../core/errors.js';
import { FEED_SOURCE_IDS, type FeedSourceId } from '../../feeds/sync/sources.js';
import { DEVICE_TAGS } from '../../sources/devices/contract.js';
import type { Command, CommandContext } from '../command.js';
import { type Progress, progressBar } from '../progress.js';

function onePath(ctx: CommandContext, what: string): string {
  const [p, ...extra] = ctx.positionals;
  if (!p || extra.length) throw new AppError('USAGE', { reason: `expected exactly one <${what}>` });
  return p;
}

async function home(ctx: CommandContext): Promise<string> {
  const { patchwardenHome } = await import('../../store/open.js');
  return patchwardenHome(ctx.io.env);
}

/** `import cve`: NVD CVE API 2.0 / CVE JSON 5 records into the store. */
export const importCveCommand: Command = {
  path: ['import', 'cve'],
  summary:
    'Import CVE records (NVD CVE API 2.0 pages, CVE JSON 5; file or folder); re-tiers affected findings',
  usage: '<file|folder> [--json]',
  help: `Folders are read recursively; files other than .json are listed as skipped. One bad record
anywhere fails the whole import with its file and JSON pointer; nothing is written.
Re-importing the same files changes nothing.`,
  async run(ctx) {
    const path = onePath(ctx, 'file|folder');
    const { importCveIntel } = await import('../../services/import-cve.js');
    const r = await importCveIntel(await ctx.db(), path, { actor: ctx.actor });
    if (ctx.json) ctx.printJson(r);
    else if (r.status === 'unchanged')
      ctx.print(
        `${path}: these ${r.files} files were already imported (import #${r.importId}); nothing changed`,
      );
    else {
      ctx.print(
        `${path}: ${r.records} records from ${r.files} files (NVD 2.0: ${r.byFormat['nvd-2.0']}, CVE 5: ${r.byFormat['cve-5']}, ${r.duplicates} superseded duplicates), ${r.changed} new or changed
findings on ${r.assetsRefreshed} assets: ${r.findings.retiered} re-tiered, ${r.findings.opened} opened, ${r.findings.resolved} resolved`,
      );
    }
    if (!ctx.json) for (const s of r.skipped) ctx.io.stderr.write(`skipped ${s.file}: ${s.reason}\n`);
    return EXIT.ok;
  },
};

/** `import epss`: one FIRST EPSS scores file. */
export const importEpssCommand: Command = {
  path: ['import', 'epss'],
  summary: 'Import FIRST EPSS scores (daily .csv.gz or plain CSV); re-tiers findings whose score changed',
  usage: '<epss_scores.csv[.gz]> [--json]',
  async run(ctx) {
    const file = onePath(ctx, 'file');
    const { importEpss } = await import('../../services/import-epss.js');
    const r = await importEpss(await ctx.db(), file, { actor: ctx.actor });
    if (ctx.json) ctx.printJson(r);
    else if (r.status === 'unchanged')
      ctx.print(`${file}: already imported (import #${r.importId}); nothing changed`);
    else {
      ctx.print(
        `${file}: ${r.rows} scores (model ${r.modelVersion ?? 'not stated'}, date ${r.scoreDate ?? 'not stated'}), ${r.changed} changed
findings on ${r.assetsRefreshed} assets: ${r.findings.retiered} re-tiered`,
      );
      for (const n of r.notes) ctx.io.stderr.write(`note: ${n}\n`);
    }
    return EXIT.ok;
  },
};

/** `feeds sync`: download the feeds into PATCHWARDEN_HOME/feeds and import the updated ones. */
export const feedsSync: Command = {
  path: ['feeds', 'sync'],
  summary: 'Download KEV, EPSS, OSV, CISA CSAF and NVD feeds (conditional, atomic) and import what changed',
  usage: `[--feed ${FEED_SOURCE_IDS.join('|')}]… [--json]`,
  help: `Feeds land in PATCHWARDEN_HOME/feeds/<id>/current with a manifest (URL, time, sha256).
A feed that fails keeps its previous files and data in force; the others carry on (exit 3).
Sources: PATCHWARDEN_FEED_<ID>_URL (KEV, EPSS, OSV, CSAF_ICS, NVD), PATCHWARDEN_FEED_MIRROR,
PATCHWARDEN_OSV_ECOSYSTEMS (comma-separated). CSAF: the ROLIE feed, then its documents
(PATCHWARDEN_CSAF_INCLUDE prefixes, default ICSMA-) as csaf-ics-docs, synced only (use
'import csaf'). NVD only with --feed nvd: paged API, incremental after the first run,
NVD_API_KEY (sent as a header), PATCHWARDEN_NVD_DELAY_MS (pacing between requests).`,
  options: { feed: { type: 'string', multiple: true } },
  async run(ctx) {
    if (ctx.positionals.length)
      throw new AppError('USAGE', { reason: 'feeds sync takes no positional arguments' });
    const only = feedsOption(ctx);
    const { feedConfigFromEnv } = await import('../../feeds/sync/sources.js');
    const { syncAndImportFeeds } = await import('../../services/sync-feeds.js');
    // Only KEV, EPSS, OSV and NVD are imported: a CSAF-only run never opens the store.
    const needsDb = !only || only.some((s) => s !== 'csaf-ics');
    const bars = fileBars(ctx);
    const r = await syncAndImportFeeds(needsDb ? await ctx.db() : null, {
      home: await home(ctx),
      only,
      config: feedConfigFromEnv(ctx.io.env),
      actor: ctx.actor,
      onProgress: bars.progress,
    });
    bars.stop();
    if (ctx.json) ctx.printJson(r);
    else for (const f of r.feeds) ctx.print(describeFeed(f));
    return r.ok ? EXIT.ok : EXIT.upstream;
  },
};

function feedsOption(ctx: CommandContext): FeedSourceId[] | undefined {
  const feeds = (ctx.values.feed as string[] | undefined) ?? [];
  for (const f of feeds) {
    if (!(FEED_SOURCE_IDS as readonly string[]).includes(f))
      throw new AppError('USAGE', { reason: `--feed must be one of ${FEED_SOURCE_IDS.join(', ')}` });
  }
  return feeds.length ? (feeds as FeedSourceId[]) : undefined;
}

// One bar per file (src/feeds/sync/readme.md "Progress"): a new feed/file stops the previous bar.
function fileBars(ctx: CommandContext) {
  let key = '';
  let bar: Progress | undefined;
  return {
    progress(p: { feed: string; file: string; bytes: number; total: number | null }) {
      const k = `${p.feed} ${p.file}`;
      if (k !== key) {
        bar?.stop();
        key = k;
        bar = progressBar(ctx.io, k, ctx.json);
      }
      bar?.update(p.bytes, p.total ?? p.bytes);
    },
    stop: () => bar?.stop(),
  };
}

type FeedLine = Awaited<
  ReturnType<typeof import('../../services/sync-feeds.js').syncAndImportFeeds>
>['feeds'][number];

function describeFeed(f: FeedLine): string {
  const lines = [`${f.id}: ${f.outcome}`];
  for (const file of f.files)
    lines.push(`  ${file.url}  sha256 ${file.sha256 || '-'}  ${file.bytes} bytes  (${file.status})`);
  if (f.error)
    lines.push(
      `  ${f.error.detail}`,
      `  previous data kept${f.syncedAt ? ` (synced ${f.syncedAt})` : ' (none yet)'}`,
    );
  const i = f.imported;
  const counts = i.summary
    ? ` ${Object.entries(i.summary)
        .filter(([, v]) => typeof v !== 'object' || v === null)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`
    : '';
  lines.push(`  import: ${i.status}${counts}${i.note ? ` — ${i.note}` : ''}`);
  if (i.error) lines.push(`  ${i.error.detail}`);
  return lines.join('\n');
}

/** `feeds status`: what each feed's manifest in force says. */
export const feedsStatus: Command = {
  path: ['feeds', 'status'],
  summary: 'Show the feed data in force: per file URL, retrieval time, sha256 and size',
  usage: '[--json]',
  async run(ctx) {
    const { feedPaths, readCurrentManifest } = await import('../../feeds/sync/feed-store.js');
    const { feedConfigFromEnv, planFeeds } = await import('../../feeds/sync/sources.js');
    const root = await home(ctx);
    // The planned feeds (never synced ones included) and any other feed folder already present.
    const ids = new Set(planFeeds(feedConfigFromEnv(ctx.io.env)).map((p) => p.id));
    const present = await readdir(join(root, 'feeds')).catch(() => [] as string[]);
    for (const id of present) ids.add(id);
    const feeds = [];
    for (const id of [...ids].sort()) {
      const m = await readCurrentManifest(feedPaths(root, id));
      feeds.push({
        id,
        synced: m !== null,
        syncedAt: m?.syncedAt ?? null,
        digest: m?.digest ?? null,
        files: Object.entries(m?.files ?? {}).map(([name, e]) => ({
          name,
          url: e.url,
          retrievedAt: e.retrievedAt,
          sha256: e.sha256,
          bytes: e.bytes,
        })),
      });
    }
    if (ctx.json) ctx.printJson({ home: root, feeds });
    else {
      for (const f of feeds) {
        ctx.print(f.synced ? `${f.id}: synced ${f.syncedAt}` : `${f.id}: never synced`);
        for (const file of f.files)
          ctx.print(
            `  ${file.url}  retrieved ${file.retrievedAt}  sha256 ${file.sha256}  ${file.bytes} bytes`,
          );
      }
    }
    return EXIT.ok;
  },
};

/** `import csaf`: which device assets CSAF advisories name (read-only, nothing stored). */
export const importCsafCommand: Command = {
  path: ['import', 'csaf'],
  summary: 'Report the device assets that CSAF advisories (CISA ICSMA, vendor) match; stores nothing',
  usage: '<file|folder> [--json]',
  help: `Reads CSAF 2.0 JSON files (folders recursively) and matches every medical-device asset by
CPE, purl, model number or vendor + model name and firmware (src/feeds/csaf/readme.md).
Exit 1 when any device matches.`,
  async run(ctx) {
    const path = onePath(ctx, 'file|folder');
    const { matchDevices, readCsafFile } = await import('../../feeds/csaf/index.js');
    const devices = await deviceFacts(await ctx.db());
    const report = [];
    for (const file of await csafFiles(path)) {
      const a = await readCsafFile(file);
      const { matches } = matchDevices(a, devices);
      report.push({ file, advisory: a.id, title: a.title, rejected: a.rejected.length, matches });
    }
    const total = report.reduce((n, r) => n + r.matches.length, 0);
    if (ctx.json) ctx.printJson({ devices: devices.length, advisories: report });
    else {
      for (const r of report) {
        ctx.print(`${r.advisory}: ${r.title} — ${r.matches.length} device matches`);
        for (const m of r.matches)
          ctx.print(
            `  ${m.device}  ${m.cve}  ${m.productName}  (${m.how}, ${m.confidence}${m.reason ? `: ${m.reason}` : ''})  versions ${m.versions}`,
          );
      }
      ctx.print(`${total} matches on ${devices.length} device assets`);
    }
    return total > 0 ? EXIT.findings : EXIT.ok;
  },
};

async function deviceFacts(db: Awaited<ReturnType<CommandContext['db']>>) {
  const { listAssets } = await import('../../store/repositories/assets.js');
  const { presentComponents } = await import('../../store/repositories/components.js');
  const assets = (await listAssets(db)).filter((a) => a.kind === 'medical-device');
  const components = await presentComponents(
    db,
    assets.map((a) => a.id),
  );
  const byAsset = new Map<number, { purl: string }[]>();
  for (const c of components) byAsset.set(c.assetId, [...(byAsset.get(c.assetId) ?? []), { purl: c.purl }]);
  return assets.map((a) => {
    const manufacturer = a.tags[DEVICE_TAGS.manufacturer];
    const model = a.tags[DEVICE_TAGS.model];
    return {
      externalId: a.externalId,
      ...(manufacturer ? { manufacturer } : {}),
      ...(model ? { model } : {}),
      ...(a.version ? { version: a.version } : {}),
      components: byAsset.get(a.id) ?? [],
    };
  });
}

async function csafFiles(path: string): Promise<string[]> {
  const { stat } = await import('node:fs/promises');
  const { fsError } = await import('../../io/read-bounded.js');
  const info = await stat(path).catch((err) => {
    throw fsError(err, path);
  });
  if (info.isFile()) return [path];
  const { listFiles } = await import('../../feeds/osv/files.js');
  const { FEED_MANIFEST } = await import('../../feeds/sync/feed-store.js');
  // CSAF documents are .json; sidecars (.sha512, .asc) and a mirror's manifest are not advisories.
  const files = (await listFiles(path)).files
    .filter((f) => f.endsWith('.json') && basename(f) !== FEED_MANIFEST)
    .map((f) => join(path, f));
  if (files.length === 0) throw new AppError('INPUT_EMPTY', { file: path, reason: 'no .json files found' });
  return files;
}
