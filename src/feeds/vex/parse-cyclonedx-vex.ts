/**
 * CycloneDX VEX (specVersion 1.4–1.6, §vulnerabilities) → VexStatement: one statement per
 * `vulnerabilities[]` entry, its products the `affects[]` refs. Works for a standalone VEX BOM
 * and for a BOM with embedded VEX (components and vulnerabilities in one document).
 */
import { AppError } from '../../core/errors.js';
import { jsonPointer, validateShape } from '../../core/structured-input.js';
import { compact, distinct, joinText, own, productProblem, quote, Rejections } from './common.js';
import {
  Bom,
  type CdxBom,
  type CdxElement,
  type CdxVulnerability,
  indexElements,
  resolveRef,
} from './cyclonedx-schema.js';
import type { VexParseResult, VexProduct, VexStatement, VexStatus } from './types.js';

/** `vulnerabilities` entered CycloneDX in 1.4 (the first version that can carry VEX). */
export const CYCLONEDX_VEX_SPEC_VERSIONS = ['1.4', '1.5', '1.6'] as const;

// §vulnerabilities.analysis.state → VEX status. `resolved_with_pedigree` is `resolved` with the
// evidence in the component's pedigree; `false_positive` means the vulnerability does not apply.
const STATES: Readonly<Record<string, VexStatus>> = {
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
  false_positive: 'not_affected',
  not_affected: 'not_affected',
};

/** Validate a parsed CycloneDX VEX BOM and map its vulnerabilities to statements. */
export function parseCycloneDxVex(value: unknown, file: string): VexParseResult {
  const bom = validateShape(Bom, value, file);
  if (!(CYCLONEDX_VEX_SPEC_VERSIONS as readonly string[]).includes(bom.specVersion)) {
    throw new AppError('INPUT_UNSUPPORTED_SPEC', {
      file,
      pointer: '/specVersion',
      found: bom.specVersion.slice(0, 12),
      supported: [...CYCLONEDX_VEX_SPEC_VERSIONS],
    });
  }
  const elements = indexElements(bom);
  const rejections = new Rejections();
  const statements: VexStatement[] = [];
  const meta = bom.metadata;
  const author =
    meta?.authors?.find((a) => a.name)?.name ??
    meta?.manufacturer?.name ??
    meta?.manufacture?.name ??
    meta?.supplier?.name;
  for (const [i, vuln] of bom.vulnerabilities.entries()) {
    const at = ['vulnerabilities', i];
    const status = vuln.analysis?.state;
    const mapped = status === undefined ? undefined : own(STATES, status);
    if (!vuln.id) {
      rejections.add(at, 'the vulnerability has no id');
    } else if (status === undefined) {
      // A vulnerability without analysis is a VDR entry (it discloses, it does not assess).
      rejections.add(
        at,
        `${vuln.id}: no analysis.state, so no VEX status (a VDR entry, not a VEX statement)`,
      );
    } else if (mapped === undefined) {
      rejections.add([...at, 'analysis', 'state'], `${vuln.id}: unknown analysis.state ${quote(status)}`);
    } else if (!vuln.affects?.length) {
      rejections.add(at, `${vuln.id}: no affects[], so the statement names no product`);
    } else {
      const products = toProducts(vuln, elements, bom, at, rejections);
      if (products.length === 0) {
        rejections.add(at, `${vuln.id}: none of its affects[] refs is usable`);
        continue;
      }
      statements.push(
        toStatement(vuln, vuln.id, mapped, status, products, file, at, {
          timestamp: vuln.analysis?.lastUpdated ?? vuln.analysis?.firstIssued ?? meta?.timestamp,
          author,
        }),
      );
    }
  }
  return { statements, rejected: rejections.list };
}

function toStatement(
  vuln: CdxVulnerability,
  id: string,
  status: VexStatus,
  written: string,
  products: VexProduct[],
  file: string,
  at: ReadonlyArray<string | number>,
  extra: { timestamp: string | undefined; author: string | undefined },
): VexStatement {
  return {
    vulnerability: id,
    aliases: distinct((vuln.references ?? []).map((r) => (r.id === id ? undefined : r.id))) ?? [],
    products,
    status,
    ...compact({
      justification: vuln.analysis?.justification,
      // §vulnerabilities: `recommendation` and `workaround` are what OpenVEX calls the action statement.
      actionStatement: joinText([vuln.recommendation, vuln.workaround]),
      response: distinct(vuln.analysis?.response ?? []),
      detail: vuln.analysis?.detail,
      timestamp: extra.timestamp,
      author: extra.author,
    }),
    source: { file, format: 'cyclonedx', pointer: jsonPointer(at), status: written },
  };
}

function toProducts(
  vuln: CdxVulnerability,
  elements: Map<string, CdxElement>,
  bom: CdxBom,
  at: ReadonlyArray<string | number>,
  rejections: Rejections,
): VexProduct[] {
  const products: VexProduct[] = [];
  for (const [j, affect] of (vuln.affects ?? []).entries()) {
    const element = resolveRef(affect.ref, elements, bom);
    const product: VexProduct = {
      bomRef: affect.ref,
      ...compact({
        purl: element?.purl,
        cpe: element?.cpe,
        name: element?.name,
        version: element?.version,
      }),
    };
    if (affect.versions?.length) product.versions = affect.versions.map((v) => compact(v));
    const problem = productProblem(product);
    if (problem) rejections.add([...at, 'affects', j], `${vuln.id}: ${problem}`);
    else products.push(product);
  }
  return products;
}
