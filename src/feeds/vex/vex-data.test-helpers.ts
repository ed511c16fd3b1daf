/**
 * Test-only helpers: paths of the shared VEX samples (shared/data/sbom/vex-examples, see the
 * README there for provenance), a cached reader, and an OpenVEX writer for the round-trip property.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sbomPath } from '../../sources/shared-data.test-helpers.js';
import { readVexFile } from './read-vex.js';
import type { VexProduct, VexReadResult, VexStatement } from './types.js';

/** Absolute path of a file under shared/data/sbom/vex-examples. */
export function vexPath(relative: string): string {
  return sbomPath(`vex-examples/${relative}`);
}

const cache = new Map<string, Promise<VexReadResult>>();

/** readVexFile on a shared sample, cached across tests. */
export function readSample(relative: string): Promise<VexReadResult> {
  let result = cache.get(relative);
  if (!result) {
    result = readVexFile(vexPath(relative));
    cache.set(relative, result);
  }
  return result;
}

export { appErrorOf } from '../../core/errors.test-helpers.js';

/** Write `text` to a fresh temporary file and return its path. */
export function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'vex-')), name);
  writeFileSync(path, text);
  return path;
}

/** How the writer spells one product: which of the equivalent OpenVEX forms to use. */
export interface ProductSpelling {
  /** Put a purl-only product's purl in `@id` rather than `identifiers.purl`. */
  purlAsId: boolean;
  /** Write the 0.0.x string form when the product is just a purl. */
  asString: boolean;
}

/**
 * Write statements (all from one OpenVEX document, same author) back as an OpenVEX 0.2.0
 * document; `spell` picks among equivalent spellings so the property covers all of them.
 * `omitTimestamp` leaves out a statement timestamp equal to the document's (it is inherited).
 */
export function writeOpenVex(
  statements: VexStatement[],
  doc: { author?: string; timestamp?: string },
  spell: (path: string) => ProductSpelling,
  omitTimestamp: boolean,
): Record<string, unknown> {
  return {
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': 'https://openvex.dev/docs/example/property',
    ...(doc.author === undefined ? {} : { author: doc.author }),
    ...(doc.timestamp === undefined ? {} : { timestamp: doc.timestamp }),
    version: 1,
    statements: statements.map((s, i) => ({
      vulnerability: { name: s.vulnerability, ...(s.aliases.length ? { aliases: s.aliases } : {}) },
      products: s.products.map((p, j) => writeProduct(p, spell, `${i}/${j}`)),
      status: s.status,
      ...(s.justification === undefined ? {} : { justification: s.justification }),
      ...(s.impactStatement === undefined ? {} : { impact_statement: s.impactStatement }),
      ...(s.actionStatement === undefined ? {} : { action_statement: s.actionStatement }),
      ...(s.detail === undefined ? {} : { status_notes: s.detail }),
      ...(s.timestamp === undefined || (omitTimestamp && s.timestamp === doc.timestamp)
        ? {}
        : { timestamp: s.timestamp }),
    })),
  };
}

function writeProduct(p: VexProduct, spell: (path: string) => ProductSpelling, path: string): unknown {
  const { purlAsId, asString } = spell(path);
  const purlOnly = p.purl !== undefined && p.id === undefined && p.cpe === undefined;
  if (purlOnly && asString && !p.subcomponents) return p.purl;
  const identifiers = {
    ...(p.purl !== undefined && !(purlOnly && purlAsId) ? { purl: p.purl } : {}),
    ...(p.cpe === undefined ? {} : { cpe23: p.cpe }),
  };
  return {
    ...(p.id !== undefined ? { '@id': p.id } : purlOnly && purlAsId ? { '@id': p.purl } : {}),
    ...(Object.keys(identifiers).length ? { identifiers } : {}),
    ...(p.subcomponents
      ? { subcomponents: p.subcomponents.map((c, k) => writeProduct(c, spell, `${path}/${k}`)) }
      : {}),
  };
}

/**
 * A minimal CSAF 2.0 VEX document: products P1 (npm purl), P2 (cpe), P3 (invalid purl) and group
 * G = {P1, P2}; `productTree` members replace the defaults.
 */
export const csafDocument = (vulnerabilities: unknown[], productTree: Record<string, unknown> = {}) => ({
  document: {
    category: 'csaf_vex',
    csaf_version: '2.0',
    publisher: { category: 'vendor', name: 'Acme PSIRT', namespace: 'https://acme.example' },
    title: 't',
    tracking: { id: 'x', current_release_date: '2024-05-01T00:00:00Z' },
  },
  product_tree: {
    full_product_names: [
      { product_id: 'P1', name: 'app 1', product_identification_helper: { purl: 'pkg:npm/app@1' } },
      {
        product_id: 'P2',
        name: 'app 2',
        product_identification_helper: { cpe: 'cpe:2.3:a:acme:app:2:*:*:*:*:*:*:*' },
      },
      { product_id: 'P3', name: 'bad', product_identification_helper: { purl: 'pkg:maven/x@1' } },
    ],
    product_groups: [{ group_id: 'G', product_ids: ['P1', 'P2'] }],
    ...productTree,
  },
  vulnerabilities,
});
