/**
 * Every JSON file in shared/data/sbom/vex-examples is either a VEX document that reads (statement
 * and rejection counts pinned per file) or a neighbouring non-VEX file refused as
 * INPUT_UNRECOGNISED with a reason saying what it is. Concrete statements are pinned per format in
 * cyclonedx.spec.ts, openvex.spec.ts and csaf.spec.ts.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appErrorOf, readSample, vexPath } from './vex-data.test-helpers.js';

// file → format, statements, rejected.
const DOCUMENTS: Array<[string, string, number, number]> = [
  ['cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-1/vex-affected.json', 'cyclonedx', 1, 0],
  ['cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-1/vex-fixed.json', 'cyclonedx', 1, 0],
  ['cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-1/vex-not_affected.json', 'cyclonedx', 1, 0],
  ['cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-1/vex-under_investigation.json', 'cyclonedx', 1, 0],
  ['cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-2/vex.json', 'cyclonedx', 19, 0],
  ['cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-3/vex.json', 'cyclonedx', 19, 0],
  ['cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-4/vex.json', 'cyclonedx', 1, 0],
  ['cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-5/vex.json', 'cyclonedx', 1, 0],
  ['cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-6/vex.json', 'cyclonedx', 2, 0],
  ['cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-7/vex.json', 'cyclonedx', 4, 0],
  ['cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-8/vex.json', 'cyclonedx', 8, 0],
  ['cyclonedx-bom-examples/VEX/Use-Cases/Case-1/vex.json', 'cyclonedx', 1, 0],
  ['cyclonedx-bom-examples/VEX/Use-Cases/Case-10/vex.json', 'cyclonedx', 1, 0],
  ['cyclonedx-bom-examples/VEX/Use-Cases/Case-11/vex.json', 'cyclonedx', 19, 0],
  ['cyclonedx-bom-examples/VEX/Use-Cases/Case-12/vex.json', 'cyclonedx', 3, 0],
  ['cyclonedx-bom-examples/VEX/Use-Cases/Case-13/vex.json', 'cyclonedx', 2, 0],
  ['cyclonedx-bom-examples/VEX/Use-Cases/Case-2/vex.json', 'cyclonedx', 1, 0],
  ['cyclonedx-bom-examples/VEX/Use-Cases/Case-3/vex.json', 'cyclonedx', 1, 0],
  ['cyclonedx-bom-examples/VEX/Use-Cases/Case-4/vex.json', 'cyclonedx', 1, 0],
  ['cyclonedx-bom-examples/VEX/Use-Cases/Case-5/vex.json', 'cyclonedx', 2, 0],
  ['cyclonedx-bom-examples/VEX/Use-Cases/Case-6/vex.json', 'cyclonedx', 1, 0],
  ['cyclonedx-bom-examples/VEX/Use-Cases/Case-7/vex.json', 'cyclonedx', 0, 1],
  ['cyclonedx-bom-examples/VEX/Use-Cases/Case-8/vex.json', 'cyclonedx', 1, 0],
  ['cyclonedx-bom-examples/VEX/Use-Cases/Case-9/vex.json', 'cyclonedx', 19, 0],
  ['cyclonedx-bom-examples/VEX/vex.json', 'cyclonedx', 1, 0],
  ['grype/grype__db__processors__testdata__csaf-vex.json', 'csaf', 2, 0],
  ['grype/grype__db__processors__testdata__openvex.json', 'openvex', 1, 0],
  ['grype/grype__vex__testdata__vex-docs__csaf-demo1.json', 'csaf', 1, 0],
  ['grype/grype__vex__testdata__vex-docs__csaf-demo2.json', 'csaf', 1, 0],
  ['grype/grype__vex__testdata__vex-docs__openvex-debian.json', 'openvex', 1, 0],
  ['grype/grype__vex__testdata__vex-docs__openvex-demo1.json', 'openvex', 1, 0],
  ['grype/grype__vex__testdata__vex-docs__openvex-demo2.json', 'openvex', 5, 0],
  ['grype/grype__vex__testdata__vex-docs__openvex-image-no-subcomponents.json', 'openvex', 1, 0],
  ['grype/grype__vex__testdata__vex-docs__openvex-package-product.json', 'openvex', 1, 0],
  ['grype/test__integration__testdata__vex__csaf__affected.csaf.json', 'csaf', 1, 0],
  ['grype/test__integration__testdata__vex__csaf__under_investigation.csaf.json', 'csaf', 1, 0],
  ['grype/test__integration__testdata__vex__openvex__affected.openvex.json', 'openvex', 1, 0],
  ['grype/test__integration__testdata__vex__openvex__under_investigation.openvex.json', 'openvex', 1, 0],
  ['trivy/csaf-relationships.json', 'csaf', 1, 0],
  ['trivy/csaf.json', 'csaf', 1, 0],
  ['trivy/cyclonedx.json', 'cyclonedx', 2, 0],
  ['trivy/multi-repos__vex__repositories__default__0.1__bash-vex.json', 'openvex', 1, 0],
  ['trivy/multi-repos__vex__repositories__high-priority__0.1__bash-vex.json', 'openvex', 1, 0],
  ['trivy/openvex-multiple.json', 'openvex', 2, 0],
  ['trivy/openvex-nested.json', 'openvex', 1, 0],
  ['trivy/openvex-oci-mismatch.json', 'openvex', 1, 0],
  ['trivy/openvex-oci.json', 'openvex', 1, 0],
  ['trivy/openvex.json', 'openvex', 1, 0],
  ['trivy/parent-location-repo__vex__repositories__default__bash-vex.json', 'openvex', 1, 0],
  ['trivy/single-repo__vex__repositories__default__0.1__bash-vex.json', 'openvex', 1, 0],
];

const SBOM = 'a CycloneDX BOM without vulnerabilities[]: an SBOM, not a VEX document';
const INDEX = 'a VEX repository index (vex-repo-spec §4.2 index.json)';
const MANIFEST = 'a VEX repository manifest (vex-repo-spec §2 vex-repository.json)';
const CISA = 'cyclonedx-bom-examples/VEX/CISA-Use-Cases';
const USE = 'cyclonedx-bom-examples/VEX/Use-Cases';

// file → start of the INPUT_UNRECOGNISED reason.
const NOT_VEX: Array<[string, string]> = [
  ['cyclonedx-bom-examples/VEX/bom.json', SBOM],
  ...['Case-7', 'Case-8'].flatMap(
    (c): Array<[string, string]> => [
      [`${CISA}/${c}/bom-1.json`, SBOM],
      [`${CISA}/${c}/bom-2.json`, SBOM],
    ],
  ),
  ...['Case-6', 'Case-9', 'Case-13'].flatMap(
    (c): Array<[string, string]> =>
      [1, 2, 3].map((n): [string, string] => [`${USE}/${c}/bom-${n}.json`, SBOM]),
  ),
  ['trivy/multi-repos__vex__repositories__default__0.1__index.json', INDEX],
  ['trivy/multi-repos__vex__repositories__high-priority__0.1__index.json', INDEX],
  ['trivy/parent-location-repo__vex__repositories__default__0.1__index.json', INDEX],
  ['trivy/single-repo__vex__repositories__default__0.1__index.json', INDEX],
  ['trivy/parent-location-repo__vex__repositories__default__vex-repository.json', MANIFEST],
  ['trivy/single-repo__vex__repositories__default__vex-repository.json', MANIFEST],
  ['trivy/unknown.json', 'no VEX format recognised'],
];

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

describe('real VEX samples', () => {
  it('the two tables cover every JSON file in vex-examples exactly once', () => {
    const root = vexPath('');
    const found = jsonFiles(root).map((p) => relative(root, p));
    const listed = [...DOCUMENTS.map(([f]) => f), ...NOT_VEX.map(([f]) => f)];
    expect(listed.toSorted()).toEqual(found.toSorted());
  });

  it.each(DOCUMENTS)('%s: %s, %i statements, %i rejected', async (file, format, count, rejected) => {
    const result = await readSample(file);
    expect(result.format).toBe(format);
    expect(result.statements).toHaveLength(count);
    expect(result.rejected).toHaveLength(rejected);
    for (const s of result.statements) {
      // Evidence: every statement names its file and a pointer that exists in it.
      expect(s.source.file).toBe(vexPath(file));
      expect(s.source.format).toBe(format);
      expect(s.source.pointer).toMatch(/^\/(vulnerabilities|statements)\/\d+/);
      expect(s.products.length).toBeGreaterThan(0);
    }
  });

  it.each(NOT_VEX)('%s is INPUT_UNRECOGNISED', async (file, reason) => {
    const err = await appErrorOf(() => readSample(file));
    expect(err.code).toBe('INPUT_UNRECOGNISED');
    expect(err.details.file).toBe(vexPath(file));
    expect(String(err.details.reason).startsWith(reason)).toBe(true);
  });

  it('totals: 143 statements from 50 documents, one rejection (Use-Case 7 names no product)', async () => {
    const results = await Promise.all(DOCUMENTS.map(([f]) => readSample(f)));
    expect(results.reduce((n, r) => n + r.statements.length, 0)).toBe(143);
    expect(results.flatMap((r) => r.rejected)).toEqual([
      {
        ref: '/vulnerabilities/0',
        reason: 'CVE-2020-25649: no affects[], so the statement names no product',
      },
    ]);
  });
});
