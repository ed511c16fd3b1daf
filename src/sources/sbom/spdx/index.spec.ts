/**
 * Every SPDX JSON file in shared/data/sbom. Package counts were checked independently with a
 * plain JSON walk (`len(doc["packages"])`); each package that is not the described one is either
 * a component or a rejected entry.
 */
import { describe, expect, it } from 'vitest';
import { sbomText } from '../../shared-data.test-helpers.js';
import type { SpdxComponentRecord } from './extract.js';
import { spdxJsonAdapter } from './index.js';
import { readSpdxFile, type SpdxExtraction } from './spdx.test-helpers.js';
import officialCopy from './spdx-2.3-schema.json' with { type: 'json' };
import { tolerantSchema } from './validate.js';

const EXAMPLE = 'spdx-spec/SPDXJSONExample-v2.3.spdx.json';
const CENTOS = 'trivy-fixtures/integration__testdata__fixtures__sbom__centos-7-spdx.json';
const HAPPY = 'trivy-fixtures/pkg__sbom__spdx__testdata__happy__bom.json';
const POSTGRES = 'trivy-fixtures/pkg__fanal__analyzer__sbom__testdata__postgresql.spdx.json';

const byRef = (r: SpdxExtraction, ref: string) => r.components.find((c) => c.ref === ref);
const packageIds = (rel: string): string[] =>
  (JSON.parse(sbomText(rel)) as { packages: Array<{ SPDXID: string }> }).packages.map((p) => p.SPDXID);

describe('every SPDX file in shared/data/sbom', () => {
  it.each([
    // file, packages in the file, described package, components, rejected
    [EXAMPLE, 4, 'SPDXRef-Package', 1, 2],
    [CENTOS, 4, 'SPDXRef-ContainerImage-dd5cad897c6263', 2, 1],
    [HAPPY, 12, 'SPDXRef-ContainerImage-b5d81cde5f95c8fc', 6, 5],
    [POSTGRES, 4, 'SPDXRef-postgresql', 3, 0],
  ])(
    '%s: %i packages = described %s + %i components + %i rejected',
    async (file, total, described, comps, rej) => {
      const ids = packageIds(file);
      expect(ids).toHaveLength(total);
      const r = await readSpdxFile(file);
      expect(r.components).toHaveLength(comps);
      expect(r.rejected).toHaveLength(rej);
      // nothing lost: every package except the described one is accounted for exactly once
      const accounted = [...r.components.map((c) => c.ref), ...r.rejected.map((x) => x.ref)].sort();
      expect(accounted).toEqual(ids.filter((id) => id !== described).sort());
    },
  );

  it('the adapter accepts each file and has the registered id', () => {
    expect(spdxJsonAdapter.id).toBe('sbom/spdx-json');
    expect(spdxJsonAdapter.version).toBe('1');
    for (const f of [EXAMPLE, CENTOS, HAPPY, POSTGRES]) {
      const text = sbomText(f);
      expect(spdxJsonAdapter.accepts({ file: f, text }, JSON.parse(text))).toBe(true);
    }
    const cdx = 'cyclonedx-bom-examples/SBOM__laravel-7.12.0__bom.1.4.json';
    expect(spdxJsonAdapter.accepts({ file: cdx, text: '' }, JSON.parse(sbomText(cdx)))).toBe(false);
  });
});

describe('SPDX 2.3 canonical example (spdx/spdx-spec)', () => {
  it('describes a File and glibc: glibc (no purl) is the asset, identified by name', async () => {
    const r = await readSpdxFile(EXAMPLE);
    expect(r.asset).toEqual({
      externalId: 'spdx:glibc',
      name: 'glibc',
      kind: 'application', // primaryPackagePurpose SOURCE
      version: '2.11.1',
      tags: {},
    });
    expect(r.components).toEqual<SpdxComponentRecord[]>([
      {
        purl: 'pkg:maven/org.apache.jena/apache-jena@3.12.0',
        ecosystem: 'Maven',
        name: 'org.apache.jena:apache-jena',
        version: '3.12.0',
        ref: 'SPDXRef-fromDoap-0',
      },
    ]);
    expect(r.rejected).toEqual([
      { ref: 'SPDXRef-fromDoap-1', reason: 'no purl' }, // Apache Commons Lang
      { ref: 'SPDXRef-Saxon', reason: 'no purl' },
    ]);
  });
});

describe('Trivy fixtures', () => {
  it('centos-7 (SPDX-2.2, rpm): source package and epoch from sourceInfo and the purl', async () => {
    const r = await readSpdxFile(CENTOS);
    expect(r.asset).toEqual({
      externalId: 'spdx:integration/testdata/fixtures/images/centos-7.tar.gz',
      name: 'integration/testdata/fixtures/images/centos-7.tar.gz',
      kind: 'container-image', // Trivy's SPDXRef-ContainerImage- id; this Trivy wrote no purpose
      tags: {},
    });
    expect(r.components).toEqual<SpdxComponentRecord[]>([
      {
        purl: 'pkg:rpm/centos/bash@4.2.46-31.el7?arch=x86_64&distro=centos-7.6.1810',
        ecosystem: null, // CentOS has no OSV ecosystem (distro.ts)
        name: 'bash',
        version: '4.2.46-31.el7',
        sourceName: 'bash',
        sourceVersion: '4.2.46-31.el7',
        ref: 'SPDXRef-Package-5a18334f22149877',
      },
      {
        purl: 'pkg:rpm/centos/openssl-libs@1.0.2k-16.el7?arch=x86_64&epoch=1&distro=centos-7.6.1810',
        ecosystem: null,
        name: 'openssl-libs',
        // the purl (with its epoch qualifier) wins over versionInfo "1:1.0.2k-19.el7"
        version: '1:1.0.2k-16.el7',
        sourceName: 'openssl-libs',
        sourceVersion: '1:1.0.2k-16.el7',
        ref: 'SPDXRef-Package-e16b1cbaa5186199',
      },
    ]);
    expect(r.rejected).toEqual([
      {
        ref: 'SPDXRef-OperatingSystem-2e91c856c499a371',
        reason: 'operating system without a purl: its name and version give OS packages their distro release',
      },
    ]);
  });

  it('happy/bom.json (SPDX-2.2, annotations): six ecosystems, Alpine release, application nodes rejected', async () => {
    const r = await readSpdxFile(HAPPY);
    expect(r.asset).toEqual({
      externalId: 'spdx:meven-test-project',
      name: 'meven-test-project',
      kind: 'container-image',
      tags: {},
    });
    expect(r.components.map((c) => [c.ecosystem, c.name, c.version])).toEqual([
      ['Packagist', 'pear/log', '1.13.1'],
      ['Maven', 'org.codehaus.mojo:child-project', '1.0'],
      ['Packagist', 'pear/pear_exception', 'v1.0.0'],
      ['npm', 'bootstrap', '5.0.2'],
      ['Go', 'github.com/package-url/packageurl-go', 'v0.1.1-0.20220203205134-d70459300c8a'],
      ['Alpine', 'musl', '1.2.3-r0'],
    ]);
    expect(byRef(r, 'SPDXRef-Package-b7ebaf0233f1ef7b')).toEqual<SpdxComponentRecord>({
      purl: 'pkg:apk/alpine/musl@1.2.3-r0?distro=3.16.0',
      ecosystem: 'Alpine',
      name: 'musl',
      version: '1.2.3-r0',
      sourceName: 'musl',
      sourceVersion: '1.2.3-r0',
      distroRelease: 'Alpine:v3.16',
      ref: 'SPDXRef-Package-b7ebaf0233f1ef7b',
    });
    // language packages get no OS source package or release
    expect(byRef(r, 'SPDXRef-Package-5f1dbaff8de5eb06')).not.toHaveProperty('distroRelease');
    const app = 'no purl: Trivy application node (a lock file or binary; its packages are listed separately)';
    expect(r.rejected).toEqual([
      { ref: 'SPDXRef-Application-150e605f5f17224d', reason: app },
      { ref: 'SPDXRef-Application-24f8a80152e2c0fc', reason: app },
      { ref: 'SPDXRef-Application-36324ee492e03f0a', reason: app },
      { ref: 'SPDXRef-Application-4af197c15114fb0e', reason: app },
      {
        ref: 'SPDXRef-OperatingSystem-bd17bf9010aa612c',
        reason: 'operating system without a purl: its name and version give OS packages their distro release',
      },
    ]);
  });

  it('postgresql.spdx.json (VMware, documentDescribes): purl identity, Bitnami, CPEs kept', async () => {
    const r = await readSpdxFile(POSTGRES);
    expect(r.asset).toEqual({
      externalId: 'spdx:pkg:bitnami/postgresql',
      name: 'PostgreSQL',
      kind: 'other',
      version: '15.3.0',
      tags: {},
    });
    expect(r.components).toEqual<SpdxComponentRecord[]>(
      [
        ['geos', '3.8.3', 'cpe:2.3:*:libgeos:geos:3.8.3:*:*:*:*:*:*:*'],
        ['proj', '6.3.2', 'cpe:2.3:*:proj:proj:6.3.2:*:*:*:*:*:*:*'],
        ['gdal', '3.7.1', 'cpe:2.3:*:osgeo:gdal:3.7.1:*:*:*:*:*:*:*'],
      ].map(([name, version, cpe]) => ({
        purl: `pkg:bitnami/${name}@${version}`,
        ecosystem: 'Bitnami',
        name: name ?? '',
        version: version ?? null,
        ref: `SPDXRef-${name}`,
        cpes: [cpe ?? ''],
      })),
    );
    expect(r.rejected).toEqual([]);
  });
});

describe('the shipped schema', () => {
  it('is the official SPDX 2.3 schema (same JSON value as shared/data/sbom/spdx-spec)', () => {
    expect(officialCopy).toEqual(JSON.parse(sbomText('spdx-spec/spdx-2.3-schema.json')));
    expect(officialCopy.$schema).toBe('https://json-schema.org/draft/2019-09/schema');
  });

  it('differs from the official one only by the two documented tolerances', () => {
    const patched = tolerantSchema() as typeof officialCopy;
    const pkg = patched.properties.packages.items;
    expect(pkg.required).toEqual(['SPDXID', 'name']);
    expect(pkg.properties.primaryPackagePurpose.enum).toEqual([
      ...officialCopy.properties.packages.items.properties.primaryPackagePurpose.enum,
      'OPERATING-SYSTEM',
    ]);
    const restore = structuredClone(patched);
    restore.properties.packages.items.required = officialCopy.properties.packages.items.required;
    restore.properties.packages.items.properties.primaryPackagePurpose.enum =
      officialCopy.properties.packages.items.properties.primaryPackagePurpose.enum;
    expect(restore).toEqual(officialCopy);
  });
});
