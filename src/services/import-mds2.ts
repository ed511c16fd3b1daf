/**
 * `import mds2`: a manufacturer's MDS2 form (CSV) stored for its device models and attached to
 * every device asset of those models, in one transaction. Re-importing the same bytes changes
 * nothing; devices imported later pick the form up (import-devices.ts).
 */
import { sha256Hex } from '../core/digest.js';
import { AppError } from '../core/errors.js';
import { decodeText } from '../io/decode-text.js';
import { readBoundedFile } from '../io/read-bounded.js';
import { deviceModelKey } from '../sources/devices/contract.js';
import { mds2Reader } from '../sources/devices/mds2.js';
import type { Db } from '../store/db.js';
import { appendAudit } from '../store/repositories/audit.js';
import { claimImport, recordImport, setImportSummary } from '../store/repositories/imports.js';
import { insertMds2Form } from '../store/repositories/mds2-forms.js';
import { attachMds2Forms } from './attach-mds2.js';

export interface ImportMds2Result {
  status: 'imported' | 'unchanged';
  importId: number;
  formId: number | null;
  manufacturer: string;
  models: string[];
  devices: number;
  rejected: { ref: string; reason: string }[];
}

/** Import one MDS2 form and attach it to the devices of its models. */
export async function importMds2(
  db: Db,
  path: string,
  opts: { actor: string; at?: Date },
): Promise<ImportMds2Result> {
  const at = opts.at ?? new Date();
  const bytes = await readBoundedFile(path, 16 * 1024 * 1024);
  const input = { file: path, text: decodeText(bytes, path) };
  if (!mds2Reader.accepts(input, undefined)) {
    throw new AppError('INPUT_UNRECOGNISED', {
      file: path,
      reason: 'not an MDS2 form exported as CSV (no question id and answer columns)',
    });
  }
  const form = mds2Reader.read(input);
  const sha256 = sha256Hex(bytes);
  const base = { manufacturer: form.manufacturer, models: form.models, rejected: form.rejected };
  return db.transaction(async (tx) => {
    const prior = await claimImport(tx, { kind: 'mds2', sha256 });
    if (prior) return { ...base, status: 'unchanged' as const, importId: prior.id, formId: null, devices: 0 };
    const importId = await recordImport(tx, {
      kind: 'mds2',
      adapter: mds2Reader.id,
      adapterVersion: mds2Reader.version,
      source: path,
      sha256,
      importedAt: at,
    });
    const keys = form.models.map((m) => deviceModelKey(form.manufacturer, m));
    const formId = await insertMds2Form(tx, importId, form, keys, at);
    const events = await attachMds2Forms(tx, { actor: opts.actor, at });
    const summary = {
      formId,
      manufacturer: form.manufacturer,
      models: form.models,
      devices: events.length,
      rejected: form.rejected.length,
    };
    await setImportSummary(tx, importId, summary);
    await appendAudit(
      tx,
      {
        actor: opts.actor,
        action: 'import.mds2',
        entityType: 'import',
        entityId: String(importId),
        data: { source: path, sha256, ...summary, facts: form.facts },
        at,
      },
      ...events,
    );
    return { ...base, status: 'imported' as const, importId, formId, devices: events.length };
  });
}
