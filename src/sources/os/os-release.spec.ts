/**
 * os-release(5) parsing and the distro it names: the files distributions ship, shell quoting
 * checked against /bin/sh itself, syntax errors with line and column, and a fast-check round trip.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OS_RELEASES, tempRoot } from './os.test-helpers.js';
import { type Distro, distroOf, parseOsRelease } from './os-release.js';

const distro = (text: string) => distroOf(parseOsRelease(text, 'os-release'));

describe('distributions’ os-release files → OSV ecosystem and release', () => {
  it.each<[string, string, Partial<Distro>]>([
    [
      'Ubuntu 18.04',
      OS_RELEASES.ubuntu1804,
      {
        id: 'ubuntu',
        ecosystem: 'Ubuntu',
        release: 'Ubuntu:18.04:LTS',
        qualifier: 'ubuntu-18.04',
        versionCodename: 'bionic',
        idLike: ['debian'],
      },
    ],
    ['Ubuntu 22.04', 'ID=ubuntu\nVERSION_ID="22.04"\n', { release: 'Ubuntu:22.04:LTS' }],
    ['Ubuntu 23.10', 'ID=ubuntu\nVERSION_ID="23.10"\n', { release: 'Ubuntu:23.10' }],
    [
      'Debian 11',
      OS_RELEASES.debian11,
      { id: 'debian', release: 'Debian:11', prettyName: 'Debian GNU/Linux 11 (bullseye)' },
    ],
    [
      'Debian 12',
      'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n',
      { release: 'Debian:12', qualifier: 'debian-12' },
    ],
    [
      'Alpine 3.20.3',
      OS_RELEASES.alpine3203,
      { ecosystem: 'Alpine', release: 'Alpine:v3.20', qualifier: 'alpine-3.20.3' },
    ],
    [
      'AlmaLinux 9.4',
      OS_RELEASES.alma94,
      { ecosystem: 'AlmaLinux', release: 'AlmaLinux:9', idLike: ['rhel', 'centos', 'fedora'] },
    ],
    [
      'Rocky Linux 9.3',
      'NAME="Rocky Linux"\nID="rocky"\nVERSION_ID="9.3"\n',
      { ecosystem: 'Rocky Linux', release: 'Rocky Linux:9' },
    ],
  ])('%s', (_name, text, expected) => {
    expect(distro(text)).toMatchObject(expected);
  });

  it.each<[string, string, Partial<Distro>]>([
    // Red Hat's OSV ecosystem is keyed by product stream (`Red Hat:enterprise_linux:9::appstream`).
    [
      'RHEL 9.4: Red Hat, no derivable release',
      OS_RELEASES.rhel94,
      { ecosystem: 'Red Hat', qualifier: 'rhel-9.4' },
    ],
    // ID_LIKE names a parent whose advisories do not apply to CentOS's own builds.
    [
      'CentOS 7: no OSV ecosystem, ID_LIKE not used',
      OS_RELEASES.centos7,
      { id: 'centos', ecosystem: null, qualifier: 'centos-7' },
    ],
    [
      'Debian testing: codename only',
      'ID=debian\nVERSION_CODENAME=trixie\n',
      { ecosystem: 'Debian', versionCodename: 'trixie' },
    ],
    [
      'Alpine edge',
      'ID=alpine\nVERSION_ID=3.21_alpha20240807\n',
      { ecosystem: 'Alpine', versionId: '3.21_alpha20240807' },
    ],
    [
      'an empty file (os-release(5) defaults)',
      '',
      { id: 'linux', prettyName: 'Linux', ecosystem: null, idLike: [] },
    ],
  ])('%s', (_name, text, expected) => {
    const d = distro(text);
    expect(d).toMatchObject(expected);
    expect(d.release).toBeUndefined();
    if (!('qualifier' in expected)) expect(d.qualifier).toBeUndefined();
  });
});

// Lines whose value /bin/sh must agree with (os-release(5): "compatible with shell script syntax").
const QUOTING: Array<[string, string]> = [
  ['A=plain', 'plain'],
  ['A="double quoted"', 'double quoted'],
  ["A='single \\ quoted $x'", 'single \\ quoted $x'],
  ['A="esc \\" \\\\ \\$ \\` \\n"', 'esc " \\ $ ` \\n'],
  ['A=bare\\ space\\"q', 'bare space"q'],
  ['A="con"\'cat\'enated', 'concatenated'],
  ['A="multi\nline"', 'multi\nline'],
  ['A="cont\\\ninued"', 'continued'],
  ['A=x#y # a comment', 'x#y'],
  ['  A="indented"  ', 'indented'],
  ['A=', ''],
  ['A=""', ''],
];

describe('shell quoting', () => {
  it.each(QUOTING)('%j', (line, value) => {
    expect(parseOsRelease(`# comment\n${line}\nB=after\n`, 'f')).toEqual(
      new Map([
        ['A', value],
        ['B', 'after'],
      ]),
    );
  });

  const sh = spawnSync('/bin/sh', ['-c', 'true']);
  it.skipIf(sh.status !== 0)('/bin/sh reads every one of them the same way', () => {
    const dir = tempRoot({});
    QUOTING.forEach(([line, value], i) => {
      const file = join(dir, `case${i}`);
      writeFileSync(file, `${line}\n`);
      const out = spawnSync('/bin/sh', ['-c', '. "$1"; printf %s "$A"', 'sh', file], { encoding: 'utf8' });
      expect(out.stdout, line).toBe(value);
    });
  });
});

describe('syntax errors name the file, line and column', () => {
  it.each([
    ['ID=debian\nVERSION_ID="12\n', 2, 12, 'unterminated double quote'],
    ["ID=debian\n\nNAME='Debian\n", 3, 6, 'unterminated single quote'],
    [
      'ID=debian\nNAME=Debian GNU/Linux\n',
      2,
      13,
      'unquoted blank inside a value (os-release(5): quote values with spaces)',
    ],
    ['ID=debian\nexport VERSION_ID=12\n', 2, 1, 'expected KEY=value (os-release(5))'],
    ['ID = debian\n', 1, 1, 'expected KEY=value (os-release(5))'],
    ['ID=$(reboot)\n', 1, 4, 'shell metacharacter "$" must be quoted'],
    ['ID=a;b\n', 1, 5, 'shell metacharacter ";" must be quoted'],
  ])('%j', (text, line, column, reason) => {
    expect(() => parseOsRelease(text, '/x/etc/os-release')).toThrow(
      expect.objectContaining({
        code: 'INPUT_SCHEMA',
        details: { file: '/x/etc/os-release', line, column, reason },
      }),
    );
  });
});

describe('round trip (fast-check)', () => {
  // Any printable value, written in one of the three quoting styles a shell accepts.
  const quote = (v: string, style: number): string => {
    if (style === 0) return `"${v.replace(/["\\$`]/g, (c) => `\\${c}`)}"`;
    if (style === 1) return `'${v.replaceAll("'", `'\\''`)}'`;
    return v === '' ? '""' : v.replace(/[^A-Za-z0-9_./:+@%-]/g, (c) => `\\${c}`);
  };
  const key = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,15}$/);
  const value = fc.string({
    unit: fc.constantFrom(...' abcXYZ019"\'\\$`#;=()/.-_\t'.split('')),
    maxLength: 20,
  });
  it('parse(quote(values)) = values', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(key, value, fc.nat(2)), { selector: ([k]) => k, maxLength: 8 }),
        (pairs) => {
          const text = pairs.map(([k, v, s]) => `${k}=${quote(v, s)}`).join('\n');
          expect(parseOsRelease(text, 'f')).toEqual(new Map(pairs.map(([k, v]) => [k, v])));
        },
      ),
      { numRuns: 500 },
    );
  });
});
