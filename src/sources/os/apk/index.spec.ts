/**
 * The apk installed-database adapter on Trivy's fixture (Alpine 3.4 packages, one block without
 * a version), in the two root filesystem layouts, with malformed databases and a fast-check
 * property for the block parser.
 */

import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComponentRecord } from '../../../core/inventory.js';
import { sbomText } from '../../shared-data.test-helpers.js';
import { dpkgStatusAdapter } from '../dpkg/index.js';
import { expectPurlRoundTrip, OS_RELEASES, tempRoot } from '../os.test-helpers.js';
import { rpmQaAdapter } from '../rpm/index.js';
import { apkInstalledAdapter, extractApkInstalled } from './index.js';

const db = sbomText('os-package-lists/trivy__apk-installed-db.txt');
const input = { file: 'fixtures/trivy/installed', text: db };
const byName = (cs: ComponentRecord[], name: string) => cs.find((c) => c.name === name);

describe('Trivy apk fixture (pkg/fanal/analyzer/pkg/apk/testdata/apk)', () => {
  it('is recognised by the apk adapter only', () => {
    expect(apkInstalledAdapter.accepts(input, undefined)).toBe(true);
    expect(dpkgStatusAdapter.accepts(input, undefined)).toBe(false);
    expect(rpmQaAdapter.accepts(input, undefined)).toBe(false);
  });

  it('16 blocks: 15 packages, the block without V: rejected with its line', async () => {
    const r = await apkInstalledAdapter.extract(input, undefined);
    expect(r.components).toHaveLength(15);
    expect(r.rejected).toEqual([
      { ref: 'invalidPackageWithoutAVersion (line 23)', reason: 'no V: (version) line' },
    ]);
    expect(new Set(r.components.map((c) => c.ecosystem))).toEqual(new Set(['Alpine']));
    expect(r.components.filter((c) => c.distroRelease)).toEqual([]);
    for (const c of r.components) expectPurlRoundTrip(c);
  });

  it('origin is the source package: libcrypto1.0 from openssl, scanelf from pax-utils', async () => {
    const r = await apkInstalledAdapter.extract(input, undefined);
    expect(byName(r.components, 'libcrypto1.0')).toEqual<ComponentRecord>({
      purl: 'pkg:apk/alpine/libcrypto1.0@1.0.2h-r1?arch=x86_64&upstream=openssl',
      ecosystem: 'Alpine',
      name: 'libcrypto1.0',
      version: '1.0.2h-r1',
      sourceName: 'openssl',
      ref: 'libcrypto1.0',
    });
    expect(byName(r.components, 'scanelf')?.sourceName).toBe('pax-utils');
    expect(byName(r.components, 'libc-utils')?.sourceName).toBe('libc-dev');
    expect(byName(r.components, 'test')).toMatchObject({
      version: '2.9.11_pre20061021-r2',
      sourceName: 'test-parent',
    });
  });

  it('<root>/lib/apk/db/installed with Alpine 3.4.6’s os-release: Alpine:v3.4', async () => {
    const alpine346 = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.4.6\nPRETTY_NAME="Alpine Linux v3.4"\n';
    const root = tempRoot({ 'lib/apk/db/installed': db, 'etc/os-release': alpine346 });
    const r = await extractApkInstalled({ file: join(root, 'lib/apk/db/installed'), text: db });
    expect(new Set(r.components.map((c) => c.distroRelease))).toEqual(new Set(['Alpine:v3.4']));
    expect(byName(r.components, 'musl')?.purl).toBe(
      'pkg:apk/alpine/musl@1.1.14-r10?arch=x86_64&distro=alpine-3.4.6&upstream=musl',
    );
    expect(r.asset).toMatchObject({
      name: 'Alpine Linux v3.4',
      externalId: expect.stringMatching(/^os:alpine-3\.4\.6:/),
    });
  });

  it('usr-merged <root>/usr/lib/apk/db/installed with Alpine 3.20.3: Alpine:v3.20', async () => {
    const root = tempRoot({ 'usr/lib/apk/db/installed': db, 'usr/lib/os-release': OS_RELEASES.alpine3203 });
    const r = await extractApkInstalled({ file: join(root, 'usr/lib/apk/db/installed'), text: db });
    expect(new Set(r.components.map((c) => c.distroRelease))).toEqual(new Set(['Alpine:v3.20']));
  });
});

describe('malformed databases', () => {
  const FILE = 'uploads/installed';
  it.each([
    [
      'a line that is not X:value',
      'P:musl\nV:1.1.14-r10\nmusl 1.1.14\n',
      3,
      'expected "X:value" (apk installed database)',
    ],
    [
      'two versions in one block',
      'P:musl\nV:1\n\nP:zlib\nV:1\nA:x86_64\nV:2\n',
      7,
      'duplicate V: line in one package',
    ],
  ])('%s: INPUT_SCHEMA at the line', async (_what, text, line, reason) => {
    await expect(extractApkInstalled({ file: FILE, text })).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: { file: FILE, line, reason },
    });
  });

  it('a block without P: is rejected with its line', async () => {
    const r = await extractApkInstalled({ file: FILE, text: 'P:musl\nV:1\n\n\nV:2\nA:x86_64\n' });
    expect(r.rejected).toEqual([{ ref: 'line 5', reason: 'no P: (package name) line' }]);
  });
});

describe('block parser (fast-check)', () => {
  const word = (chars: string) => fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 12 });
  const name = word('abcdefghijklmnopqrstuvwxyz0123456789-._+');
  const pkg = fc.record({
    name,
    version: fc
      .tuple(word('0123456789.'), word('abcdefghij_0123456789'), fc.nat(20))
      .map(([a, b, r]) => `${a}${b}-r${r}`),
    arch: fc.constantFrom('x86_64', 'aarch64', 'noarch'),
    origin: fc.option(name, { nil: undefined }),
    files: fc.array(word('abcdefghij/._'), { maxLength: 5 }),
  });
  it('every block becomes its package, in order, whatever files and fields surround it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(pkg, { selector: (p) => p.name, minLength: 1, maxLength: 8 }),
        async (pkgs) => {
          const text = pkgs
            .map((p) =>
              [
                'C:Q1abc=',
                `P:${p.name}`,
                `V:${p.version}`,
                `A:${p.arch}`,
                'T:a: description: with colons',
                ...(p.origin ? [`o:${p.origin}`] : []),
                ...p.files.flatMap((f) => [`F:${f}`, `R:${f}`, 'Z:Q1xyz=']),
              ].join('\n'),
            )
            .join('\n\n');
          const r = await extractApkInstalled({ file: 'installed', text });
          expect(r.rejected).toEqual([]);
          expect(r.components.map((c) => [c.name, c.version, c.sourceName])).toEqual(
            pkgs.map((p) => [p.name, p.version, p.origin]),
          );
          for (const c of r.components) expectPurlRoundTrip(c);
        },
      ),
      { numRuns: 300 },
    );
  });
});
