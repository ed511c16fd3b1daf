/**
 * Broken dpkg status files (INPUT_SCHEMA with file and line, as dpkg's own parser refuses them)
 * and stanzas the adapter cannot use (rejected with a ref naming the line and a reason).
 */
import { describe, expect, it } from 'vitest';
import { sbomPath } from '../../shared-data.test-helpers.js';
import { readTxtar } from '../txtar.test-helpers.js';
import { dpkgStatusAdapter } from './index.js';

const FILE = 'uploads/status';
const run = (text: string) => dpkgStatusAdapter.extract({ file: FILE, text }, undefined);
const stanza = (name: string, extra = '', status = 'install ok installed') =>
  `Package: ${name}\nStatus: ${status}\nArchitecture: amd64\nVersion: 1.0-1\n${extra}`;

describe('syntax errors name the file and line', () => {
  it.each([
    [
      'a continuation line before any field',
      ' continued\nPackage: a\n',
      1,
      'continuation line before any field',
    ],
    [
      'a line that is neither a field nor a continuation',
      `${stanza('a')}\n${stanza('b')}garbage\n`,
      10,
      'expected "Field: value" or a continuation line',
    ],
    ['a duplicate field', `${stanza('a')}Version: 2\n`, 5, 'duplicate Version field in the paragraph'],
    ['a field name starting with "#"', `${stanza('a')}#Comment: x\n`, 5, 'invalid field name "#Comment"'],
    ['a field name starting with "-"', `-----BEGIN PGP SIGNED MESSAGE-----\n`, 1, expect.any(String)],
  ])('%s', async (_what, text, line, reason) => {
    await expect(run(text)).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: { file: FILE, line, reason },
    });
  });

  it('the real status file cut off in the middle of a field name fails at its last line', async () => {
    const full = readTxtar(sbomPath('os-package-lists/trivy__dpkg-status-valid.txtar')).files[0]?.data ?? '';
    const cut = full.slice(0, full.indexOf('Version: 1:2.4.47') + 'Vers'.length);
    await expect(run(cut)).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: { file: FILE, line: cut.split('\n').length },
    });
  });
});

describe('stanzas that are not installed packages are rejected with a reason', () => {
  it.each([
    [
      'Status: deinstall ok config-files',
      stanza('a', '', 'deinstall ok config-files'),
      'a:amd64 (line 1)',
      'not installed (Status "deinstall ok config-files")',
    ],
    [
      'Status: install ok half-installed',
      stanza('a', '', 'install ok half-installed'),
      'a:amd64 (line 1)',
      'not installed (Status "install ok half-installed")',
    ],
    [
      'Status: install reinstreq half-installed',
      stanza('a', '', 'install reinstreq half-installed'),
      'a:amd64 (line 1)',
      'broken installation, reinstall required (Status "install reinstreq half-installed")',
    ],
    [
      'Status with four words',
      stanza('a', '', 'install ok installed now'),
      'a:amd64 (line 1)',
      'invalid Status "install ok installed now" (dpkg(1): want flag status)',
    ],
    [
      'no Status',
      'Package: a\nVersion: 1\n',
      'a (line 1)',
      'no Status field: cannot tell whether it is installed',
    ],
    ['no Package', 'Status: install ok installed\nVersion: 1\n', 'line 1', 'no Package field'],
    ['no Version', 'Package: a\nStatus: install ok installed\n', 'a (line 1)', 'no Version field'],
    [
      'an unparsable Source',
      stanza('a', 'Source: glibc (2.36 x)\n'),
      'a:amd64 (line 1)',
      'unparsable Source "glibc (2.36 x)"',
    ],
  ])('%s', async (_what, text, ref, reason) => {
    // Stanza 2 (line 7 on) is a good package, so the file as a whole is accepted.
    const r = await run(`${text}\n${stanza('ok')}`.replace(/^\n+/, ''));
    expect(r.components.map((c) => c.name)).toEqual(['ok']);
    expect(r.rejected).toEqual([{ ref, reason }]);
  });

  it('held and selected-for-removal packages are still installed: their files are on disk', async () => {
    const text = [
      stanza('held', '', 'hold ok installed'),
      stanza('leaving', '', 'deinstall ok installed'),
      stanza('pending', '', 'install ok triggers-pending'),
      stanza('unpacked', '', 'install ok unpacked'),
    ].join('\n');
    const r = await run(text);
    expect(r.components.map((c) => c.name)).toEqual(['held', 'leaving', 'pending', 'unpacked']);
    expect(r.rejected).toEqual([]);
  });

  it('the same package and architecture twice: the second is a duplicate, with its line', async () => {
    const r = await run(`${stanza('a')}\n${stanza('a')}`);
    expect(r.components).toHaveLength(1);
    expect(r.rejected).toEqual([{ ref: 'a:amd64 (line 6)', reason: 'duplicate' }]);
  });

  it('multi-arch: one package on two architectures is two components', async () => {
    const r = await run(`${stanza('libc6')}\n${stanza('libc6').replace('amd64', 'i386')}`);
    expect(r.components.map((c) => c.ref)).toEqual(['libc6:amd64', 'libc6:i386']);
  });
});
