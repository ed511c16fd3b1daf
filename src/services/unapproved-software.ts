/**
 * Shadow IT report: the present components of governed assets that the organisation's
 * approved-software list does not approve (core/approved-software.ts has the rules).
 */
import {
  type ApprovedSoftwarePolicy,
  compileApprovedSoftware,
  parseApprovedSoftware,
} from '../core/approved-software.js';
import type { AssetKind } from '../core/inventory.js';
import { parseYamlText } from '../core/structured-input.js';
import { decodeText } from '../io/decode-text.js';
import { readBoundedFile } from '../io/read-bounded.js';
import type { Queryable } from '../store/db.js';

export interface UnapprovedAsset {
  assetId: number;
  externalId: string;
  name: string;
  kind: AssetKind;
  phi: boolean;
  unapproved: { purl: string; name: string; version: string | null; foundBy: string }[];
}

/** Read and validate an approved-software policy file (YAML or JSON). */
export async function readApprovedSoftware(file: string): Promise<ApprovedSoftwarePolicy> {
  const text = decodeText(await readBoundedFile(file, 4 * 1024 * 1024), file);
  return parseApprovedSoftware(parseYamlText(text, file), file);
}

/** Every governed asset with at least one unapproved present component, PHI assets first. */
export async function findUnapprovedSoftware(
  db: Queryable,
  policy: ApprovedSoftwarePolicy,
): Promise<UnapprovedAsset[]> {
  const compiled = compileApprovedSoftware(policy);
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT a.id, a.external_id, a.name AS asset_name, a.kind, a.phi, c.purl, c.name, c.version, c.found_by
     FROM components c JOIN assets a ON a.id = c.asset_id
     WHERE c.removed_at IS NULL AND a.kind = ANY($1::text[])
     ORDER BY a.phi DESC, a.name, a.id, c.purl`,
    [policy.appliesTo],
  );
  const byAsset = new Map<number, UnapprovedAsset>();
  for (const r of rows) {
    const kind = r.kind as AssetKind;
    const c = { purl: r.purl as string, name: r.name as string };
    if (compiled.approves(kind, c) !== -1) continue;
    const id = Number(r.id);
    let entry = byAsset.get(id);
    if (!entry) {
      entry = {
        assetId: id,
        externalId: r.external_id as string,
        name: r.asset_name as string,
        kind,
        phi: r.phi as boolean,
        unapproved: [],
      };
      byAsset.set(id, entry);
    }
    entry.unapproved.push({
      ...c,
      version: (r.version as string | null) ?? null,
      foundBy: r.found_by as string,
    });
  }
  return [...byAsset.values()];
}
