/**
 * The two Syft JSON documents in shared/data/sbom (grype's CLI test inputs). Artifact counts
 * are read from the files here with a plain JSON walk; every artifact is either a component or
 * a rejected entry.
 */
import { describe, expect, it } from 'vitest';
import type { ComponentRecord } from '../../../core/inventory.js';
import { sbomText } from '../../shared-data.test-helpers.js';
import { cyclonedxJsonAdapter } from '../cyclonedx/index.js';
import { spdxJsonAdapter } from '../spdx/index.js';
import { syftJsonAdapter } from './index.js';
import { readSyftFile } from './syft.test-helpers.js';

const SOURCE = 'grype-fixtures/test__cli__testdata__sbom-grype-source.json';
const UBUNTU = 'grype-fixtures/test__cli__testdata__sbom-ubuntu-20.04--pruned.json';

interface RawArtifact {
  id?: string;
  purl: string;
}
const artifactsOf = (rel: string): RawArtifact[] =>
  (JSON.parse(sbomText(rel)) as { artifacts: RawArtifact[] }).artifacts;
const byName = (cs: ComponentRecord[], name: string) => cs.find((c) => c.name === name);

describe('every Syft JSON file in shared/data/sbom', () => {
  it.each([SOURCE, UBUNTU])('%s: components = artifacts − rejected, each artifact once', async (file) => {
    const artifacts = artifactsOf(file);
    const withoutPurl = artifacts.filter((a) => a.purl === '').length;
    const r = await readSyftFile(file);
    expect(r.rejected).toHaveLength(withoutPurl);
    expect(r.components).toHaveLength(artifacts.length - r.rejected.length);
    const refs = artifacts.map((a, i) => a.id ?? `/artifacts/${i}`);
    expect([...r.components.map((c) => c.ref), ...r.rejected.map((x) => x.ref)].sort()).toEqual(refs.sort());
  });

  it('is accepted by this adapter only, with the registered id', () => {
    expect(syftJsonAdapter.id).toBe('sbom/syft-json');
    expect(syftJsonAdapter.version).toBe('1');
    for (const file of [SOURCE, UBUNTU]) {
      const input = { file, text: sbomText(file) };
      const parsed: unknown = JSON.parse(input.text);
      expect(syftJsonAdapter.accepts(input, parsed)).toBe(true);
      expect(cyclonedxJsonAdapter.accepts(input, parsed)).toBe(false);
      expect(spdxJsonAdapter.accepts(input, parsed)).toBe(false);
    }
    const cdx = 'cyclonedx-bom-examples/SBOM__laravel-7.12.0__bom.1.4.json';
    expect(syftJsonAdapter.accepts({ file: cdx, text: '' }, JSON.parse(sbomText(cdx)))).toBe(false);
    const spdx = 'spdx-spec/SPDXJSONExample-v2.3.spdx.json';
    expect(syftJsonAdapter.accepts({ file: spdx, text: '' }, JSON.parse(sbomText(spdx)))).toBe(false);
  });
});

describe('sbom-ubuntu-20.04--pruned.json (schema 1.0.1, image, deb)', () => {
  it('the image is the asset, identified by its manifest digest', async () => {
    const r = await readSyftFile(UBUNTU);
    expect(r.asset).toEqual({
      externalId: 'oci:sha256:5146935f9248826d44dfc2489abfd5f4bdfbc319a738c04dfe1ef071f228a1ac',
      name: 'ubuntu:20.04',
      kind: 'container-image',
      tags: {
        'oci:imageId': 'sha256:f63181f19b2fe819156dcb068b3b5bc036820bec7014c5f77277cfa341d4cb5e',
        'oci:tags': 'ubuntu:20.04',
      },
    });
  });

  it('deb source packages from DpkgMetadata, release from distro (the purls have no distro qualifier)', async () => {
    const r = await readSyftFile(UBUNTU);
    expect(r.components).toEqual<ComponentRecord[]>([
      {
        purl: 'pkg:deb/ubuntu/gcc-10-base@10.2.0-5ubuntu1~20.04?arch=amd64',
        ecosystem: 'Ubuntu',
        name: 'gcc-10-base',
        version: '10.2.0-5ubuntu1~20.04',
        sourceName: 'gcc-10',
        distroRelease: 'Ubuntu:20.04:LTS',
        ref: '/artifacts/0',
      },
      {
        // `Source:` absent: the source package is the binary's own name
        purl: 'pkg:deb/ubuntu/hostname@3.23?arch=amd64',
        ecosystem: 'Ubuntu',
        name: 'hostname',
        version: '3.23',
        distroRelease: 'Ubuntu:20.04:LTS',
        ref: '/artifacts/1',
      },
      {
        purl: 'pkg:deb/ubuntu/libacl1@2.2.53-6?arch=amd64',
        ecosystem: 'Ubuntu',
        name: 'libacl1',
        version: '2.2.53-6',
        sourceName: 'acl',
        distroRelease: 'Ubuntu:20.04:LTS',
        ref: '/artifacts/2',
      },
      {
        purl: 'pkg:deb/ubuntu/libattr1@1:2.4.48-5?arch=amd64',
        ecosystem: 'Ubuntu',
        name: 'libattr1',
        version: '1:2.4.48-5',
        sourceName: 'attr',
        distroRelease: 'Ubuntu:20.04:LTS',
        ref: '/artifacts/3',
      },
    ]);
    expect(r.rejected).toEqual([]);
  });
});

describe('sbom-grype-source.json (schema 1.1.0, directory, seven ecosystems)', () => {
  it('the scanned directory is an application asset; no distro, so no release', async () => {
    const r = await readSyftFile(SOURCE);
    expect(r.asset).toEqual({ externalId: 'syft:directory:./', name: './', kind: 'application', tags: {} });
    expect(r.components.filter((c) => c.distroRelease !== undefined)).toEqual([]);
  });

  it('maps each purl type to its OSV ecosystem and name', async () => {
    const r = await readSyftFile(SOURCE);
    const counts = new Map<string | null, number>();
    for (const c of r.components) counts.set(c.ecosystem, (counts.get(c.ecosystem) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ PyPI: 1, Maven: 2, Go: 36, Alpine: 1, RubyGems: 1 });
    expect(byName(r.components, 'pygments')).toEqual<ComponentRecord>({
      purl: 'pkg:pypi/Pygments@2.6.1',
      ecosystem: 'PyPI',
      name: 'pygments', // PEP 503
      version: '2.6.1',
      ref: 'bef1ce7f-cce6-4049-9da4-53882a612bb3',
    });
    expect(byName(r.components, 'joda-time:joda-time')?.purl).toBe('pkg:maven/joda-time/joda-time@2.9.2');
    expect(byName(r.components, 'github.com/docker/docker')?.version).toBe(
      'v17.12.0-ce-rc1.0.20200309214505-aa6a9891b09c+incompatible',
    );
  });

  it('the pre-0.40 `pkg:alpine/` purl is Alpine; the origin package comes from ApkMetadata', async () => {
    const r = await readSyftFile(SOURCE);
    expect(byName(r.components, 'libvncserver')).toEqual<ComponentRecord>({
      purl: 'pkg:alpine/libvncserver@0.9.9?arch=x86_64',
      ecosystem: 'Alpine',
      name: 'libvncserver',
      version: '0.9.9',
      sourceName: 'libvncserver',
      ref: 'f727dab3-3fe8-4082-b12d-0fed59452c89',
    });
  });

  it('the deb and rpm artifacts with an empty purl are rejected with their ids', async () => {
    const r = await readSyftFile(SOURCE);
    expect(r.rejected).toEqual([
      { ref: '651f06ac-d509-4b33-92f1-88bf006beaf7', reason: 'no purl; cpe only' }, // apt
      { ref: 'e1d0474e-2a82-420c-ad82-a9de40d866c7', reason: 'no purl; cpe only' }, // dive
    ]);
  });
});
