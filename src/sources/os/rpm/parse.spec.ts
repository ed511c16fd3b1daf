/**
 * The rpm -qa line parser: malformed listings (INPUT_SCHEMA with file and line), rows the
 * adapter cannot use (rejected with the line and a reason), and a fast-check property for the
 * SOURCERPM split from the right.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePurl } from '../../purl.js';
import { expectPurlRoundTrip } from '../os.test-helpers.js';
import { extractRpmQa, isRpmQa } from './index.js';
import { splitSourceRpm } from './parse.js';

const FILE = 'uploads/rpm-qa.txt';
const run = (text: string) => extractRpmQa({ file: FILE, text });
const row = (...cols: string[]) => cols.join('\t');
const BASH = row('bash', '(none)', '5.1.8', '9.el9', 'x86_64', 'bash-5.1.8-9.el9.src.rpm');

describe('malformed listings', () => {
  it('a line with five columns (a missing tab) fails at that line', async () => {
    const text = [BASH, BASH.replace('bash', 'zsh'), row('tar', '2', '1.34', '7.el9', 'x86_64')].join('\n');
    await expect(run(text)).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: {
        file: FILE,
        line: 3,
        reason: expect.stringMatching(/^expected 6 tab-separated columns .* found 5$/),
      },
    });
  });

  it('an empty NAME fails at its line', async () => {
    await expect(run(`${BASH}\n\n${BASH.replace('bash\t', '\t')}\n`)).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: { file: FILE, line: 3, reason: 'empty NAME' },
    });
  });

  it('other formats are not taken for a listing', () => {
    expect(isRpmQa('bash-5.1.8-9.el9.x86_64\n')).toBe(false); // plain `rpm -qa`
    expect(isRpmQa(row('bash', '(none)', '5.1.8', '9.el9', 'x86_64'))).toBe(false);
    expect(isRpmQa(row('bash', 'x', '5.1.8', '9.el9', 'x86_64', 'bash.src.rpm'))).toBe(false);
    expect(isRpmQa(`\n${BASH}\n`)).toBe(true);
  });
});

describe('rows that are not usable packages are rejected with the line', () => {
  it.each([
    [row('tar', 'x1', '1.34', '7.el9', 'x86_64', 'tar-1.34-7.el9.src.rpm'), 'invalid EPOCH "x1"'],
    [row('tar', '(none)', '(none)', '7.el9', 'x86_64', 'tar-1.34-7.el9.src.rpm'), 'no VERSION'],
    [row('tar', '(none)', '1.34', '(none)', 'x86_64', 'tar-1.34-7.el9.src.rpm'), 'no RELEASE'],
    [row('tar', '(none)', '1.34', '7.el9', 'x86_64', 'tar.src.rpm'), 'unparsable SOURCERPM "tar.src.rpm"'],
    [
      row('gpg-pubkey', '(none)', 'b86b3716', '61e69f29', '(none)', '(none)'),
      'gpg-pubkey is an imported signing key, not a package',
    ],
  ])('%s', async (line, reason) => {
    const r = await run(`${BASH}\n${line}\n`);
    expect(r.components.map((c) => c.name)).toEqual(['bash']);
    expect(r.rejected).toEqual([{ ref: `${line.split('\t')[0]} (line 2)`, reason }]);
  });

  it('a package without a source RPM (not a key) is kept, matched by its own name', async () => {
    const r = await run(row('local-tool', '(none)', '1.0', '1', 'noarch', '(none)'));
    expect(r.rejected).toEqual([]);
    expect(r.components[0]).toMatchObject({ name: 'local-tool', version: '1.0-1' });
    expect(r.components[0]?.sourceName).toBeUndefined();
  });

  it('the same NEVRA twice is one component and a duplicate', async () => {
    const r = await run(`${BASH}\n${BASH}\n`);
    expect(r.components).toHaveLength(1);
    expect(r.rejected).toEqual([{ ref: 'bash-5.1.8-9.el9.x86_64 (line 2)', reason: 'duplicate' }]);
  });
});

describe('SOURCERPM split (fast-check)', () => {
  const seg = (chars: string) => fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 10 });
  const alnum = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  // rpm names may hold `-`, `+`, `.`, `_`; version and release may not hold `-` (rpmbuild).
  const name = fc.array(seg(`${alnum}+._`), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('-'));
  const evr = seg(`${alnum}.+_~^`);

  it('name-version-release.src.rpm splits back from the right; purl.ts agrees', async () => {
    await fc.assert(
      fc.asyncProperty(
        name,
        name,
        evr,
        evr,
        fc.option(fc.nat(40), { nil: undefined }),
        async (bin, src, v, r, e) => {
          const srpm = `${src}-${v}-${r}.src.rpm`;
          expect(splitSourceRpm(srpm)).toEqual({ name: src, version: v, release: r });
          const line = row(bin, e === undefined ? '(none)' : String(e), v, r, 'x86_64', srpm);
          const { components } = await run(line);
          const [c] = components;
          expect(c).toMatchObject({ name: bin, sourceName: src, sourceVersion: `${v}-${r}` });
          expect(c?.version).toBe(`${e ? `${e}:` : ''}${v}-${r}`);
          expectPurlRoundTrip(c!);
          expect(parsePurl(c!.purl).qualifiers.upstream).toBe(srpm);
        },
      ),
      { numRuns: 300 },
    );
  });
});
