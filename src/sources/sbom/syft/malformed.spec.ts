/**
 * Broken and borderline Syft inputs, and the schema-16 fields the two shared fixtures (schema 1.x)
 * do not have: every error names its code, file and JSON pointer; every unusable artifact is
 * rejected with its id and a reason.
 */
import { describe, expect, it } from 'vitest';
import type { ComponentRecord } from '../../../core/inventory.js';
import { syftJsonAdapter } from './index.js';
import { artifact, runDoc, syft16 } from './syft.test-helpers.js';

const FILE = 'uploads/sbom.syft.json';
const LIBSSL = artifact(
  'a1',
  'libssl3',
  '3.0.11-1~deb12u2',
  'deb',
  'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64',
  { metadataType: 'dpkg-db-entry', metadata: { package: 'libssl3', source: 'openssl', sourceVersion: '' } },
);
const schemaError = (pointer: string) => ({ code: 'INPUT_SCHEMA', details: { file: FILE, pointer } });

describe('shape errors name the JSON pointer', () => {
  it.each([
    ['artifacts is an object', { artifacts: { a1: LIBSSL } }, '/artifacts'],
    [
      'an artifact name is a number',
      { artifacts: [LIBSSL, { ...LIBSSL, id: 'a2', name: 42 }] },
      '/artifacts/1/name',
    ],
    [
      'an artifact has no version',
      { artifacts: [{ ...LIBSSL, version: undefined }] },
      '/artifacts/0/version',
    ],
    [
      'a purl is not a string',
      { artifacts: [{ ...LIBSSL, purl: ['pkg:deb/debian/x@1'] }] },
      '/artifacts/0/purl',
    ],
    [
      'deb metadata source is a number',
      { artifacts: [{ ...LIBSSL, metadata: { source: 7 } }] },
      '/artifacts/0/metadata/source',
    ],
    [
      'rpm metadata epoch is a string',
      {
        artifacts: [
          artifact('r1', 'bash', '5.1.8-9.el9', 'rpm', 'pkg:rpm/almalinux/bash@5.1.8-9.el9', {
            metadata: { epoch: '1' },
          }),
        ],
      },
      '/artifacts/0/metadata/epoch',
    ],
    [
      'image repoDigests is a string',
      { source: { type: 'image', metadata: { imageID: 'sha256:00', repoDigests: 'alpine@sha256:00' } } },
      '/source/metadata/repoDigests',
    ],
    ['source has no type', { source: { name: 'x', metadata: {} } }, '/source/type'],
    ['distro is a string', { distro: 'debian 12' }, '/distro'],
  ])('%s', async (_what, extra, pointer) => {
    await expect(runDoc(syft16(extra as Record<string, unknown>))).rejects.toMatchObject(
      schemaError(pointer),
    );
  });

  it('schema.version missing is INPUT_SCHEMA; an unknown major is INPUT_UNSUPPORTED_SPEC', async () => {
    await expect(runDoc(syft16({ schema: {} }))).rejects.toMatchObject(schemaError('/schema/version'));
    await expect(runDoc(syft16({ schema: { version: '17.0.0' } }))).rejects.toMatchObject({
      code: 'INPUT_UNSUPPORTED_SPEC',
      details: { file: FILE, pointer: '/schema/version', found: '17.0.0', supported: '1.x–16.x' },
    });
  });

  it('is not accepted without descriptor.name "syft" or without artifacts', () => {
    const accepts = (parsed: unknown) => syftJsonAdapter.accepts({ file: FILE, text: '' }, parsed);
    expect(accepts(syft16())).toBe(true);
    expect(accepts(syft16({ descriptor: { name: 'grype', version: '0.80.0' } }))).toBe(false);
    const { artifacts: _, ...noArtifacts } = syft16();
    expect(accepts(noArtifacts)).toBe(false);
    expect(accepts([syft16()])).toBe(false);
    expect(accepts(null)).toBe(false);
  });
});

describe('artifacts the adapter cannot use are rejected with the artifact id', () => {
  it('invalid purl, duplicate purl, no purl (with and without CPEs)', async () => {
    const artifacts = [
      LIBSSL,
      artifact('m1', 'commons-io', '2.6', 'java-archive', 'pkg:maven/commons-io@2.6'),
      { ...LIBSSL, id: 'a1-again' },
      artifact('b1', 'python', '3.11.4', 'binary', '', {
        cpes: [{ cpe: 'cpe:2.3:a:python:python:3.11.4:*:*:*:*:*:*:*', source: 'syft-generated' }],
      }),
      artifact('f1', 'firmware.bin', '', 'unknown', ''),
    ];
    const r = await runDoc(syft16({ artifacts }));
    expect(r.components.map((c) => c.ref)).toEqual(['a1']);
    expect(r.rejected).toEqual([
      { ref: 'm1', reason: 'invalid purl: maven requires a "namespace" component' },
      { ref: 'a1-again', reason: 'duplicate' },
      { ref: 'b1', reason: 'no purl; cpe only' },
      { ref: 'f1', reason: 'no purl' },
    ]);
  });
});

describe('schema 16 documents', () => {
  it('an image: repoDigests win over manifestDigest; the purl upstream and distro qualifiers are used', async () => {
    const doc = syft16({
      source: {
        id: 'f0e1',
        name: 'registry.example.org/clinic/billing-api',
        version: 'sha256:7d9e',
        type: 'image',
        metadata: {
          userInput: 'registry.example.org/clinic/billing-api:2.4.1',
          imageID: 'sha256:1111111111111111111111111111111111111111111111111111111111111111',
          manifestDigest: 'sha256:2222222222222222222222222222222222222222222222222222222222222222',
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          tags: ['registry.example.org/clinic/billing-api:2.4.1'],
          repoDigests: [
            'registry.example.org/clinic/billing-api@sha256:3333333333333333333333333333333333333333333333333333333333333333',
          ],
        },
      },
      distro: {
        prettyName: 'Debian GNU/Linux 12 (bookworm)',
        name: 'Debian GNU/Linux',
        id: 'debian',
        idLike: [],
        version: '12 (bookworm)',
        versionID: '12',
      },
      artifacts: [
        artifact(
          'c1',
          'libc6',
          '2.36-9+deb12u4',
          'deb',
          'pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&upstream=glibc&distro=debian-12',
          { metadata: { package: 'libc6', source: 'glibc', sourceVersion: '' } },
        ),
        // no distro qualifier: the release comes from `distro`
        LIBSSL,
      ],
    });
    const r = await runDoc(doc);
    expect(r.asset).toMatchObject({
      externalId: 'oci:sha256:3333333333333333333333333333333333333333333333333333333333333333',
      name: 'registry.example.org/clinic/billing-api:2.4.1',
      kind: 'container-image',
    });
    expect(r.components.map((c) => [c.name, c.sourceName, c.distroRelease])).toEqual([
      ['libc6', 'glibc', 'Debian:12'],
      ['libssl3', 'openssl', 'Debian:12'],
    ]);
  });

  it('an image with neither digest is identified by its image id', async () => {
    const imageID = 'sha256:4444444444444444444444444444444444444444444444444444444444444444';
    const r = await runDoc(
      syft16({
        source: { type: 'image', metadata: { userInput: 'local/app:dev', imageID, repoDigests: null } },
      }),
    );
    expect(r.asset).toMatchObject({
      externalId: `oci:${imageID}`,
      name: 'local/app:dev',
      kind: 'container-image',
    });
  });

  it('a directory with --source-name/--source-version is that application', async () => {
    const r = await runDoc(syft16());
    expect(r.asset).toEqual({
      externalId: 'syft:directory:billing-api',
      name: 'billing-api',
      kind: 'application',
      version: '2.4.1',
      tags: {},
    });
  });

  it('rpm: SRPM from RpmDbEntry; the header epoch goes back on a purl that lacks it', async () => {
    const rpm = (id: string, purl: string, epoch: number | null) =>
      artifact(id, 'openssl-libs', '1:3.0.7-27.el9', 'rpm', purl, {
        metadataType: 'rpm-db-entry',
        metadata: {
          name: 'openssl-libs',
          version: '3.0.7',
          epoch,
          release: '27.el9',
          sourceRpm: 'openssl-3.0.7-27.el9.src.rpm',
        },
      });
    const doc = syft16({
      distro: { id: 'almalinux', versionID: '9.4' },
      artifacts: [
        rpm('r1', 'pkg:rpm/almalinux/openssl-libs@3.0.7-27.el9?arch=x86_64', 1),
        rpm('r2', 'pkg:rpm/almalinux/openssl-libs@3.0.7-27.el9?arch=aarch64&epoch=1', 1),
        rpm('r3', 'pkg:rpm/almalinux/openssl-libs@3.0.7-27.el9?arch=ppc64le', null),
      ],
    });
    const r = await runDoc(doc);
    const base = {
      ecosystem: 'AlmaLinux',
      name: 'openssl-libs',
      sourceName: 'openssl',
      sourceVersion: '3.0.7-27.el9',
      distroRelease: 'AlmaLinux:9',
    };
    expect(r.components).toEqual<ComponentRecord[]>([
      {
        purl: 'pkg:rpm/almalinux/openssl-libs@3.0.7-27.el9?arch=x86_64',
        ...base,
        version: '1:3.0.7-27.el9',
        ref: 'r1',
      },
      {
        purl: 'pkg:rpm/almalinux/openssl-libs@3.0.7-27.el9?arch=aarch64&epoch=1',
        ...base,
        version: '1:3.0.7-27.el9',
        ref: 'r2',
      },
      {
        purl: 'pkg:rpm/almalinux/openssl-libs@3.0.7-27.el9?arch=ppc64le',
        ...base,
        version: '3.0.7-27.el9',
        ref: 'r3',
      },
    ]);
  });

  it('a document without source is named after the file', async () => {
    const { source: _, ...doc } = syft16();
    const r = await runDoc(doc);
    expect(r.asset).toEqual({
      externalId: 'syft:sbom.syft.json',
      name: 'sbom.syft.json',
      kind: 'other',
      tags: {},
    });
  });
});
