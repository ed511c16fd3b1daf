/**
 * The Bottlerocket inventory Trivy tests with (shared/data/sbom/os-package-lists), alone and in
 * a root filesystem beside Bottlerocket's os-release, and detection against its neighbours.
 * The entry count is read from the file here with a plain JSON walk.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComponentRecord } from '../../../core/inventory.js';
import { cyclonedxJsonAdapter } from '../../sbom/cyclonedx/index.js';
import { spdxJsonAdapter } from '../../sbom/spdx/index.js';
import { syftJsonAdapter } from '../../sbom/syft/index.js';
import { sbomPath, sbomText } from '../../shared-data.test-helpers.js';
import { expectPurlRoundTrip, tempRoot } from '../os.test-helpers.js';
import { BOTTLEROCKET_INVENTORY_PATH, bottlerocketInventoryAdapter } from './index.js';

const INVENTORY = 'os-package-lists/trivy__bottlerocket-application-inventory.json';
const text = sbomText(INVENTORY);
const read = (file: string, body = text) =>
  bottlerocketInventoryAdapter.extract({ file, text: body }, JSON.parse(body));

// Authored from Bottlerocket's os-release template (bottlerocket-os/bottlerocket, packages/release).
const OS_RELEASE = `NAME=Bottlerocket
ID=bottlerocket
VERSION="1.34.0 (aws-k8s-1.31)"
PRETTY_NAME="Bottlerocket OS 1.34.0 (aws-k8s-1.31)"
VARIANT_ID=aws-k8s-1.31
VERSION_ID=1.34.0
BUILD_ID=5f13b929
HOME_URL="https://github.com/bottlerocket-os/bottlerocket"
SUPPORT_URL="https://github.com/bottlerocket-os/bottlerocket/discussions"
BUG_REPORT_URL="https://github.com/bottlerocket-os/bottlerocket/issues"
`;

describe('trivy__bottlerocket-application-inventory.json', () => {
  it('components = Content entries − rejected; every purl reads back as the record', async () => {
    const entries = (JSON.parse(text) as { Content: unknown[] }).Content.length;
    const r = await read(sbomPath(INVENTORY));
    expect(r.rejected).toEqual([]);
    expect(r.components).toHaveLength(entries - r.rejected.length);
    for (const c of r.components) expectPurlRoundTrip(c);
  });

  it('Trivy’s purl form: bottlerocket type, Version-Release, epoch qualifier when not 0, no ecosystem', async () => {
    const r = await read(sbomPath(INVENTORY));
    expect(r.components.slice(0, 2)).toEqual<ComponentRecord[]>([
      {
        purl: 'pkg:bottlerocket/glibc@2.43-1.1781747852.5f13b929.br1?arch=x86_64&epoch=1',
        ecosystem: null,
        name: 'glibc',
        version: '1:2.43-1.1781747852.5f13b929.br1',
        ref: 'glibc-1:2.43-1.1781747852.5f13b929.br1.x86_64',
      },
      {
        purl: 'pkg:bottlerocket/kernel-6.1@6.1.172-1.1779997967.64782dc8.br1?arch=x86_64',
        ecosystem: null,
        name: 'kernel-6.1',
        version: '6.1.172-1.1779997967.64782dc8.br1',
        ref: 'kernel-6.1-6.1.172-1.1779997967.64782dc8.br1.x86_64',
      },
    ]);
    expect(r.components.map((c) => c.name)).toEqual(['glibc', 'kernel-6.1', 'runc', 'coreutils', 'grub']);
  });

  it('alone, the host is "bottlerocket", identified by the file digest', async () => {
    const r = await read(sbomPath(INVENTORY));
    expect(r.asset).toMatchObject({ name: 'bottlerocket', kind: 'host', tags: {} });
    expect(r.asset.externalId).toMatch(/^os:bottlerocket:[0-9a-f]{16}$/);
  });

  it('in a root filesystem with os-release: distro qualifier and the pretty name', async () => {
    const root = tempRoot({
      [BOTTLEROCKET_INVENTORY_PATH]: text,
      'usr/lib/os-release': OS_RELEASE,
      'etc/os-release': { link: '../usr/lib/os-release' },
    });
    const r = await read(join(root, BOTTLEROCKET_INVENTORY_PATH));
    expect(r.asset).toMatchObject({ name: 'Bottlerocket OS 1.34.0 (aws-k8s-1.31)', kind: 'host' });
    expect(r.asset.externalId).toMatch(/^os:bottlerocket-1\.34\.0:[0-9a-f]{16}$/);
    expect(r.components[0]?.purl).toBe(
      'pkg:bottlerocket/glibc@2.43-1.1781747852.5f13b929.br1?arch=x86_64&distro=bottlerocket-1.34.0&epoch=1',
    );
    for (const c of r.components) {
      expect(c.distroRelease).toBeUndefined(); // OSV has no Bottlerocket ecosystem to key it
      expectPurlRoundTrip(c);
    }
  });

  it('an os-release beside it that is not Bottlerocket’s is not applied', async () => {
    const dir = tempRoot({
      'application-inventory.json': text,
      'os-release': 'ID=debian\nVERSION_ID="12"\n',
    });
    const r = await read(join(dir, 'application-inventory.json'));
    expect(r.asset.name).toBe('bottlerocket');
    expect(r.components.every((c) => !c.purl.includes('distro='))).toBe(true);
  });
});

describe('detection', () => {
  const accepts = (parsed: unknown) =>
    bottlerocketInventoryAdapter.accepts({ file: 'x.json', text: '' }, parsed);
  const entry = (publisher: string) => ({
    Name: 'bash',
    Publisher: publisher,
    Version: '5.2',
    Release: '1',
    ApplicationType: 'Unspecified',
  });

  it('is the only adapter that accepts the file, with the registered id', () => {
    expect(bottlerocketInventoryAdapter.id).toBe('os/bottlerocket-inventory');
    expect(bottlerocketInventoryAdapter.version).toBe('1');
    const input = { file: INVENTORY, text };
    const parsed: unknown = JSON.parse(text);
    expect(bottlerocketInventoryAdapter.accepts(input, parsed)).toBe(true);
    for (const other of [cyclonedxJsonAdapter, spdxJsonAdapter, syftJsonAdapter]) {
      expect(other.accepts(input, parsed)).toBe(false);
    }
  });

  it('accepts the older "Bottlerocket" publisher (Trivy’s no-epoch fixture)', () => {
    expect(accepts({ Content: [entry('Bottlerocket')] })).toBe(true);
  });

  it('does not grab other JSON: other keys, another OS’s SSM inventory, empty or odd Content, SBOMs', () => {
    expect(accepts({ Content: [entry('bottlerocket-core-kit')], TypeName: 'AWS:Application' })).toBe(false);
    expect(
      accepts({ TypeName: 'AWS:Application', SchemaVersion: '1.1', Content: [entry('Bottlerocket')] }),
    ).toBe(false);
    expect(accepts({ Content: [entry('Amazon Linux')] })).toBe(false);
    expect(accepts({ Content: [entry('rocketbottle')] })).toBe(false);
    expect(accepts({ Content: [] })).toBe(false);
    expect(accepts({ Content: {} })).toBe(false);
    expect(accepts({ Content: ['bash'] })).toBe(false);
    expect(accepts({ content: [entry('Bottlerocket')] })).toBe(false);
    expect(accepts([{ Content: [entry('Bottlerocket')] }])).toBe(false);
    expect(accepts(undefined)).toBe(false);
    const cdx = 'cyclonedx-bom-examples/SBOM__laravel-7.12.0__bom.1.4.json';
    expect(accepts(JSON.parse(sbomText(cdx)))).toBe(false);
  });
});
