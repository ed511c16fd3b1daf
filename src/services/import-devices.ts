/**
 * `import devices`: a medical-device CSV/CMDB export read through a column mapping. One file is
 * many assets: all of them, their firmware and software components, and their findings are
 * written in one transaction, so a bad file changes nothing; rows that became no device are
 * listed and audited, never dropped silently.
 */
import { canonicalJson } from '../core/canonical-json.js';
import { sha256Hex } from '../core/digest.js';
import { decodeText } from '../io/decode-text.js';
import { readBoundedFile } from '../io/read-bounded.js';
import { createCsvDevicesAdapter, type DeviceExtraction, readMappingFile } from '../sources/devices/index.js';
import type { Db } from '../store/db.js';
import { appendAudit } from '../store/repositories/audit.js';
import { claimImport, recordImport, setImportSummary } from '../store/repositories/imports.js';
import { attachMds2Forms } from './attach-mds2.js';
import { linkDeviceSboms } from './link-device-sboms.js';
import { noChanges, type RefreshSummary, refreshFindings } from './refresh-findings.js';
import { writeExtractions } from './write-extractions.js';

export interface ImportDevicesResult {
  status: 'imported' | 'unchanged';
  importId: number;
  devices: number;
  created: number;
  rejected: { ref: string; reason: string }[];
  findings: RefreshSummary;
}

/**
 * Read a device export into assets and components without touching the database. The file and
 * the mapping are each read once; `recognisedOnly` returns undefined instead of extracting when
 * the mapping does not recognise the header (how `inventory show` tells a device export apart).
 */
export async function readDevices(
  path: string,
  mappingFile?: string,
  opts: { recognisedOnly?: boolean } = {},
): Promise<(DeviceExtraction & { sha256: string; mappingDigest: string }) | undefined> {
  const bytes = await readBoundedFile(path, 64 * 1024 * 1024);
  const mapping = mappingFile ? readMappingFile(mappingFile) : undefined;
  const adapter = createCsvDevicesAdapter(mapping ? { mapping } : {});
  const input = { file: path, text: decodeText(bytes, path) };
  if (opts.recognisedOnly && !adapter.accepts(input, undefined)) return undefined;
  const extraction = await adapter.extractMany(input, undefined);
  // The mapping decides what the bytes mean: a new mapping over the same export is a new import.
  return {
    ...extraction,
    sha256: sha256Hex(bytes),
    mappingDigest: mapping ? sha256Hex(canonicalJson(mapping)) : '',
  };
}

/** Import a device export. */
export async function importDevices(
  db: Db,
  path: string,
  opts: { actor: string; at?: Date; mappingFile?: string },
): Promise<ImportDevicesResult> {
  const at = opts.at ?? new Date();
  const read = (await readDevices(path, opts.mappingFile))!;
  const optionsDigest = read.mappingDigest;
  return db.transaction(async (tx) => {
    const prior = await claimImport(tx, { kind: 'devices', sha256: read.sha256, optionsDigest });
    const base = { devices: read.items.length, rejected: read.rejected };
    if (prior)
      return { ...base, status: 'unchanged' as const, importId: prior.id, created: 0, findings: noChanges() };
    const importId = await recordImport(tx, {
      kind: 'devices',
      adapter: 'devices/csv',
      adapterVersion: '1',
      source: path,
      sha256: read.sha256,
      optionsDigest,
      importedAt: at,
    });
    const written = await writeExtractions(tx, read.items, {
      source: 'devices/csv',
      ref: (item) => `${path}#${item.asset.externalId}`,
      importId,
      at,
      actor: opts.actor,
    });
    const { assetIds, created, events } = written;
    // Devices of a model whose SBOM was imported earlier get its components now.
    const linked = await linkDeviceSboms(tx, { actor: opts.actor, at, assetIds });
    const summary = { devices: read.items.length, created, rejected: read.rejected.length };
    await setImportSummary(tx, importId, summary);
    await appendAudit(
      tx,
      {
        actor: opts.actor,
        action: 'import.devices',
        entityType: 'import',
        entityId: String(importId),
        data: {
          source: path,
          sha256: read.sha256,
          ...summary,
          rejectedRecords: read.rejected.slice(0, 1000),
        },
        at,
      },
      ...events,
      // Devices of a model whose MDS2 form was imported earlier get it now.
      ...(await attachMds2Forms(tx, { actor: opts.actor, at, assetIds })),
      ...linked.events,
    );
    const findings = await refreshFindings(tx, assetIds, { at, actor: opts.actor });
    return { ...base, status: 'imported' as const, importId, created, findings };
  });
}
