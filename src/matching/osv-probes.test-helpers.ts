/**
 * Test-only: probe versions around an OSV event version, per version scheme ("just below" and
 * "just above" the boundary, plus spellings that compare equal). The candidates are only
 * suggestions: callers keep those the scheme parses, and the oracle decides what each one is,
 * so a neighbour that is not strictly adjacent costs coverage, never correctness.
 *
 * npm / Go (SemVer): x.y.(z-1), x.y.z-0 and pre-release steps below; x.y.(z+1), a longer
 * pre-release, the release itself and `+build` (equal precedence) above; Go adds the `v`
 * spelling, pseudo-versions on both sides and `+incompatible`.
 * PyPI (PEP 440): `.devN`, `aN`/`rcN`, the preceding release below; `.postN`, `+local`, the next
 * release above; `X.0` (equal to `X`) and the `v` spelling.
 * Any other scheme (added later): digit runs stepped by ±1 and common suffixes, which is enough
 * to cross boundaries for dpkg/rpm/apk/Maven/NuGet/RubyGems-style strings.
 */
import { formatPypi, parsePypi } from '../versioning/pypi/index.js';

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
const PSEUDO_TIME = '20000101000000-000000000000';

const dec = (n: string) => (BigInt(n) - 1n).toString();
const inc = (n: string) => (BigInt(n) + 1n).toString();

/** SemVer neighbours; `go` adds Go's spellings (v prefix, pseudo-versions, +incompatible). */
export function semverNeighbours(version: string, go: boolean): string[] {
  const raw = go && version.startsWith('v') ? version.slice(1) : version;
  const m = SEMVER.exec(raw);
  if (!m) return [];
  const [, maj = '0', min = '0', pat = '0', pre] = m;
  const core = `${maj}.${min}.${pat}`;
  const out: string[] = [];
  // The release just below this core (there is no immediate predecessor; these are the nearest
  // releases a real registry would hold).
  if (pat !== '0') out.push(`${maj}.${min}.${dec(pat)}`);
  else if (min !== '0') out.push(`${maj}.${dec(min)}.99`);
  else if (maj !== '0') out.push(`${dec(maj)}.99.99`);
  if (pre === undefined) {
    out.push(`${core}-0`, `${core}-rc.1`, `${core}+build.1`);
    out.push(`${maj}.${min}.${inc(pat)}`, `${maj}.${min}.${inc(pat)}-0`, `${maj}.${inc(min)}.0`);
    if (go) {
      out.push(`${core}-0.${PSEUDO_TIME}`, `${maj}.${min}.${inc(pat)}-0.${PSEUDO_TIME}`);
      if (BigInt(maj) >= 2n) out.push(`${core}+incompatible`);
    }
  } else {
    const ids = pre.split('.');
    const last = ids[ids.length - 1]!;
    const head = ids.slice(0, -1);
    if (/^\d+$/.test(last)) {
      if (last !== '0') out.push(`${core}-${[...head, dec(last)].join('.')}`);
      else if (head.length > 0) out.push(`${core}-${head.join('.')}`);
      out.push(`${core}-${[...head, inc(last)].join('.')}`);
    }
    if (pre !== '0') out.push(`${core}-0`);
    out.push(`${core}-${pre}.0`, `${core}-${pre}+build.1`, core);
    if (go) out.push(`${core}-${pre}.0.${PSEUDO_TIME}`);
  }
  out.push(`v${raw}`);
  return out;
}

const PEP440 =
  /^(?:(\d+)!)?(\d+(?:\.\d+)*)(?:(a|b|rc)(\d+))?(?:\.post(\d+))?(?:\.dev(\d+))?(?:\+([a-z0-9.]+))?$/;

/** PEP 440 neighbours, built on the normal form (`formatPypi`). */
export function pep440Neighbours(version: string): string[] {
  const parsed = parsePypi(version);
  if (!parsed) return [];
  const canonical = formatPypi(parsed);
  const m = PEP440.exec(canonical);
  if (!m) return [];
  const [, epoch, release = '0', preL, preN, post, dev, local] = m;
  const ep = epoch === undefined ? '' : `${epoch}!`;
  const rel = `${ep}${release}`;
  const pre = preL === undefined ? '' : `${preL}${preN}`;
  const postS = post === undefined ? '' : `.post${post}`;
  const pub = `${rel}${pre}${postS}${dev === undefined ? '' : `.dev${dev}`}`;
  const out: string[] = [`${pub}+local.1`, `v${pub}`];
  if (local !== undefined) out.push(pub);
  if (dev !== undefined) {
    const stem = `${rel}${pre}${postS}`;
    out.push(`${stem}.dev${inc(dev)}`, stem);
    if (dev !== '0') out.push(`${stem}.dev${dec(dev)}`);
  } else if (post !== undefined) {
    const stem = `${rel}${pre}`;
    out.push(`${stem}.post${inc(post)}`, `${pub}.dev0`, stem);
    if (post !== '0') out.push(`${stem}.post${dec(post)}`);
  } else if (preL !== undefined && preN !== undefined) {
    out.push(`${rel}${preL}${inc(preN)}`, `${pub}.dev0`, `${pub}.post0`, rel, `${rel}.dev0`);
    if (preN !== '0') out.push(`${rel}${preL}${dec(preN)}`);
  } else {
    out.push(`${pub}.dev0`, `${pub}a0`, `${pub}rc1`, `${pub}.post0`, `${pub}.post1`, `${pub}.0`, `${pub}.1`);
  }
  // Neighbouring releases: last component ±1 (a trailing 0 steps down the previous component).
  const parts = release.split('.');
  const lastIdx = parts.length - 1;
  out.push(`${ep}${[...parts.slice(0, lastIdx), inc(parts[lastIdx]!)].join('.')}`);
  const nz = parts.findLastIndex((p) => p !== '0');
  if (nz >= 0) {
    const down = [...parts.slice(0, nz), dec(parts[nz]!)];
    out.push(`${ep}${[...down, ...(nz < lastIdx ? ['999'] : [])].join('.')}`);
  }
  return out;
}

const GENERIC_SUFFIXES = [
  '.0',
  '.1',
  '-0',
  '-1',
  '~1',
  '~',
  '^1',
  '+1',
  'a',
  '_p1',
  '_rc1',
  '-r1',
  '-rc1',
  '.post1',
  '.dev0',
  '-SNAPSHOT',
  '.Final',
];

/** Scheme-agnostic candidates: each of the last four digit runs ±1, and common suffixes. */
export function genericNeighbours(version: string): string[] {
  const out: string[] = [];
  const runs = [...version.matchAll(/\d+/g)].slice(-4);
  for (const r of runs) {
    const at = r.index ?? 0;
    const before = version.slice(0, at);
    const after = version.slice(at + r[0].length);
    out.push(`${before}${inc(r[0])}${after}`);
    if (BigInt(r[0]) > 0n) out.push(`${before}${dec(r[0])}${after}`);
  }
  for (const s of GENERIC_SUFFIXES) out.push(`${version}${s}`);
  return out;
}

/** Candidates below/at/above `version` for a scheme id (see VersionScheme.id). */
export function neighbours(schemeId: string, version: string): string[] {
  const specific =
    schemeId === 'npm'
      ? semverNeighbours(version, false)
      : schemeId === 'go'
        ? semverNeighbours(version, true)
        : schemeId === 'pypi'
          ? pep440Neighbours(version)
          : [];
  return [...specific, ...genericNeighbours(version)];
}

/** The lowest versions a scheme may hold: probes for `introduced: "0"`. */
export const FLOOR_PROBES = [
  '0',
  '0.0.0',
  '0.0.0-0',
  '0.dev0',
  '0a0',
  '0.0.1',
  `0.0.0-${PSEUDO_TIME}`,
  '0:0-0',
];
