/**
 * Properties of the SPDX reader over generated documents: every package that is not the asset is
 * accounted for exactly once (component or rejected), component purls are unique, extraction is
 * deterministic, and any damage to a valid document ends in a located AppError, never a crash.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../core/errors.js';
import { spdxJsonAdapter } from './index.js';
import { trivySource } from './packages.js';
import { pkg, purlRef, runDoc, spdx23 } from './spdx.test-helpers.js';

// Valid purls of every kind the adapter maps, one invalid one (maven without namespace), and
// `null` for a package without a purl.
const PURLS = [
  'pkg:npm/left-pad@1.3.0',
  'pkg:npm/%40babel/core@7.24.0',
  'pkg:pypi/Django@4.2.1',
  'pkg:maven/org.apache.jena/apache-jena@3.12.0',
  'pkg:golang/github.com/pkg/errors@v0.9.1',
  'pkg:deb/debian/libc6@2.36-9+deb12u4?distro=debian-12',
  'pkg:rpm/redhat/openssl@3.0.7-27.el9?epoch=1',
  'pkg:apk/alpine/musl@1.2.4-r2',
  'pkg:generic/firmware@1.0',
  'pkg:maven/commons-io@2.6',
  null,
] as const;
const FILE = 'uploads/sbom.spdx.json';

const arbPackage = fc.record({
  purl: fc.constantFrom(...PURLS),
  category: fc.constantFrom('PACKAGE-MANAGER', 'PACKAGE_MANAGER'),
  version: fc.option(fc.stringMatching(/^[0-9][0-9a-z.+~-]{0,10}$/), { nil: undefined }),
  os: fc.boolean(),
});

const arbDocument = fc
  .record({
    packages: fc.array(arbPackage, { maxLength: 12 }),
    describe: fc.array(fc.nat(15), { maxLength: 3 }),
    viaRelationship: fc.boolean(),
  })
  .map(({ packages, describe, viaRelationship }) => {
    const spdxPackages = packages.map((p, i) =>
      pkg(`p${i}`, p.os ? 'debian' : `pkg-${i}`, {
        ...(p.version === undefined ? {} : { versionInfo: p.version }),
        ...(p.purl === null ? {} : { externalRefs: [purlRef(p.purl, p.category)] }),
        ...(p.os ? { primaryPackagePurpose: 'OPERATING_SYSTEM' } : {}),
      }),
    );
    // described ids may point past the package list: those are reported as dangling
    const ids = describe.map((n) => `SPDXRef-p${n}`);
    const relationships = ids.map((id) => ({
      spdxElementId: 'SPDXRef-DOCUMENT',
      relationshipType: 'DESCRIBES',
      relatedSpdxElement: id,
    }));
    return spdx23({
      packages: spdxPackages,
      ...(viaRelationship ? { relationships } : { documentDescribes: ids }),
    });
  });

describe('SPDX reader properties', () => {
  it('accounts for every package exactly once, with unique component purls, deterministically', async () => {
    await fc.assert(
      fc.asyncProperty(arbDocument, async (doc) => {
        const r = await runDoc(doc);
        const packageIds = (doc.packages as Array<{ SPDXID: string }>).map((p) => p.SPDXID);
        const described = (doc.documentDescribes as string[] | undefined) ?? describedByRelationship(doc);
        const subjectId = described.find((id) => packageIds.includes(id));
        const accounted = [...r.components.map((c) => c.ref), ...r.rejected.map((x) => x.ref)];
        const fromPackages = accounted.filter((ref) => ref !== undefined && packageIds.includes(ref));
        expect(fromPackages.sort()).toEqual(packageIds.filter((id) => id !== subjectId).sort());
        expect(new Set(r.components.map((c) => c.purl)).size).toBe(r.components.length);
        expect(await runDoc(doc)).toEqual(r);
      }),
      { numRuns: 200 },
    );
  });

  it('a damaged document gives INPUT_SCHEMA or INPUT_UNSUPPORTED_SPEC with a pointer, or still reads', async () => {
    const field = fc.constantFrom(
      'packages',
      'relationships',
      'documentDescribes',
      'spdxVersion',
      'SPDXID',
      'name',
    );
    const pkgField = fc.constantFrom(
      'SPDXID',
      'name',
      'versionInfo',
      'externalRefs',
      'primaryPackagePurpose',
    );
    await fc.assert(
      fc.asyncProperty(
        arbDocument,
        field,
        pkgField,
        fc.boolean(),
        fc.jsonValue({ maxDepth: 2 }),
        async (valid, f, pf, inPackage, value) => {
          // fast-check reuses generated values while shrinking: damage a copy
          const doc = structuredClone(valid);
          const first = (doc.packages as Array<Record<string, unknown>>)[0];
          const inFirst = inPackage && first !== undefined;
          if (inFirst) first[pf] = value;
          else doc[f] = value;
          const text = JSON.stringify(doc);
          if (!spdxJsonAdapter.accepts({ file: FILE, text }, doc)) {
            // no longer SPDX at all: detection (registry) reports INPUT_UNRECOGNISED
            expect(f === 'spdxVersion' && !inFirst).toBe(true);
            return;
          }
          try {
            await spdxJsonAdapter.extract({ file: FILE, text }, doc);
          } catch (err) {
            if (!isAppError(err)) throw err;
            expect(['INPUT_SCHEMA', 'INPUT_UNSUPPORTED_SPEC']).toContain(err.code);
            expect(err.details.file).toBe(FILE);
            expect(err.details.pointer).toMatch(/^(\/[^/]+)*$/);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads back the source package Trivy writes into sourceInfo', () => {
    const token = fc.stringMatching(/^[a-z0-9][a-z0-9.+:~_-]{0,20}$/);
    fc.assert(
      fc.property(token, token, (name, version) => {
        const p = { SPDXID: 'SPDXRef-x', name, sourceInfo: `built package from: ${name} ${version}` };
        expect(trivySource(p)).toEqual({ sourceName: name, sourceVersion: version });
      }),
    );
  });
});

function describedByRelationship(doc: Record<string, unknown>): string[] {
  const rels = (doc.relationships as Array<{ relatedSpdxElement: string }> | undefined) ?? [];
  return rels.map((r) => r.relatedSpdxElement);
}
