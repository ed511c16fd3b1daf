/**
 * The dpkg status adapter on real status files: Trivy's fixture (Ubuntu 18.04 packages plus one
 * Debian config-files leftover) and the status file of the machine the tests run on, counted
 * independently with a plain regular expression.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ComponentRecord } from '../../../core/inventory.js';
import { sbomPath } from '../../shared-data.test-helpers.js';
import { apkInstalledAdapter } from '../apk/index.js';
import { expectPurlRoundTrip } from '../os.test-helpers.js';
import { rpmQaAdapter } from '../rpm/index.js';
import { readTxtar } from '../txtar.test-helpers.js';
import { dpkgStatusAdapter } from './index.js';

const archive = readTxtar(sbomPath('os-package-lists/trivy__dpkg-status-valid.txtar'));
const status = archive.files.find((f) => f.name === 'var/lib/dpkg/status')?.data ?? '';
// A name that is not the file's real path: no os-release is looked up for it.
const input = { file: 'fixtures/trivy/var/lib/dpkg/status', text: status };
const byName = (components: ComponentRecord[], name: string) => components.find((c) => c.name === name);

describe('Trivy valid.txtar (pkg/fanal/analyzer/pkg/dpkg/testdata)', () => {
  it('holds one status file, recognised by the dpkg adapter only', () => {
    expect(archive.files.map((f) => f.name)).toEqual(['var/lib/dpkg/status']);
    expect(dpkgStatusAdapter.accepts(input, undefined)).toBe(true);
    expect(rpmQaAdapter.accepts(input, undefined)).toBe(false);
    expect(apkInstalledAdapter.accepts(input, undefined)).toBe(false);
  });

  it('91 stanzas: 90 installed packages, the config-files leftover rejected with its line', async () => {
    const r = await dpkgStatusAdapter.extract(input, undefined);
    expect(r.components).toHaveLength(90);
    expect(r.rejected).toEqual([
      { ref: 'git:amd64 (line 2133)', reason: 'not installed (Status "deinstall ok config-files")' },
    ]);
    expect(new Set(r.components.map((c) => c.ecosystem))).toEqual(new Set(['Debian']));
    // 63 carry a Source field, 4 of them with a source version, 13 versions carry an epoch.
    expect(r.components.filter((c) => c.sourceName)).toHaveLength(63);
    expect(r.components.filter((c) => c.sourceVersion)).toHaveLength(4);
    expect(r.components.filter((c) => c.version?.includes(':'))).toHaveLength(13);
    // No os-release: no release is guessed (the Ubuntu versions notwithstanding).
    expect(r.components.filter((c) => c.distroRelease)).toEqual([]);
    expect(r.asset).toEqual({
      externalId: expect.stringMatching(/^os:unknown:[0-9a-f]{16}$/),
      name: 'status',
      kind: 'host',
      tags: {},
    });
  });

  it('binNMU: the binary is 5.1.1alpha+20120614-2+b3, its source xz-utils 5.1.1alpha+20120614-2', async () => {
    const r = await dpkgStatusAdapter.extract(input, undefined);
    expect(byName(r.components, 'liblzma5')).toEqual<ComponentRecord>({
      purl: 'pkg:deb/debian/liblzma5@5.1.1alpha+20120614-2+b3?arch=amd64&upstream=xz-utils%405.1.1alpha%2B20120614-2',
      ecosystem: 'Debian',
      name: 'liblzma5',
      version: '5.1.1alpha+20120614-2+b3',
      sourceName: 'xz-utils',
      sourceVersion: '5.1.1alpha+20120614-2',
      ref: 'liblzma5:amd64',
    });
  });

  it('an epoch only the binary has: bsdutils 1:2.31.1-0.4ubuntu3.1 from util-linux 2.31.1-0.4ubuntu3.1', async () => {
    const r = await dpkgStatusAdapter.extract(input, undefined);
    expect(byName(r.components, 'bsdutils')).toMatchObject({
      purl: 'pkg:deb/debian/bsdutils@1:2.31.1-0.4ubuntu3.1?arch=amd64&upstream=util-linux%402.31.1-0.4ubuntu3.1',
      version: '1:2.31.1-0.4ubuntu3.1',
      sourceName: 'util-linux',
      sourceVersion: '2.31.1-0.4ubuntu3.1',
    });
    // Source without a version: the source version is the binary's (deb-control(5)).
    const fdisk = byName(r.components, 'fdisk');
    expect(fdisk).toMatchObject({ version: '2.31.1-0.4ubuntu3.1', sourceName: 'util-linux' });
    expect(fdisk?.sourceVersion).toBeUndefined();
    // No Source field: source = binary, so no upstream qualifier.
    expect(byName(r.components, 'procps')?.purl).toBe('pkg:deb/debian/procps@2:3.3.12-3ubuntu1.1?arch=amd64');
  });

  it('every purl maps back through purl.ts to the record (ecosystem, version, source, release)', async () => {
    const r = await dpkgStatusAdapter.extract(input, undefined);
    for (const c of r.components) expectPurlRoundTrip(c);
  });
});

describe('this machine: /var/lib/dpkg/status', () => {
  const path = '/var/lib/dpkg/status';
  const present = existsSync(path);

  it.skipIf(!present)('every installed stanza is a component, counted independently', async () => {
    const text = readFileSync(path, 'utf8');
    // Independent count: stanzas whose Status says the files are on disk (dpkg(1) states).
    const stanzas = text.split(/\n[ \t]*\n/).filter((s) => /^Package:/m.test(s));
    const installed = stanzas.filter((s) =>
      /^Status: \S+ ok (?:installed|unpacked|half-configured|triggers-awaited|triggers-pending)$/m.test(s),
    );
    const r = await dpkgStatusAdapter.extract({ file: path, text }, undefined);
    expect(r.components).toHaveLength(installed.length);
    expect(r.rejected).toHaveLength(stanzas.length - installed.length);
    expect(new Set(r.components.map((c) => c.purl)).size).toBe(r.components.length);
    for (const c of r.components) expectPurlRoundTrip(c);
  });

  it.skipIf(!present || !existsSync('/etc/os-release'))(
    'the host os-release (read at its standard place) fixes the release',
    async () => {
      const osRelease = readFileSync('/etc/os-release', 'utf8');
      const field = (k: string) => new RegExp(`^${k}="?([^"\\n]*)"?$`, 'm').exec(osRelease)?.[1];
      const r = await dpkgStatusAdapter.extract({ file: path, text: readFileSync(path, 'utf8') }, undefined);
      expect(r.asset.name).toBe(field('PRETTY_NAME'));
      expect(r.asset.externalId).toMatch(
        new RegExp(`^os:${field('ID')}-${field('VERSION_ID')}:[0-9a-f]{16}$`),
      );
      if (field('ID') === 'debian') {
        const release = `Debian:${field('VERSION_ID')}`;
        expect(new Set(r.components.map((c) => c.distroRelease))).toEqual(new Set([release]));
      }
    },
  );
});
