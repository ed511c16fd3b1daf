/**
 * `import sbom`: one inventory file becomes one asset with its components and findings, in one
 * transaction, with audit events. The same bytes imported into the same asset again change nothing.
 */
import { canonicalJson } from '../core/canonical-json.js';
import { sha256Hex } from '../core/digest.js';
import type { AssetRecord } from '../core/inventory.js';
import { readInventoryFile } from '../sources/read-inventory.js';
import type { Db } from '../store/db.js';
import { upsertAsset } from '../store/repositories/assets.js';
import { appendAudit } from '../store/repositories/audit.js';
import { syncComponents } from '../store/repositories/components.js';
import { claimImport, recordImport, setImportSummary } from '../store/repositories/imports.js';
import { noChanges, type RefreshSummary, refreshFindings } from './refresh-findings.js';

/** What the importer may say about the asset beyond what the SBOM says. */
export type AssetOverrides = Partial<Omit<AssetRecord, 'tags'>> & {
  tags?: Record<string, string>;
  phi?: boolean;
};

export interface ImportSbomOptions {
  actor: string;
  at?: Date;
  asset?: AssetOverrides;
  maxBytes?: number;
}

export interface ImportSbomResult {
  status: 'imported' | 'unchanged';
  importId: number;
  file: string;
  sha256: string;
  adapter: { id: string; version: string };
  asset: {
    id: number | null;
    externalId: string;
    name: string;
    created: boolean;
    phi: boolean | null;
    phiSource: string | null;
  };
  components: { total: number; added: number; removed: number; kept: number };
  rejected: { ref: string; reason: string }[];
  findings: RefreshSummary;
}

/** Import one SBOM file into the store. */
export async function importSbom(db: Db, path: string, opts: ImportSbomOptions): Promise<ImportSbomResult> {
  const at = opts.at ?? new Date();
  const extraction = await readInventoryFile(path, opts.maxBytes ? { maxBytes: opts.maxBytes } : {});
  const { phi: phiOverride, tags, ...fields } = opts.asset ?? {};
  const record: AssetRecord = {
    ...extraction.asset,
    ...fields,
    tags: { ...extraction.asset.tags, ...tags },
  };
  const base = {
    file: path,
    sha256: extraction.sha256,
    adapter: extraction.adapter,
    rejected: extraction.rejected,
  };
  // Canonical (sorted-key) JSON of what the importer said, so key order on the command line
  // does not make a new import.
  const optionsDigest = opts.asset ? sha256Hex(canonicalJson(opts.asset)) : '';
  const key = { kind: 'sbom', sha256: extraction.sha256, target: record.externalId, optionsDigest } as const;
  return db.transaction(async (tx) => {
    const prior = await claimImport(tx, key);
    if (prior) {
      return {
        ...base,
        status: 'unchanged',
        importId: prior.id,
        asset: {
          id: null,
          externalId: record.externalId,
          name: record.name,
          created: false,
          phi: null,
          phiSource: null,
        },
        components: {
          total: extraction.components.length,
          added: 0,
          removed: 0,
          kept: extraction.components.length,
        },
        findings: noChanges(),
      } satisfies ImportSbomResult;
    }
    const importId = await recordImport(tx, {
      ...key,
      adapter: extraction.adapter.id,
      adapterVersion: extraction.adapter.version,
      source: path,
      importedAt: at,
    });
    const upserted = await upsertAsset(
      tx,
      record,
      { source: extraction.adapter.id, ref: path, importId, at },
      phiOverride,
    );
    const asset = upserted.asset;
    const sync = await syncComponents(tx, asset.id, extraction.components, extraction.adapter.id, at);
    const summary = {
      assetId: asset.id,
      components: extraction.components.length,
      ...sync,
      rejected: extraction.rejected.length,
    };
    await setImportSummary(tx, importId, summary);
    await appendAudit(
      tx,
      {
        actor: opts.actor,
        action: 'import.sbom',
        entityType: 'import',
        entityId: String(importId),
        data: { source: path, sha256: extraction.sha256, adapter: extraction.adapter, ...summary },
        at,
      },
      {
        actor: opts.actor,
        action: upserted.created ? 'asset.created' : 'asset.updated',
        entityType: 'asset',
        entityId: String(asset.id),
        data: {
          externalId: asset.externalId,
          name: asset.name,
          kind: asset.kind,
          phi: asset.phi,
          phiSource: asset.phiSource,
          changed: upserted.changed,
        },
        at,
      },
      ...(extraction.rejected.length === 0
        ? []
        : [
            {
              actor: opts.actor,
              action: 'import.rejected-records',
              entityType: 'import',
              entityId: String(importId),
              // References only (bom-refs, pointers): rejected records are listed, never dropped silently.
              data: { count: extraction.rejected.length, records: extraction.rejected.slice(0, 1000) },
              at,
            },
          ]),
    );
    const findings = await refreshFindings(tx, [asset.id], { at, actor: opts.actor });
    return {
      ...base,
      status: 'imported' as const,
      importId,
      asset: {
        id: asset.id,
        externalId: asset.externalId,
        name: asset.name,
        created: upserted.created,
        phi: asset.phi,
        phiSource: asset.phiSource,
      },
      components: { total: extraction.components.length, ...sync },
      findings,
    };
  });
}
