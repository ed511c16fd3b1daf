/**
 * The second CSAF feed: the documents the ROLIE feed in force lists (CSAF 2.0 §7.1.15), synced as
 * `csaf-ics-docs`, each verified against its hash file (§7.1.18, `.sha512` at CISA). One document
 * that fails its checksum or download refuses the whole set: the previous documents stay in force.
 */
import { join } from 'node:path';
import { parseJsonText } from '../../core/structured-input.js';
import { readBoundedFile } from '../../io/read-bounded.js';
import { csafDocumentFiles } from './csaf-rolie.js';
import { feedPaths, readCurrentManifest } from './feed-store.js';
import type { FeedConfig, FeedPlan } from './sources.js';

/** Feed id of the CSAF documents, beside `csaf-ics` (the ROLIE feed file). */
export const CSAF_DOCS_FEED_ID = 'csaf-ics-docs';

/** Tracking-id prefixes synced by default: ICSMA, CISA's medical advisories. */
export const DEFAULT_CSAF_INCLUDE = ['ICSMA-'] as const;

const ROLIE_MAX_BYTES = 64 * 1024 * 1024;

/** Matches a tracking id against prefixes, case-insensitively; `*` takes every document. */
export function csafIncludeFilter(prefixes: readonly string[]): (trackingId: string) => boolean {
  if (prefixes.includes('*')) return () => true;
  const lower = prefixes.map((p) => p.toLowerCase());
  return (id) => lower.some((p) => id.toLowerCase().startsWith(p));
}

/**
 * The plan for the documents of the ROLIE feed in force under `home`, or null when no ROLIE feed
 * was synced yet. With a mirror, documents and their hash files are `<mirror>/csaf-ics-docs/<name>`.
 */
export async function planCsafDocuments(home: string, config: FeedConfig = {}): Promise<FeedPlan | null> {
  const rolie = feedPaths(home, 'csaf-ics');
  const manifest = await readCurrentManifest(rolie);
  const name = manifest ? Object.keys(manifest.files)[0] : undefined;
  if (!name) return null;
  const path = join(rolie.current, name);
  const parsed = parseJsonText((await readBoundedFile(path, ROLIE_MAX_BYTES)).toString('utf8'), path);
  const mirror = config.mirror?.replace(/\/+$/, '');
  const files = csafDocumentFiles(parsed, path, {
    include: csafIncludeFilter(config.csafInclude ?? DEFAULT_CSAF_INCLUDE),
    rewrite: mirror
      ? (url) =>
          `${mirror}/${CSAF_DOCS_FEED_ID}/${encodeURIComponent(new URL(url).pathname.split('/').pop() ?? '')}`
      : undefined,
  });
  return { id: CSAF_DOCS_FEED_ID, source: 'csaf-ics', files };
}
