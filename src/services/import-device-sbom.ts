/**
 * `import device-sbom`: a manufacturer's SBOM for a device model (and firmware), stored once and
 * applied to every device asset of that model — now, and to devices imported later. The SBOM is
 * read by the same adapters as any SBOM; it creates no asset of its own.
 */
import { canonicalJson } from '../core/canonical-json.js';
import { sha256Hex } from '../core/digest.js';
import { AppError } from '../core/errors.js';
import { deviceModelKey } from '../sources/devices/contract.js';
import { readInventoryFile } from '../sources/read-inventory.js';
import type { Db } from '../store/db.js';
import { appendAudit } from '../store/repositories/audit.js';
import { insertDeviceSbom } from '../store/repositories/device-sboms.js';
import { claimImport, recordImport, setImportSummary } from '../store/repositories/imports.js';
import { linkDeviceSboms } from './link-device-sboms.js';
import { noChanges, type RefreshSummary, refreshFindings } from './refresh-findings.js';

export interface DeviceSbomTarget {
  manufacturer?: string;
  model: string;
  /** The firmware the SBOM describes; omitted → every firmware of the model. */
  firmware?: string;
}

export interface ImportDeviceSbomResult {
  status: 'imported' | 'unchanged';
  importId: number;
  modelKey: string;
  firmware: string | null;
  components: number;
  rejected: { ref: string; reason: string }[];
  devices: number;
  findings: RefreshSummary;
}

/** Import a device model's SBOM and apply it to the model's devices. */
export async function importDeviceSbom(
  db: Db,
  path: string,
  target: DeviceSbomTarget,
  opts: { actor: string; at?: Date },
): Promise<ImportDeviceSbomResult> {
  if (!target.model.trim()) throw new AppError('USAGE', { reason: 'a device model is required' });
  const at = opts.at ?? new Date();
  const extraction = await readInventoryFile(path);
  const modelKey = deviceModelKey(target.manufacturer, target.model);
  const firmware = target.firmware ?? null;
  const base = {
    modelKey,
    firmware,
    components: extraction.components.length,
    rejected: extraction.rejected,
  };
  return db.transaction(async (tx) => {
    const key = {
      kind: 'device-sbom' as const,
      sha256: extraction.sha256,
      target: modelKey,
      optionsDigest: sha256Hex(canonicalJson({ firmware })),
    };
    const prior = await claimImport(tx, key);
    if (prior)
      return { ...base, status: 'unchanged' as const, importId: prior.id, devices: 0, findings: noChanges() };
    const importId = await recordImport(tx, {
      ...key,
      adapter: extraction.adapter.id,
      adapterVersion: extraction.adapter.version,
      source: path,
      importedAt: at,
    });
    const id = await insertDeviceSbom(tx, {
      importId,
      modelKey,
      firmware,
      adapter: extraction.adapter.id,
      components: extraction.components,
      rejected: extraction.rejected,
      at,
    });
    const linked = await linkDeviceSboms(tx, { actor: opts.actor, at });
    const summary = {
      deviceSbomId: id,
      modelKey,
      firmware,
      components: base.components,
      rejected: base.rejected.length,
      devices: linked.assetIds.length,
    };
    await setImportSummary(tx, importId, summary);
    await appendAudit(
      tx,
      {
        actor: opts.actor,
        action: 'import.device-sbom',
        entityType: 'import',
        entityId: String(importId),
        data: { source: path, sha256: extraction.sha256, ...summary },
        at,
      },
      ...linked.events,
    );
    const findings = await refreshFindings(tx, linked.assetIds, { at, actor: opts.actor });
    return { ...base, status: 'imported' as const, importId, devices: linked.assetIds.length, findings };
  });
}
