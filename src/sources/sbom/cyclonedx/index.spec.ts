/**
 * Every CycloneDX JSON file in shared/data/sbom, read through readInventoryFile (the path the CLI
 * takes). Counts were checked independently with a plain JSON walk over the same files.
 */
import { describe, expect, it } from 'vitest';
import type { ComponentRecord } from '../../../core/inventory.js';
import { type InventoryFileResult, readInventoryFile } from '../../read-inventory.js';
import { sbomPath } from '../../shared-data.test-helpers.js';

const read = (rel: string) => readInventoryFile(sbomPath(rel));
const byPurl = (r: InventoryFileResult, purl: string) => r.components.find((c) => c.purl === purl);
const ecosystems = (r: InventoryFileResult) =>
  r.components.reduce<Record<string, number>>((acc, c) => {
    const key = c.ecosystem ?? 'null';
    acc[key] = (acc[key] ?? 0) + 1;
    return acc;
  }, {});

describe('cyclonedx-bom-examples (application SBOMs, spec 1.2–1.4)', () => {
  it.each([
    ['SBOM__juice-shop__v11.1.2__bom.json', 840, { npm: 840 }],
    ['SBOM__keycloak-10.0.2__bom.json', 903, { Maven: 903 }],
    ['SBOM__dropwizard-1.3.15__bom.json', 167, { Maven: 167 }],
    ['SBOM__proton-bridge__proton-bridge-v1.8.0.bom.json', 201, { Go: 201 }],
    ['SBOM__laravel-7.12.0__bom.1.4.json', 62, { Packagist: 62 }],
    ['SBOM__protonmail-webclient-v4-0912dff__bom.json', 883, { npm: 883 }],
    ['SBOM__cern-lhc-vdm-editor-e564943__bom.json', 43, { npm: 43 }],
  ])('%s: %i components, none rejected', async (file, count, ecos) => {
    const r = await read(`cyclonedx-bom-examples/${file}`);
    expect(r.adapter).toEqual({ id: 'sbom/cyclonedx-json', version: '1' });
    expect(r.components).toHaveLength(count);
    expect(ecosystems(r)).toEqual(ecos);
    expect(r.rejected).toEqual([]);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('juice-shop v11.1.2: asset from metadata.component, id from serialNumber, known packages', async () => {
    const r = await read('cyclonedx-bom-examples/SBOM__juice-shop__v11.1.2__bom.json');
    expect(r.asset).toEqual({
      externalId: 'cyclonedx:pkg:npm/juice-shop',
      name: 'juice-shop',
      kind: 'application',
      version: '11.1.2',
      tags: {},
    });
    expect(byPurl(r, 'pkg:npm/jsonwebtoken@0.1.0')).toEqual<ComponentRecord>({
      purl: 'pkg:npm/jsonwebtoken@0.1.0',
      ecosystem: 'npm',
      name: 'jsonwebtoken',
      version: '0.1.0',
      ref: 'pkg:npm/jsonwebtoken@0.1.0',
    });
    expect(byPurl(r, 'pkg:npm/%40sindresorhus/is@0.7.0')).toMatchObject({
      name: '@sindresorhus/is',
      version: '0.7.0',
    });
    // the subject itself (pkg:npm/juice-shop@11.1.2) is the asset, not one of its components
    expect(byPurl(r, 'pkg:npm/juice-shop@11.1.2')).toBeUndefined();
  });

  it('juice-shop 14.1.1 flat (npm): 1,115 entries, 978 distinct purls, 137 duplicates reported', async () => {
    const r = await read('cyclonedx-bom-examples/SBOM__juice-shop__via_npm__flat__bom.1.4.json');
    expect(r.components).toHaveLength(978);
    expect(r.rejected).toHaveLength(137);
    expect(new Set(r.rejected.map((x) => x.reason))).toEqual(new Set(['duplicate']));
    expect(r.rejected).toContainEqual({ ref: 'node-gyp@8.4.1|ansi-regex@5.0.1', reason: 'duplicate' });
    // the asset is the application: the subject's purl without version and qualifiers
    expect(r.asset.externalId).toBe('cyclonedx:pkg:npm/juice-shop');
  });

  it('keycloak, dropwizard: Maven group:artifact names', async () => {
    const k = await read('cyclonedx-bom-examples/SBOM__keycloak-10.0.2__bom.json');
    expect(byPurl(k, 'pkg:maven/org.keycloak/keycloak-core@10.0.2?type=jar')).toMatchObject({
      ecosystem: 'Maven',
      name: 'org.keycloak:keycloak-core',
      version: '10.0.2',
    });
    const d = await read('cyclonedx-bom-examples/SBOM__dropwizard-1.3.15__bom.json');
    expect(byPurl(d, 'pkg:maven/com.google.guava/guava@24.1.1-jre?type=jar')).toMatchObject({
      name: 'com.google.guava:guava',
      version: '24.1.1-jre',
    });
  });

  it('proton-bridge: Go module paths keep their case', async () => {
    const r = await read('cyclonedx-bom-examples/SBOM__proton-bridge__proton-bridge-v1.8.0.bom.json');
    expect(r.asset).toMatchObject({ name: 'github.com/ProtonMail/proton-bridge', version: 'v1.8.0' });
    expect(
      byPurl(r, 'pkg:golang/github.com/AndreasBriese/bbloom@v0.0.0-20190306092124-e2d15f34fcf9'),
    ).toMatchObject({ ecosystem: 'Go', name: 'github.com/AndreasBriese/bbloom' });
  });

  it('laravel: Packagist vendor/name, ref is the bom-ref, id from the subject purl', async () => {
    const r = await read('cyclonedx-bom-examples/SBOM__laravel-7.12.0__bom.1.4.json');
    expect(r.asset.externalId).toBe('cyclonedx:pkg:composer/cyclonedx/cyclonedx-php-composer-demo');
    expect(byPurl(r, 'pkg:composer/laravel/framework@v7.30.6')).toMatchObject({
      ecosystem: 'Packagist',
      name: 'laravel/framework',
      version: 'v7.30.6',
      ref: 'laravel/framework-7.30.6.0',
    });
  });

  it('HBOM: six hardware parts without purl are rejected, visibly, as having no package identity', async () => {
    const r = await read('cyclonedx-bom-examples/HBOM__PCIe-SATA-adapter-board__bom.json');
    expect(r.asset).toMatchObject({ name: 'pcie-sata-adaptor-board', kind: 'other', version: 'rev-1' });
    expect(r.components).toEqual([]);
    expect(r.rejected).toHaveLength(6);
    for (const x of r.rejected) expect(x.reason).toBe('hardware component has no package identity (no purl)');
  });

  it('SaaSBOM: no components; its six services are reported, not dropped', async () => {
    const r = await read('cyclonedx-bom-examples/SaaSBOM__apigateway-microservices-datastores__bom.json');
    expect(r.asset).toMatchObject({ name: 'Acme Cloud Example', kind: 'application' });
    expect(r.components).toEqual([]);
    expect(r.rejected).toHaveLength(6);
    expect(r.rejected.every((x) => x.reason.startsWith('service has no package identity'))).toBe(true);
  });
});

describe('medical-device-sbom-completeness (CycloneDX 1.4, device subject)', () => {
  it('extended: 65 components (49 NuGet, 16 firmware/hardware/generic with no OSV ecosystem)', async () => {
    const r = await read('medical-device-sbom-completeness/extended.sbom.json');
    expect(r.asset).toEqual({
      externalId: 'cyclonedx:REDACTED',
      name: 'REDACTED',
      kind: 'other',
      tags: {},
    });
    expect(r.components).toHaveLength(65);
    expect(ecosystems(r)).toEqual({ NuGet: 49, null: 16 });
    expect(r.rejected).toEqual([]);
    expect(byPurl(r, 'pkg:nuget/AutoMapper@8.1.0')).toMatchObject({ ecosystem: 'NuGet', name: 'AutoMapper' });
    // version-less purl: the component's own version (4.8.1) is used
    expect(byPurl(r, 'pkg:github/wolfssl/wolfssl')).toMatchObject({ ecosystem: null, version: '4.8.1' });
    // a chip with an empty version string: version null, not ''
    expect(byPurl(r, 'pkg:generic/qualcomm_atheros_qca9563')).toMatchObject({ version: null });
    // the operating-system component has a purl, so it is listed too
    expect(byPurl(r, 'pkg:generic/edgeos@2.0.9-hotfix.7')).toMatchObject({ version: '2.0.9-hotfix.7' });
  });

  it('narrow: 55 components (49 NuGet)', async () => {
    const r = await read('medical-device-sbom-completeness/narrow.sbom.json');
    expect(r.components).toHaveLength(55);
    expect(ecosystems(r)).toEqual({ NuGet: 49, null: 6 });
  });
});

describe('trivy-fixtures', () => {
  it('centos-7 (1.5): rpm epoch joined to the version, source from Trivy properties, no OSV ecosystem for CentOS', async () => {
    const r = await read('trivy-fixtures/integration__testdata__fixtures__sbom__centos-7-cyclonedx.json');
    expect(r.asset).toMatchObject({
      kind: 'container-image',
      name: 'integration/testdata/fixtures/images/centos-7.tar.gz',
    });
    expect(r.components).toHaveLength(2);
    // The operating-system component is context, listed with its reason so nothing goes unaccounted.
    expect(r.rejected.map((x) => x.reason)).toEqual([
      'operating system without a purl: its name and version give OS packages their distro release',
    ]);
    expect(r.components[1]).toMatchObject({
      ecosystem: null,
      name: 'openssl-libs',
      version: '1:1.0.2k-16.el7',
      sourceName: 'openssl',
      sourceVersion: '1:1.0.2k-16.el7',
    });
  });

  it('fluentd (1.5): Debian packages with release and source package; a gem', async () => {
    const r = await read(
      'trivy-fixtures/integration__testdata__fixtures__sbom__fluentd-multiple-lockfiles-cyclonedx.json',
    );
    expect(ecosystems(r)).toEqual({ Debian: 2, RubyGems: 1 });
    expect(byPurl(r, 'pkg:deb/debian/libidn2-0@2.0.5-1?distro=debian-10.2')).toMatchObject({
      name: 'libidn2-0',
      sourceName: 'libidn2',
      distroRelease: 'Debian:10',
    });
  });

  it('minikube KBOM (1.5): 12 components; 4 purl-less parts and 2 operating systems rejected', async () => {
    const r = await read('trivy-fixtures/integration__testdata__fixtures__sbom__minikube-kbom.json');
    expect(r.asset).toMatchObject({ name: 'k8s.io/kubernetes', kind: 'other', version: '1.27.0' });
    expect(ecosystems(r)).toEqual({ Go: 1, null: 11 });
    expect(r.rejected.map((x) => x.reason).sort()).toEqual(
      [
        'no purl',
        'no purl',
        'no purl',
        'no purl',
        'operating system without a purl: its name and version give OS packages their distro release',
        'operating system without a purl: its name and version give OS packages their distro release',
      ].sort(),
    );
  });

  it('os-only (1.5): the operating system alone gives no components, and says why', async () => {
    const r = await read('trivy-fixtures/pkg__sbom__cyclonedx__testdata__happy__os-only-bom.json');
    expect(r.components).toEqual([]);
    expect(r.rejected.map((x) => x.reason)).toEqual([
      'operating system without a purl: its name and version give OS packages their distro release',
    ]);
  });

  it('happy/bom.json (1.7, validated against the 1.7 schema): OS and language packages', async () => {
    const r = await read('trivy-fixtures/pkg__sbom__cyclonedx__testdata__happy__bom.json');
    expect(r.components.map((c) => c.purl)).toContain('pkg:apk/alpine/musl@1.2.3-r0?distro=3.16.0');
    expect(r.components.find((c) => c.name === 'musl')).toMatchObject({
      ecosystem: 'Alpine',
      sourceName: 'musl',
    });
  });
});

describe('grype-fixtures alpine.cdx.att.json (DSSE envelope, in-toto statement, CycloneDX 1.4 predicate)', () => {
  it('is unwrapped by the attestation adapter; legacy pkg:alpine purls map to Alpine:v3.15', async () => {
    const r = await read('grype-fixtures/grype__pkg__testdata__alpine.cdx.att.json');
    expect(r.adapter.id).toBe('sbom/cyclonedx-attestation');
    expect(r.asset).toMatchObject({
      externalId: 'cyclonedx:alpine:latest',
      name: 'alpine:latest',
      kind: 'container-image',
    });
    expect(ecosystems(r)).toEqual({ Alpine: 14 });
    expect(r.rejected.map((x) => x.reason)).toEqual([
      'operating system without a purl: its name and version give OS packages their distro release',
    ]);
    expect(
      byPurl(r, 'pkg:alpine/libcrypto1.1@1.1.1n-r0?arch=x86_64&upstream=openssl&distro=alpine-3.15.4'),
    ).toMatchObject({
      name: 'libcrypto1.1',
      version: '1.1.1n-r0',
      sourceName: 'openssl',
      distroRelease: 'Alpine:v3.15',
    });
  });
});

describe('vex-examples are not inventories', () => {
  it.each([
    'vex-examples/cyclonedx-bom-examples/VEX/vex.json',
    'vex-examples/cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-1/vex-affected.json',
    'vex-examples/trivy/cyclonedx.json',
  ])('%s → INPUT_UNRECOGNISED (CycloneDX VEX)', async (rel) => {
    const file = sbomPath(rel);
    await expect(readInventoryFile(file)).rejects.toMatchObject({
      code: 'INPUT_UNRECOGNISED',
      details: { file, reason: expect.stringContaining('CycloneDX VEX/VDR') },
    });
  });

  it.each([
    ['vex-examples/trivy/openvex.json', 'OpenVEX'],
    ['vex-examples/trivy/csaf.json', 'CSAF'],
  ])('%s → INPUT_UNRECOGNISED naming %s', async (rel, format) => {
    await expect(read(rel)).rejects.toMatchObject({
      code: 'INPUT_UNRECOGNISED',
      details: { file: sbomPath(rel), reason: expect.stringContaining(format) },
    });
  });

  it('the BOM that a VEX use case refers to is still read as an inventory', async () => {
    const r = await read('vex-examples/cyclonedx-bom-examples/VEX/bom.json');
    expect(ecosystems(r)).toEqual({ Maven: 3 });
  });
});
