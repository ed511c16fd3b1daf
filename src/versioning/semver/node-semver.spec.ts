import fc from 'fast-check';
import nodeSemver from 'semver';
import { describe, expect, it } from 'vitest';
import { readOsvVersions, readScalibrPairs } from '../fixtures.test-helpers.js';
import { compareSemver, parseSemver } from './index.js';

/**
 * Differential test against node-semver (the `semver` npm package, in process: it is a
 * dependency, so this runs everywhere). On SemVer 2.0.0 strings whose numbers stay within
 * Number.MAX_SAFE_INTEGER, node-semver implements the same §11 precedence, so the two must agree
 * exactly; outside that range node-semver rounds or rejects (see ../npm/readme.md).
 */

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const isSafe = (d: string) => BigInt(d) <= MAX_SAFE;

// Realistic pieces: every strict-SemVer string of the scalibr fixture and of the Go OSV records
// (Go versions without `v` are SemVer 2.0.0: pseudo-versions, `+incompatible`, `-rc.1`).
const corpus = [
  ...readScalibrPairs('semver-versions.txt').flatMap((l) => [l.a, l.b]),
  ...readOsvVersions('golang-vulndb'),
].flatMap((s) => {
  const v = parseSemver(s);
  return v === null ? [] : [v];
});
const uniq = (xs: string[]) => [...new Set(xs)].sort();
const mainPieces = uniq(corpus.flatMap((v) => [v.major, v.minor, v.patch]).filter(isSafe));
const prePieces = uniq(corpus.flatMap((v) => v.prerelease.filter((id, i) => !v.numeric[i] || isSafe(id))));
const buildPieces = uniq(corpus.flatMap((v) => [...v.build]));

const ALNUM = [...'0123456789abcxyzABCZ-'];
const randomIdent = fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 1, maxLength: 10 });
const num = fc.oneof(
  { arbitrary: fc.constantFrom(...mainPieces), weight: 4 },
  { arbitrary: fc.integer({ min: 0, max: 20 }).map(String), weight: 3 },
  { arbitrary: fc.bigInt({ min: 0n, max: MAX_SAFE }).map(String), weight: 1 },
  { arbitrary: fc.constantFrom('9007199254740991', '9007199254740990'), weight: 1 },
);
const preIdent = fc.oneof(
  fc.constantFrom(...prePieces),
  fc.integer({ min: 0, max: 1_000_000 }).map(String),
  randomIdent.filter((s) => !/^0[0-9]+$/.test(s)), // §9: no leading zeros in numeric identifiers
);
const buildIdent = fc.oneof(fc.constantFrom(...buildPieces), randomIdent);

interface Parts {
  nums: readonly [string, string, string];
  pre: readonly string[];
  build: readonly string[];
}
const parts: fc.Arbitrary<Parts> = fc.record({
  nums: fc.tuple(num, num, num),
  pre: fc.array(preIdent, { maxLength: 5 }),
  build: fc.array(buildIdent, { maxLength: 3 }),
});
const render = (p: Parts) =>
  `${p.nums.join('.')}${p.pre.length ? `-${p.pre.join('.')}` : ''}${p.build.length ? `+${p.build.join('.')}` : ''}`;

// Pairs that share a prefix of their fields (k numbers, then j prerelease identifiers; j = 6
// keeps the whole prerelease) so ties and near-ties, the interesting cases, are frequent.
const pair = fc
  .tuple(parts, parts, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 6 }))
  .map(([a, b, k, j]) => {
    const nums = [...a.nums.slice(0, k), ...b.nums.slice(k)] as unknown as Parts['nums'];
    const pre = j === 6 ? a.pre : [...a.pre.slice(0, j), ...b.pre.slice(j)];
    return [render(a), render({ nums, pre, build: b.build })] as const;
  })
  .filter(([a, b]) => a.length <= 256 && b.length <= 256); // node-semver's MAX_LENGTH

describe('semver: differential against node-semver', () => {
  const pairs = fc.sample(pair, { numRuns: 6000, seed: 0x5e3 });

  it('agrees on the order of 6,000 generated pairs', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(5000);
    const disagreements: string[] = [];
    let ties = 0;
    for (const [a, b] of pairs) {
      const x = parseSemver(a);
      const y = parseSemver(b);
      const ours = x && y ? compareSemver(x, y) : null;
      const theirs = nodeSemver.valid(a) && nodeSemver.valid(b) ? nodeSemver.compare(a, b) : null;
      if (ours === null || ours !== theirs)
        disagreements.push(`${a} vs ${b}: ours ${ours}, node-semver ${theirs}`);
      if (theirs === 0) ties++;
    }
    expect(disagreements).toEqual([]);
    expect(ties).toBeGreaterThan(300); // the generator does reach equal versions (build-only diffs)
  });

  // Single-character edits of valid versions, over an alphabet without `v` and whitespace (the
  // two things node-semver strips before matching): both must reject exactly the same strings.
  const edit = fc
    .tuple(
      parts.map(render),
      fc.nat(),
      fc.constantFrom('delete', 'insert', 'replace'),
      fc.constantFrom(...'0123456789.+-aZ_é'),
    )
    .map(([s, at, op, c]) => {
      const i = at % (s.length + 1);
      if (op === 'insert') return s.slice(0, i) + c + s.slice(i);
      return s.slice(0, i) + (op === 'replace' ? c : '') + s.slice(i + 1);
    })
    .filter((s) => s.length <= 256 && (s.match(/[0-9]+/g) ?? []).every(isSafe));

  it('accepts and rejects exactly what node-semver does on 6,000 edited strings', () => {
    const strings = fc.sample(edit, { numRuns: 6000, seed: 0x5e4 });
    expect(strings.length).toBeGreaterThanOrEqual(5000);
    const mismatches = strings.filter((s) => (parseSemver(s) === null) !== (nodeSemver.valid(s) === null));
    expect(mismatches).toEqual([]);
    const valid = strings.filter((s) => parseSemver(s) !== null).length;
    expect(valid).toBeGreaterThan(1000);
    expect(strings.length - valid).toBeGreaterThan(1000);
  });
});
