import { compareAscii, compareDigits, isDigits } from '../digits.js';
import type { Ordering, VersionScheme } from '../types.js';

/**
 * Go module and toolchain versions with the order of golang.org/x/mod/semver.Compare.
 *
 * x/mod/semver accepts `vMAJOR[.MINOR[.PATCH[-PRERELEASE][+BUILD]]]`: `v1` and `v1.2` are
 * shorthands for `v1.0.0` and `v1.2.0`, and only the full form may carry a prerelease or build.
 * OSV stores Go versions without the `v` (`1.2.3`, `0.0.0-20210101000000-abcdef123456`), so the
 * `v` is optional here. The standard library appears as Go release tags (`go1.22.5`,
 * `go1.21rc2`); they are mapped to semver exactly as golang.org/x/vuln's GoTagToSemver does.
 */

/** A parsed Go version: digit strings as written (shorthand fills `0`); `prerelease`/`build` keep `-`/`+`. */
export interface GoVersion {
  readonly major: string;
  readonly minor: string;
  readonly patch: string;
  readonly prerelease: string;
  readonly build: string;
}

// x/vuln internal/semver tagRegexp (a copy of pkgsite's stdlib.VersionForTag): go1.21rc2 →
// v1.21.0-rc.2, go1.9.2beta1 → v1.9.2-beta.1, go1.22 → v1.22.0. The `go` prefix is optional
// here so the `go` directive of go.mod (`go 1.21rc2`) parses too; `[0-9]` because Go's `\d`
// is ASCII-only. Leading zeros pass this regex and are rejected by the x/mod parse after it.
const GO_TAG = /^(?:go)?([0-9]+\.[0-9]+)(\.[0-9]+)?(?:(beta|rc|-pre)([0-9]+))?$/;

/** Map a Go release tag (`go1.21rc2`, `1.21rc2`) to semver without `v`, or undefined if it is not one. */
export function goTagToSemver(tag: string): string | undefined {
  // GoTagToSemver special cases: "go1" was the first release; "go1.0" never existed as a tag.
  if (tag === 'go1') return '1.0.0';
  if (tag === 'go1.0') return undefined;
  const m = GO_TAG.exec(tag);
  if (!m) return undefined;
  const [, majorMinor, patch, kind, n] = m;
  // Without the `go` prefix only the beta/rc forms are tags: `1.22` is x/mod shorthand already,
  // and `1.21.0-pre1` is valid semver whose meaning must not change.
  if (!tag.startsWith('go') && (kind === undefined || kind === '-pre')) return undefined;
  const pre = kind === undefined ? '' : `${kind.startsWith('-') ? '' : '-'}${kind}.${n}`;
  return `${majorMinor}${patch ?? '.0'}${pre}`;
}

/** Parse like x/mod/semver's `parse` (with the `v` optional) after mapping Go release tags. */
export function parseGo(version: string): GoVersion | null {
  const s = goTagToSemver(version) ?? (version.startsWith('v') ? version.slice(1) : version);
  if (s.startsWith('go')) return null;
  return parseSemver(s);
}

// The body of x/mod/semver.parse after its `v` check. Fields are decimal integers without
// extra leading zeros; prerelease and build are dot-separated non-empty [0-9A-Za-z-]
// identifiers, and numeric prerelease identifiers must not have leading zeros (semver.org §9).
const MAIN =
  /^(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?)?)?$/;
const IDENT = /^[0-9A-Za-z-]+$/;

function parseSemver(s: string): GoVersion | null {
  const m = MAIN.exec(s);
  if (!m) return null;
  const [, major = '', minor = '0', patch = '0', prerelease = '', build = ''] = m;
  const preIds = prerelease.slice(1).split('.');
  if (prerelease !== '' && !preIds.every((id) => IDENT.test(id) && !isBadNum(id))) return null;
  if (
    build !== '' &&
    !build
      .slice(1)
      .split('.')
      .every((id) => IDENT.test(id))
  )
    return null;
  return { major, minor, patch, prerelease, build };
}

// x/mod isBadNum: an all-digit identifier longer than one digit that starts with 0.
function isBadNum(id: string): boolean {
  return id.length > 1 && id.startsWith('0') && isDigits(id);
}

/** x/mod/semver.Compare on parsed values: numeric fields exactly, then prerelease; build ignored. */
export function compareGo(a: GoVersion, b: GoVersion): Ordering {
  return (
    compareDigits(a.major, b.major) ||
    compareDigits(a.minor, b.minor) ||
    compareDigits(a.patch, b.patch) ||
    comparePrerelease(a.prerelease, b.prerelease)
  );
}

// x/mod comparePrerelease (semver.org §11): no prerelease ranks above any prerelease; then
// identifiers left to right, numeric < alphanumeric, numerics by value, others in ASCII order;
// a longer list wins when all shared identifiers are equal.
function comparePrerelease(x: string, y: string): Ordering {
  if (x === y) return 0;
  if (x === '') return 1;
  if (y === '') return -1;
  const xs = x.slice(1).split('.');
  const ys = y.slice(1).split('.');
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const dx = xs[i]!;
    const dy = ys[i]!;
    if (dx === dy) continue;
    const nx = isDigits(dx);
    const ny = isDigits(dy);
    if (nx !== ny) return nx ? -1 : 1;
    return nx ? compareDigits(dx, dy) : compareAscii(dx, dy);
  }
  return xs.length === ys.length ? 0 : xs.length < ys.length ? -1 : 1;
}

/** OSV's form: no `v`, shorthand expanded, build kept (`1.2.0`, `2.0.0+incompatible`). */
export function formatGo(v: GoVersion): string {
  return `${v.major}.${v.minor}.${v.patch}${v.prerelease}${v.build}`;
}

/** The Go scheme, registered in ../api.ts. */
export const go = {
  id: 'go',
  reference: 'golang.org/x/mod/semver',
  parse: parseGo,
  compare: compareGo,
} as const satisfies VersionScheme<GoVersion>;
