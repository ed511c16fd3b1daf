/**
 * Broken Bottlerocket inventories (INPUT_SCHEMA with the JSON pointer) and entries the adapter
 * cannot use (rejected with the entry's pointer and a reason), plus a fast-check property: any
 * Name/Version/Release/Epoch/Architecture round-trips through the purl and parsePurl.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePurl, versionWithEpoch } from '../../purl.js';
import { expectPurlRoundTrip } from '../os.test-helpers.js';
import { bottlerocketInventoryAdapter } from './index.js';

const FILE = 'uploads/application-inventory.json';
const app = (extra: Record<string, unknown> = {}) => ({
  Name: 'runc',
  Publisher: 'bottlerocket-core-kit',
  Version: '1.3.5',
  Release: '1.1781747852.5f13b929.br1',
  Epoch: '1',
  InstalledTime: '2026-06-19T00:28:59Z',
  ApplicationType: 'Unspecified',
  Architecture: 'x86_64',
  Url: 'https://github.com/opencontainers/runc',
  Summary: 'CLI for running Open Containers',
  ...extra,
});
const run = (content: unknown[]) => {
  const doc = { Content: content };
  const text = JSON.stringify(doc, null, 2);
  if (!bottlerocketInventoryAdapter.accepts({ file: FILE, text }, doc)) throw new Error('not accepted');
  return bottlerocketInventoryAdapter.extract({ file: FILE, text }, doc);
};

describe('shape errors name the JSON pointer', () => {
  it.each([
    ['a numeric Version', [app({ Version: 1.35 })], '/Content/0/Version'],
    ['a missing Name in the second entry', [app(), app({ Name: undefined })], '/Content/1/Name'],
    [
      'a numeric Epoch (Bottlerocket writes strings)',
      [app(), app(), app({ Name: 'grub', Epoch: 1 })],
      '/Content/2/Epoch',
    ],
    ['an entry that is a string', [app(), 'glibc'], '/Content/1'],
    ['a null Release', [app({ Release: null })], '/Content/0/Release'],
  ])('%s', async (_what, content, pointer) => {
    await expect(run(content)).rejects.toMatchObject({
      code: 'INPUT_SCHEMA',
      details: { file: FILE, pointer },
    });
  });
});

describe('entries that are not usable packages are rejected with their pointer', () => {
  it('empty Name or Version, a non-numeric Epoch, the same package twice', async () => {
    const r = await run([
      app(),
      app({ Name: '' }),
      app({ Name: 'glibc', Version: '' }),
      app({ Name: 'grub', Epoch: 'one' }),
      app(),
    ]);
    expect(r.components.map((c) => c.name)).toEqual(['runc']);
    expect(r.rejected).toEqual([
      { ref: '/Content/1', reason: 'empty Name' },
      { ref: 'glibc (/Content/2)', reason: 'empty Version' },
      { ref: 'grub (/Content/3)', reason: 'invalid Epoch "one"' },
      { ref: 'runc-1:1.3.5-1.1781747852.5f13b929.br1.x86_64 (/Content/4)', reason: 'duplicate' },
    ]);
  });

  it('an older inventory without Epoch (Trivy’s no-epoch fixture) keeps the packages, epoch 0', async () => {
    const r = await run([
      app({ Publisher: 'Bottlerocket', Epoch: undefined, Release: '29cc92cc', Version: '1.19.2' }),
    ]);
    expect(r.components).toEqual([
      {
        purl: 'pkg:bottlerocket/runc@1.19.2-29cc92cc?arch=x86_64',
        ecosystem: null,
        name: 'runc',
        version: '1.19.2-29cc92cc',
        ref: 'runc-1.19.2-29cc92cc.x86_64',
      },
    ]);
  });
});

describe('purl round trip (fast-check)', () => {
  // rpm NAME may hold `-+._`; VERSION and RELEASE may not hold `-` (rpmbuild refuses it).
  const alnum = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const seg = (chars: string) => fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 12 });
  const name = fc.array(seg(`${alnum}+._`), { minLength: 1, maxLength: 3 }).map((p) => p.join('-'));
  const evr = seg(`${alnum}.+_~^`);

  it('Name, Version-Release, Epoch and Architecture come back from the purl via parsePurl', async () => {
    await fc.assert(
      fc.asyncProperty(
        name,
        evr,
        fc.option(evr, { nil: undefined }),
        fc.option(fc.nat(99), { nil: undefined }),
        fc.constantFrom('x86_64', 'aarch64', undefined),
        async (n, v, rel, epoch, arch) => {
          const entry = app({
            Name: n,
            Version: v,
            Release: rel,
            Epoch: epoch === undefined ? undefined : String(epoch),
            Architecture: arch,
          });
          const r = await run([entry]);
          expect(r.rejected).toEqual([]);
          const [c] = r.components;
          if (c === undefined) throw new Error('no component');
          expectPurlRoundTrip(c);
          const info = parsePurl(c.purl);
          expect(info).toMatchObject({
            type: 'bottlerocket',
            ecosystem: null,
            name: n,
            version: rel ? `${v}-${rel}` : v,
          });
          expect(info.qualifiers.arch).toBe(arch);
          expect(info.epoch).toBe(epoch ? String(epoch) : undefined);
          expect(c.version).toBe(versionWithEpoch(info));
          expect(c.version).toBe(`${epoch ? `${epoch}:` : ''}${rel ? `${v}-${rel}` : v}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
