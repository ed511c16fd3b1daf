/**
 * Properties of the Syft reader over generated documents: extraction never throws for valid
 * shapes, every artifact is accounted for exactly once (components + rejected = artifacts),
 * component purls are unique, and extraction is deterministic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { artifact, runDoc, syft16 } from './syft.test-helpers.js';

// Valid purls of the kinds Syft writes, one invalid (maven without namespace) and '' (no purl).
const PURLS = [
  'pkg:npm/left-pad@1.3.0',
  'pkg:pypi/Django@4.2.1',
  'pkg:golang/github.com/pkg/errors@v0.9.1',
  'pkg:maven/org.apache.jena/apache-jena@3.12.0',
  'pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12',
  'pkg:deb/ubuntu/libattr1@1:2.4.48-5?arch=amd64',
  'pkg:rpm/redhat/openssl@3.0.7-27.el9?epoch=1',
  'pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64',
  'pkg:alpine/libvncserver@0.9.9',
  'pkg:generic/python@3.11.4',
  'pkg:maven/commons-io@2.6',
  '',
] as const;
const TYPES = ['deb', 'rpm', 'apk', 'npm', 'python', 'binary'] as const;

// Metadata of the shape each OS type's cataloger writes; other types carry arbitrary objects.
const arbMetadata = (type: string) => {
  switch (type) {
    case 'deb':
      return fc.record({
        source: fc.constantFrom('', 'glibc', 'openssl'),
        sourceVersion: fc.constantFrom('', '2.36-9'),
      });
    case 'rpm':
      return fc.record({
        epoch: fc.option(fc.nat(3), { nil: null }),
        sourceRpm: fc.constantFrom('', 'openssl-3.0.7-27.el9.src.rpm', 'not-an-srpm'),
      });
    case 'apk':
      return fc.record({ originPackage: fc.constantFrom('', 'musl', 'openssl') });
    default:
      return fc.option(fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 })), {
        nil: null,
      });
  }
};

const arbArtifact = fc
  .record({
    purl: fc.constantFrom(...PURLS),
    type: fc.constantFrom(...TYPES),
    version: fc.stringMatching(/^[0-9a-z.+~:-]{0,10}$/),
    withId: fc.boolean(),
    cpes: fc.boolean(),
  })
  .chain((a) => arbMetadata(a.type).map((metadata) => ({ ...a, metadata })));

const arbDistro = fc.constantFrom(
  {},
  { name: '', version: '', idLike: '' },
  { name: 'ubuntu', version: '20.04', idLike: 'debian' },
  { id: 'debian', versionID: '12', idLike: ['x'] },
  null,
);

describe('Syft reader properties', () => {
  it('never throws for valid shapes; components + rejected = artifacts; unique purls; deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbArtifact, { maxLength: 15 }), arbDistro, async (generated, distro) => {
        const artifacts = generated.map((a, i) =>
          artifact(`id-${i}`, `pkg-${i}`, a.version, a.type, a.purl, {
            ...(a.withId ? {} : { id: undefined }),
            cpes: a.cpes ? [`cpe:2.3:a:x:pkg-${i}:*:*:*:*:*:*:*:*`] : [],
            metadata: a.metadata,
          }),
        );
        const doc = syft16({ artifacts, distro });
        const r = await runDoc(doc);
        expect(r.components.length + r.rejected.length).toBe(artifacts.length);
        const refs = generated.map((a, i) => (a.withId ? `id-${i}` : `/artifacts/${i}`));
        expect([...r.components.map((c) => c.ref), ...r.rejected.map((x) => x.ref)].sort()).toEqual(
          refs.sort(),
        );
        expect(new Set(r.components.map((c) => c.purl)).size).toBe(r.components.length);
        expect(await runDoc(doc)).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });
});
