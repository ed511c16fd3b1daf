/**
 * The os-release context of a package database in a root filesystem (written to a temporary
 * directory): where it is looked up, symlinks resolved inside the root, and the cases where no
 * release is known and none is guessed.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sbomPath } from '../shared-data.test-helpers.js';
import { dpkgStatusAdapter } from './dpkg/index.js';
import { OS_RELEASES, tempRoot } from './os.test-helpers.js';
import { readTxtar } from './txtar.test-helpers.js';

const status = readTxtar(sbomPath('os-package-lists/trivy__dpkg-status-valid.txtar')).files[0]?.data ?? '';
const STATUS = 'var/lib/dpkg/status';
const extract = (root: string, text = status) =>
  dpkgStatusAdapter.extract({ file: join(root, STATUS), text }, undefined);
const releases = async (root: string) =>
  new Set((await extract(root)).components.map((c) => c.distroRelease));

describe('<root>/var/lib/dpkg/status → <root>/etc/os-release', () => {
  it('Ubuntu 18.04: every package Ubuntu:18.04:LTS, vendor ubuntu, distro qualifier ubuntu-18.04', async () => {
    const root = tempRoot({ [STATUS]: status, 'etc/os-release': OS_RELEASES.ubuntu1804 });
    const r = await extract(root);
    expect(r.components).toHaveLength(90);
    expect(new Set(r.components.map((c) => c.distroRelease))).toEqual(new Set(['Ubuntu:18.04:LTS']));
    expect(new Set(r.components.map((c) => c.ecosystem))).toEqual(new Set(['Ubuntu']));
    expect(r.components.find((c) => c.name === 'liblzma5')?.purl).toBe(
      'pkg:deb/ubuntu/liblzma5@5.1.1alpha+20120614-2+b3?arch=amd64&distro=ubuntu-18.04&upstream=xz-utils%405.1.1alpha%2B20120614-2',
    );
    const digest = createHash('sha256').update(status).digest('hex').slice(0, 16);
    expect(r.asset).toEqual({
      externalId: `os:ubuntu-18.04:${digest}`,
      name: 'Ubuntu 18.04.6 LTS',
      kind: 'host',
      tags: {},
    });
  });

  it('falls back to <root>/usr/lib/os-release (os-release(5))', async () => {
    const root = tempRoot({ [STATUS]: status, 'usr/lib/os-release': OS_RELEASES.debian11 });
    expect(await releases(root)).toEqual(new Set(['Debian:11']));
  });

  it('an absolute symlink /etc/os-release → /usr/lib/os-release resolves inside the root', async () => {
    const root = tempRoot({
      [STATUS]: status,
      'usr/lib/os-release': OS_RELEASES.debian11,
      'etc/os-release': { link: '/usr/lib/os-release' },
    });
    expect(await releases(root)).toEqual(new Set(['Debian:11']));
  });

  it('the usual relative symlink ../usr/lib/os-release', async () => {
    const root = tempRoot({
      [STATUS]: status,
      'usr/lib/os-release': OS_RELEASES.debian11,
      'etc/os-release': { link: '../usr/lib/os-release' },
    });
    expect(await releases(root)).toEqual(new Set(['Debian:11']));
  });

  it('a symlink leaving the root is not followed: no release rather than the scanner’s own', async () => {
    const root = tempRoot({
      [STATUS]: status,
      'etc/os-release': { link: '../../../../../../../../etc/os-release' },
    });
    const r = await extract(root);
    expect(r.components.filter((c) => c.distroRelease)).toEqual([]);
    expect(r.asset.externalId).toMatch(/^os:unknown:/);
  });

  it('no os-release in the root: packages keep ecosystem Debian and get no release', async () => {
    const root = tempRoot({ [STATUS]: status });
    const r = await extract(root);
    expect(new Set(r.components.map((c) => c.ecosystem))).toEqual(new Set(['Debian']));
    expect(r.components.filter((c) => c.distroRelease)).toEqual([]);
  });

  it('text that is not the file at that path (an upload named like it) reads no os-release', async () => {
    const root = tempRoot({ [STATUS]: status, 'etc/os-release': OS_RELEASES.ubuntu1804 });
    const other = status.replace('Package: fdisk', 'Package: fdisk2');
    const r = await extract(root, other);
    expect(r.components.filter((c) => c.distroRelease)).toEqual([]);
    expect(r.asset.externalId).toMatch(/^os:unknown:/);
  });

  it('os-release without VERSION_ID (Debian testing): ecosystem known, no release', async () => {
    const sid =
      'PRETTY_NAME="Debian GNU/Linux trixie/sid"\nNAME="Debian GNU/Linux"\nVERSION_CODENAME=trixie\nID=debian\n';
    const root = tempRoot({ [STATUS]: status, 'etc/os-release': sid });
    const r = await extract(root);
    expect(r.components.filter((c) => c.distroRelease)).toEqual([]);
    expect(r.components[0]?.purl).not.toContain('distro=');
    expect(r.asset).toMatchObject({
      name: 'Debian GNU/Linux trixie/sid',
      externalId: expect.stringMatching(/^os:debian:/),
    });
  });

  it('a malformed os-release fails with the os-release file, line and column', async () => {
    const root = tempRoot({ [STATUS]: status, 'etc/os-release': 'ID=debian\nVERSION_ID="12\n' });
    await expect(extract(root)).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: {
        file: join(root, 'etc/os-release'),
        line: 2,
        column: 12,
        reason: 'unterminated double quote',
      },
    });
  });
});
