import { compareAscii, compareDigits, stripLeadingZeros } from '../digits.js';
import type { Ordering, VersionScheme } from '../types.js';

/**
 * NuGet versions with the order of NuGet.Versioning (NuGet/NuGet.Client): parsing is
 * `NuGetVersion.TryParse` (NuGetVersionFactory.cs, SemanticVersionFactory.cs, over .NET's
 * `System.Version.TryParse`), ordering is `VersionComparer.Default` (VersionComparer.cs).
 */

/** A parsed NuGet version. Numbers are System.Version Int32 components, so exact as JS numbers. */
export interface NuGetVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** The fourth (legacy) component; 0 when absent. */
  readonly revision: number;
  /** Release labels as written (case kept); empty when not a prerelease. */
  readonly labels: readonly string[];
  /** Per label: its Int32 value when `int.TryParse` accepts it, else its lower-cased text. */
  readonly keys: ReadonlyArray<number | string>;
  /** Build metadata without `+`; '' when absent. Ignored by the order. */
  readonly metadata: string;
}

const INT32_MAX = '2147483647';

// char.IsWhiteSpace, which String.Trim() uses: differs from JS trim (no U+FEFF, adds U+0085).
function isDotnetSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function dotnetTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isDotnetSpace(s.charCodeAt(start))) start++;
  while (end > start && isDotnetSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

// Number.TryParseBinaryIntegerStyle with NumberStyles.Integer, as System.Version calls it:
// [ \t\n\v\f\r]* digits [ \t\n\v\f\r]* then only NULs, value 0..Int32.MaxValue. A sign cannot
// occur: NuGet has already split the string at the first `-` or `+`.
function versionComponent(s: string): number | undefined {
  const white = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d);
  let i = 0;
  while (i < s.length && white(s.charCodeAt(i))) i++;
  const start = i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === start) return undefined;
  const digits = stripLeadingZeros(s.slice(start, i));
  while (i < s.length && white(s.charCodeAt(i))) i++;
  while (i < s.length && s.charCodeAt(i) === 0) i++;
  if (i !== s.length || digits.length > 10 || compareDigits(digits, INT32_MAX) > 0) return undefined;
  return Number(digits);
}

// SemanticVersion.IsValidPart: non-empty [0-9A-Za-z-]; no leading zero on an all-digit part
// unless leading zeros are allowed (they are in metadata, not in release labels).
function isValidPart(s: string, allowLeadingZeros: boolean): boolean {
  if (s.length === 0) return false;
  if (!allowLeadingZeros && s.length > 1 && s.charCodeAt(0) === 48 && /^[0-9]+$/.test(s)) return false;
  return /^[0-9A-Za-z-]+$/.test(s);
}

// VersionComparer.CompareRelease: `int.TryParse(label)` (NumberStyles.Integer, so a leading
// `-` is a sign: `-1` is the number -1); anything outside Int32 is not numeric.
function labelKey(label: string): number | string {
  const negative = label.charCodeAt(0) === 45;
  const body = negative ? label.slice(1) : label;
  if (body !== '' && /^[0-9]+$/.test(body)) {
    const digits = stripLeadingZeros(body);
    const limit = negative ? '2147483648' : INT32_MAX;
    if (digits.length <= 10 && compareDigits(digits, limit) <= 0)
      return negative ? -Number(digits) || 0 : Number(digits);
  }
  return label.toLowerCase(); // labels are ASCII, so OrdinalIgnoreCase = compare lower-cased
}

/** Parse like `NuGetVersion.TryParse(s, out v)`; null where it returns false. */
export function parseNuGet(version: string): NuGetVersion | null {
  const s = dotnetTrim(version);
  // SemanticVersion.ParseSections: version up to the first `-` or `+`, labels up to the next
  // `+`, metadata after it. An empty section means NuGet's own checks fail.
  let end = 0;
  while (end < s.length && s[end] !== '-' && s[end] !== '+') end++;
  let versionPart = s.slice(0, end);
  let labels: string[] = [];
  let metadata = '';
  if (end < s.length) {
    const plus = s[end] === '+' ? end : s.indexOf('+', end + 1);
    if (plus !== end) labels = s.slice(end + 1, plus === -1 ? s.length : plus).split('.');
    if (plus !== -1) metadata = s.slice(plus + 1);
    if (plus !== -1 && metadata === '') return null;
  }
  if (versionPart === '') return null;
  if (!versionPart.includes('.')) versionPart += '.0'; // System.Version needs two parts
  // System.Version.TryParse: two to four components.
  const parts = versionPart.split('.');
  if (parts.length > 4) return null;
  const numbers: number[] = [];
  for (const p of parts) {
    const n = versionComponent(p);
    if (n === undefined) return null;
    numbers.push(n);
  }
  if (!labels.every((l) => isValidPart(l, false))) return null;
  if (metadata !== '' && !metadata.split('.').every((m) => isValidPart(m, true))) return null;
  const [major = 0, minor = 0, patch = 0, revision = 0] = numbers;
  return { major, minor, patch, revision, labels, keys: labels.map(labelKey), metadata };
}

function compareNumbers(a: number, b: number): Ordering {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** VersionComparer.Default.Compare: version numbers, then release labels; metadata ignored. */
export function compareNuGet(a: NuGetVersion, b: NuGetVersion): Ordering {
  const byNumber =
    compareNumbers(a.major, b.major) ||
    compareNumbers(a.minor, b.minor) ||
    compareNumbers(a.patch, b.patch) ||
    compareNumbers(a.revision, b.revision); // CompareLegacyVersion
  if (byNumber !== 0) return byNumber;
  // A prerelease sorts before the release; then CompareReleaseLabels label by label, a longer
  // list winning when one is a prefix of the other.
  if (a.keys.length === 0 || b.keys.length === 0) return compareNumbers(b.keys.length, a.keys.length);
  for (let i = 0; i < Math.max(a.keys.length, b.keys.length); i++) {
    const x = a.keys[i];
    const y = b.keys[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    // CompareRelease: numbers by value and before strings; strings OrdinalIgnoreCase.
    const r =
      typeof x === 'number'
        ? typeof y === 'number'
          ? compareNumbers(x, y)
          : -1
        : typeof y === 'number'
          ? 1
          : compareAscii(x, y);
    if (r !== 0) return r;
  }
  return 0;
}

/** NuGet's full string (`ToFullString`): revision only when > 0, labels and metadata as written. */
export function formatNuGet(v: NuGetVersion): string {
  const revision = v.revision > 0 ? `.${v.revision}` : '';
  const labels = v.labels.length > 0 ? `-${v.labels.join('.')}` : '';
  return `${v.major}.${v.minor}.${v.patch}${revision}${labels}${v.metadata === '' ? '' : `+${v.metadata}`}`;
}

/** The NuGet scheme (OSV ecosystem `NuGet`), registered in ../api.ts. */
export const nuget = {
  id: 'nuget',
  reference: 'NuGet.Versioning (NuGet/NuGet.Client)',
  parse: parseNuGet,
  compare: compareNuGet,
} as const satisfies VersionScheme<NuGetVersion>;
