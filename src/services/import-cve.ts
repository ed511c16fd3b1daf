/**
 * `import cve`: NVD CVE API 2.0 pages/records and CVE JSON 5 records (one file or a folder, read
 * recursively) into `cve_intel` in one transaction. Each row carries the digest of its normalised
 * record, so a re-import writes only what changed, and the findings naming a changed CVE are
 * refreshed so their tier and deadline follow the new CVSS, SSVC and KEV facts.
 */

import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { canonicalJson } from '../core/canonical-json.js';
import { sha256Hex } from '../core/digest.js';
import { AppError } from '../core/errors.js';
import { parseJsonText } from '../core/structured-input.js';
import { readCveIntel } from '../feeds/cve/index.js';
import type { CveIntel, CveIntelFormat } from '../feeds/cve/types.js';
import { listFiles } from '../feeds/osv/files.js';
import { FEED_MANIFEST } from '../feeds/sync/feed-store.js';
import { decodeText } from '../io/decode-text.js';
import { fsError, readBoundedFile } from '../io/read-bounded.js';
import type { Db, Queryable } from '../store/db.js';
import { appendAudit } from '../store/repositories/audit.js';
import { assetsWithFindingsOnIds } from '../store/repositories/findings.js';
import { claimImport, recordImport, setImportSummary } from '../store/repositories/imports.js';
import { upsertCveIntel } from '../store/repositories/intel.js';
import { noChanges, type RefreshSummary, refreshFindings } from './refresh-findings.js';

// One NVD API page holds at most 2000 records (~20–40 MB pretty-printed); 256 MiB leaves room for
// hand-merged pages without letting a stray dump exhaust memory.
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** What `importCveIntel` reports. */
export interface ImportCveResult {
  status: 'imported' | 'unchanged';
  importId: number;
  source: string;
  sha256: string;
  files: number;
  records: number;
  byFormat: Record<CveIntelFormat, number>;
  /** Records superseded by another record of the same CVE and format in this import. */
  duplicates: number;
  /** Rows new or whose record digest changed (0 when unchanged). */
  changed: number;
  skipped: { file: string; reason: string }[];
  assetsRefreshed: number;
  findings: RefreshSummary;
}

type Digested = CveIntel & { recordSha256: string; format: CveIntelFormat };

/** Import CVE intelligence from a JSON file or a folder of them. */
export async function importCveIntel(
  db: Db,
  path: string,
  opts: { actor: string; at?: Date },
): Promise<ImportCveResult> {
  const at = opts.at ?? new Date();
  const { files, skipped } = await inputFiles(path);
  if (files.length === 0) throw new AppError('INPUT_EMPTY', { file: path, reason: 'no .json files found' });
  const digests: string[] = [];
  const byKey = new Map<string, Digested>();
  const byFormat: Record<CveIntelFormat, number> = { 'nvd-2.0': 0, 'cve-5': 0 };
  let records = 0;
  for (const f of files) {
    const bytes = await readBoundedFile(f.abs, MAX_FILE_BYTES);
    digests.push(`${f.rel}\u0000${sha256Hex(bytes)}\n`);
    const read = readCveIntel(parseJsonText(decodeText(bytes, f.abs, { utf16: false }), f.abs), f.abs);
    for (const r of read.records) {
      records++;
      byFormat[read.format]++;
      keepLatest(byKey, `${r.id}\u0000${read.format}`, {
        ...r,
        recordSha256: recordDigest(r),
        format: read.format,
      });
    }
  }
  // The set's identity: names relative to the imported root and their bytes, in sorted order, so
  // the same folder copied elsewhere is still recognised as imported.
  const sha256 = sha256Hex(digests.sort().join(''));
  const base = {
    source: path,
    sha256,
    files: files.length,
    records,
    byFormat,
    duplicates: records - byKey.size,
    skipped,
  };
  return db.transaction(async (tx) => {
    const prior = await claimImport(tx, { kind: 'cve', sha256 });
    if (prior) {
      return {
        ...base,
        status: 'unchanged',
        importId: prior.id,
        changed: 0,
        assetsRefreshed: 0,
        findings: noChanges(),
      } satisfies ImportCveResult;
    }
    const importId = await recordImport(tx, {
      kind: 'cve',
      adapter: 'feeds/cve',
      adapterVersion: '1',
      source: path,
      sha256,
      importedAt: at,
    });
    const all = [...byKey.values()];
    const changedIds = await changedCves(tx, all);
    let changed = 0;
    for (const format of ['nvd-2.0', 'cve-5'] as const) {
      const rows = all.filter((r) => r.format === format);
      if (rows.length) changed += await upsertCveIntel(tx, rows, format, importId, at);
    }
    const assetIds = await assetsWithFindingsOnIds(tx, changedIds);
    const findings = await refreshFindings(tx, assetIds, { at, actor: opts.actor });
    const summary = {
      files: files.length,
      records,
      byFormat,
      duplicates: base.duplicates,
      changed,
      skipped: skipped.length,
      assetsRefreshed: assetIds.length,
    };
    await setImportSummary(tx, importId, summary);
    await appendAudit(tx, {
      actor: opts.actor,
      action: 'import.cve',
      entityType: 'import',
      entityId: String(importId),
      data: { source: path, sha256, ...summary, changedCves: changedIds.slice(0, 5000) },
      at,
    });
    return {
      ...base,
      status: 'imported' as const,
      importId,
      changed,
      assetsRefreshed: assetIds.length,
      findings,
    };
  });
}

/**
 * Digest of what a record says, without where it was read from: moving or renaming a file must
 * not count as a change of the CVE (the row's import id already records the provenance).
 */
export function recordDigest(r: CveIntel): string {
  const { sourceFile: _file, sourcePointer: _pointer, ...content } = r;
  return sha256Hex(canonicalJson(content));
}

// Several files may carry the same CVE (an NVD page and a single-record file): the most recently
// modified record wins, the later file on a tie; one row per (CVE, format) also keeps PostgreSQL's
// ON CONFLICT from seeing a row twice in one statement.
function keepLatest(map: Map<string, Digested>, key: string, r: Digested): void {
  const prev = map.get(key);
  if (prev && instant(prev.modified) > instant(r.modified)) return;
  map.set(key, r);
}

function instant(t: string | null): number {
  if (t === null) return Number.NEGATIVE_INFINITY;
  // NVD writes UTC without a zone designator (readme.md "Choices"): read it as UTC.
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** CVE ids whose stored digest differs from the incoming one (or that are not stored yet). */
async function changedCves(tx: Queryable, rows: readonly Digested[]): Promise<string[]> {
  const ids = [...new Set(rows.map((r) => r.id))];
  const { rows: stored } = await tx.query<{ cve_id: string; record_sha256: string }>(
    'SELECT cve_id, record_sha256 FROM cve_intel WHERE cve_id = ANY($1::text[])',
    [ids],
  );
  const known = new Set(stored.map((s) => `${s.cve_id}\u0000${s.record_sha256}`));
  return [...new Set(rows.filter((r) => !known.has(`${r.id}\u0000${r.recordSha256}`)).map((r) => r.id))];
}

interface InputFile {
  abs: string;
  /** Name relative to the imported root (`/`-separated); the file's own name for a single file. */
  rel: string;
}

/** The JSON files under `path` (or `path` itself), and the rest as skipped with a reason. */
async function inputFiles(
  path: string,
): Promise<{ files: InputFile[]; skipped: ImportCveResult['skipped'] }> {
  const info = await stat(path).catch((err) => {
    throw fsError(err, path);
  });
  if (info.isFile()) return { files: [{ abs: path, rel: basename(path) }], skipped: [] };
  const listed = await listFiles(path);
  const files: InputFile[] = [];
  const skipped = [...listed.skipped];
  for (const rel of listed.files) {
    const abs = join(path, rel);
    const name = basename(rel);
    if (name.startsWith('.')) skipped.push({ file: abs, reason: 'hidden file, not a CVE record' });
    // A synced feed folder (`feeds sync`) carries its manifest beside the pages.
    else if (name === FEED_MANIFEST) skipped.push({ file: abs, reason: 'feed manifest, not a CVE record' });
    else if (!name.toLowerCase().endsWith('.json'))
      skipped.push({ file: abs, reason: 'not a .json file (NVD CVE API 2.0 or CVE JSON 5 expected)' });
    else files.push({ abs, rel });
  }
  return { files, skipped };
}
