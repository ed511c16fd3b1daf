/**
 * The rpm -qa adapter on the committed fixtures (fixtures/readme.md says where every name and
 * EVR comes from), with and without the host's os-release beside the listing, and the EVR
 * splits checked against rpm itself (python3-rpm's `rpm.ver`) when it is installed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ComponentRecord } from '../../../core/inventory.js';
import { apkInstalledAdapter } from '../apk/index.js';
import { dpkgStatusAdapter } from '../dpkg/index.js';
import { expectPurlRoundTrip, OS_RELEASES, tempRoot } from '../os.test-helpers.js';
import { rpmQaAdapter } from './index.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const ALMA = fixture('almalinux-9.rpm-qa.txt');
const read = (file: string) => rpmQaAdapter.extract({ file, text: readFileSync(file, 'utf8') }, undefined);
/** The listing copied into a fresh directory with `os-release` beside it. */
const withOsRelease = (src: string, osRelease: string) => {
  const dir = tempRoot({ 'os-release': osRelease });
  copyFileSync(src, join(dir, 'rpm-qa.txt'));
  return join(dir, 'rpm-qa.txt');
};
const named = (cs: ComponentRecord[], name: string) => cs.filter((c) => c.name === name);

describe('AlmaLinux 9 listing (47 lines)', () => {
  it('is recognised by shape, by the rpm adapter only', () => {
    const input = { file: ALMA, text: readFileSync(ALMA, 'utf8') };
    expect(rpmQaAdapter.accepts(input, undefined)).toBe(true);
    expect(dpkgStatusAdapter.accepts(input, undefined)).toBe(false);
    expect(apkInstalledAdapter.accepts(input, undefined)).toBe(false);
  });

  it('46 packages; the gpg-pubkey signing key rejected with its line', async () => {
    const r = await read(ALMA);
    expect(r.components).toHaveLength(46);
    expect(r.rejected).toEqual([
      { ref: 'gpg-pubkey (line 1)', reason: 'gpg-pubkey is an imported signing key, not a package' },
    ]);
    expect(r.components.filter((c) => c.version?.includes(':'))).toHaveLength(18);
    expect(r.components.every((c) => c.sourceName && c.sourceVersion)).toBe(true);
    for (const c of r.components) expectPurlRoundTrip(c);
  });

  it('alone, the listing names no vendor: no ecosystem, no release, never a guess', async () => {
    const r = await read(ALMA);
    expect(new Set(r.components.map((c) => c.ecosystem))).toEqual(new Set([null]));
    expect(named(r.components, 'bash')[0]?.purl).toBe(
      'pkg:rpm/bash@5.1.8-9.el9?arch=x86_64&upstream=bash-5.1.8-9.el9.src.rpm',
    );
    expect(r.asset).toMatchObject({ kind: 'host', name: 'almalinux-9.rpm-qa.txt' });
    expect(r.asset.externalId).toMatch(/^os:unknown:[0-9a-f]{16}$/);
  });

  it('with os-release beside it: AlmaLinux:9, epoch qualifier, SRPM as upstream', async () => {
    const r = await read(withOsRelease(ALMA, OS_RELEASES.alma94));
    expect(new Set(r.components.map((c) => c.distroRelease))).toEqual(new Set(['AlmaLinux:9']));
    expect(r.asset).toMatchObject({ name: 'AlmaLinux 9.4 (Seafoam Ocelot)' });
    expect(r.asset.externalId).toMatch(/^os:almalinux-9\.4:[0-9a-f]{16}$/);
    expect(named(r.components, 'bind-libs')).toEqual<ComponentRecord[]>([
      {
        purl: 'pkg:rpm/almalinux/bind-libs@9.16.23-40.el9_8.8?arch=x86_64&distro=almalinux-9.4&epoch=32&upstream=bind-9.16.23-40.el9_8.8.src.rpm',
        ecosystem: 'AlmaLinux',
        name: 'bind-libs',
        version: '32:9.16.23-40.el9_8.8',
        sourceName: 'bind',
        sourceVersion: '9.16.23-40.el9_8.8',
        distroRelease: 'AlmaLinux:9',
        ref: 'bind-libs-32:9.16.23-40.el9_8.8.x86_64',
      },
    ]);
    for (const c of r.components) expectPurlRoundTrip(c);
  });

  it('source packages: dashes in names, sub-packages versioned apart from their SRPM, case kept', async () => {
    const r = await read(withOsRelease(ALMA, OS_RELEASES.alma94));
    const source = (name: string) =>
      named(r.components, name).map((c) => [c.version, c.sourceName, c.sourceVersion]);
    expect(source('python3-pyasn1')).toEqual([['0.4.8-7.el9_7', 'python-pyasn1', '0.4.8-7.el9_7']]);
    expect(source('npm')).toEqual([
      ['1:10.9.8-1.22.23.1.1.module_el9.8.0+276+8b329b47', 'nodejs', '22.23.1-1.module_el9.8.0+276+8b329b47'],
    ]);
    expect(source('pam_ssh_agent_auth')).toEqual([
      ['0.10.4-5.48.el9_7.alma.1', 'openssh', '8.7p1-48.el9_7.alma.1'],
    ]);
    expect(source('389-ds-base-libs')).toEqual([['2.8.0-9.el9_8', '389-ds-base', '2.8.0-9.el9_8']]);
    expect(source('LibRaw')).toEqual([['0.21.1-2.el9_8.1', 'LibRaw', '0.21.1-2.el9_8.1']]);
    // Install-only packages: two kernels installed side by side are two components.
    expect(source('kernel-core').map(([v]) => v)).toEqual(['5.14.0-611.36.1.el9_7', '5.14.0-687.39.1.el9_8']);
  });

  it('RHEL: ecosystem Red Hat, vendor redhat, but no release (OSV keys RHEL by product stream)', async () => {
    const r = await read(withOsRelease(ALMA, OS_RELEASES.rhel94));
    expect(new Set(r.components.map((c) => c.ecosystem))).toEqual(new Set(['Red Hat']));
    expect(r.components.filter((c) => c.distroRelease)).toEqual([]);
    expect(named(r.components, 'bash')[0]?.purl).toBe(
      'pkg:rpm/redhat/bash@5.1.8-9.el9?arch=x86_64&distro=rhel-9.4&upstream=bash-5.1.8-9.el9.src.rpm',
    );
  });
});

describe('CentOS 7 listing (the packages of Trivy’s centos-7 SBOM fixture)', () => {
  it('vendor centos: kept, ecosystem null (OSV has no CentOS ecosystem)', async () => {
    const r = await read(withOsRelease(fixture('centos-7.rpm-qa.txt'), OS_RELEASES.centos7));
    expect(r.rejected).toHaveLength(1);
    expect(r.components).toEqual<ComponentRecord[]>([
      {
        purl: 'pkg:rpm/centos/bash@4.2.46-31.el7?arch=x86_64&distro=centos-7&upstream=bash-4.2.46-31.el7.src.rpm',
        ecosystem: null,
        name: 'bash',
        version: '4.2.46-31.el7',
        sourceName: 'bash',
        sourceVersion: '4.2.46-31.el7',
        ref: 'bash-4.2.46-31.el7.x86_64',
      },
      {
        purl: 'pkg:rpm/centos/openssl-libs@1.0.2k-16.el7?arch=x86_64&distro=centos-7&epoch=1&upstream=openssl-1.0.2k-16.el7.src.rpm',
        ecosystem: null,
        name: 'openssl-libs',
        version: '1:1.0.2k-16.el7',
        sourceName: 'openssl',
        sourceVersion: '1.0.2k-16.el7',
        ref: 'openssl-libs-1:1.0.2k-16.el7.x86_64',
      },
    ]);
  });
});

// rpm's own EVR parser as the oracle: every record version must split into the listing's columns.
const python = spawnSync('/usr/bin/python3', ['-c', 'import rpm'], { encoding: 'utf8' });
describe.skipIf(python.status !== 0)('EVRs against python3-rpm (rpm.ver)', () => {
  it('every record version parses in rpm to the EPOCH, VERSION and RELEASE columns', async () => {
    const r = await read(ALMA);
    const script =
      'import rpm,sys,json\nfor l in sys.stdin:\n v=rpm.ver(l.strip())\n print(json.dumps([v.e,v.v,v.r],separators=(",",":")))';
    const out = spawnSync('/usr/bin/python3', ['-c', script], {
      input: r.components.map((c) => c.version).join('\n'),
      encoding: 'utf8',
    });
    const rows = readFileSync(ALMA, 'utf8').trim().split('\n').slice(1);
    const expected = rows.map((l) => {
      const [, epoch, version, release] = l.split('\t');
      return JSON.stringify([epoch === '(none)' ? null : epoch, version, release]);
    });
    expect(out.stdout.trim().split('\n')).toEqual(expected);
  });
});
