import { compareAscii, compareDigits, isDigits, stripLeadingZeros } from '../digits.js';
import type { Ordering, VersionScheme } from '../types.js';

/**
 * PyPI versions: PEP 440 with the exact behaviour of Python `packaging.version.Version`
 * (packaging 26), the parser pip uses. Legacy (non-PEP 440) versions are rejected, as
 * packaging ≥ 22 and pip ≥ 24.1 reject them. Numbers stay ASCII digit strings and are
 * compared exactly (../digits.ts), so values beyond 2^53 keep their order.
 */

/** The normalised pre-release letters of PEP 440, in ascending order. */
export type PreLetter = 'a' | 'b' | 'rc';

/** A parsed PEP 440 version in normal form: digit strings without leading zeros, labels lower-case. */
export interface PypiVersion {
  readonly epoch: string;
  readonly release: readonly string[];
  readonly pre: readonly [PreLetter, string] | null;
  readonly post: string | null;
  readonly dev: string | null;
  /** Local label parts split on `.`/`_`/`-`; all-digit parts normalised like numbers. */
  readonly local: readonly string[] | null;
}

// packaging matches `\s*VERSION\s*`: Python's `\s` is str.isspace(), which includes \x1c-\x1f
// and \x85 but not U+FEFF, so JavaScript's `\s` (and String.trim) would be wrong at the edges.
const PY_SPACE = new Set(
  '\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000',
);

// A loop rather than a `\s+$`-style regex, which is quadratic on long inner runs of spaces.
function trimPythonSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && PY_SPACE.has(s[start]!)) start++;
  while (end > start && PY_SPACE.has(s[end - 1]!)) end--;
  return s.slice(start, end);
}
// Python's int() refuses strings over 4300 digits (sys.int_info.default_max_str_digits), so
// Version() raises for them; we reject them too instead of inventing an order.
const MAX_INT_DIGITS = 4300;
// PEP 440 "Pre-release spelling": alternation order as in packaging's regex (longest first, the
// group is possessive); `c`, `pre` and `preview` mean `rc`, `alpha` `a`, `beta` `b`.
const PRE_LABELS = ['alpha', 'a', 'beta', 'b', 'preview', 'pre', 'c', 'rc'] as const;
const PRE_NORMAL = {
  alpha: 'a',
  a: 'a',
  beta: 'b',
  b: 'b',
  preview: 'rc',
  pre: 'rc',
  c: 'rc',
  rc: 'rc',
} as const;
// PEP 440 "Post-release spelling": `rev` and `r` mean `post`.
const POST_LABELS = ['post', 'rev', 'r'] as const;

/** Parse like `packaging.version.Version(s)`; null where it raises. */
export function parsePypi(input: string): PypiVersion | null {
  // The regex is compiled with re.IGNORECASE inside `(?a:…)`: ASCII-only case folding, so
  // `K` (Kelvin sign) must not become `k` as String#toLowerCase would make it.
  const s = trimPythonSpace(input).replace(/[A-Z]/g, (c) => c.toLowerCase());
  let i = 0;
  const isDigit = (at: number) => at < s.length && s.charCodeAt(at) >= 48 && s.charCodeAt(at) <= 57;
  const isAlnum = (at: number) => isDigit(at) || (at < s.length && s[at]! >= 'a' && s[at]! <= 'z');
  const digits = () => {
    const start = i;
    while (isDigit(i)) i++;
    return s.slice(start, i);
  };
  // PEP 440 "Pre-release separators" etc.: one optional `.`, `_` or `-` around each label.
  const sep = () => {
    if (i < s.length && '._-'.includes(s[i]!)) i++;
  };
  const label = <L extends string>(labels: readonly L[]) => {
    const found = labels.find((l) => s.startsWith(l, i));
    if (found !== undefined) i += found.length;
    return found;
  };

  if (s[i] === 'v') i++; // PEP 440 "Preceding v character"
  let epoch = '0';
  const epochStart = i;
  const e = digits();
  if (e !== '' && s[i] === '!') {
    epoch = e;
    i++;
  } else i = epochStart;

  const release = [digits()];
  if (release[0] === '') return null;
  while (s[i] === '.' && isDigit(i + 1)) {
    i++;
    release.push(digits());
  }

  let pre: [PreLetter, string] | null = null;
  const preStart = i;
  sep();
  const preLabel = label(PRE_LABELS);
  if (preLabel === undefined) i = preStart;
  else {
    sep();
    pre = [PRE_NORMAL[preLabel], digits()]; // "Implicit pre-release number": missing means 0
  }

  let post: string | null = null;
  const postStart = i;
  if (s[i] === '-' && isDigit(i + 1)) {
    i++;
    post = digits(); // PEP 440 "Implicit post releases": 1.0-1 is 1.0.post1
  } else {
    sep();
    if (label(POST_LABELS) === undefined) i = postStart;
    else {
      sep();
      post = digits();
    }
  }

  let dev: string | null = null;
  const devStart = i;
  sep();
  if (label(['dev']) === undefined) i = devStart;
  else {
    sep();
    dev = digits();
  }

  let local: string[] | null = null;
  if (s[i] === '+') {
    // PEP 440 "Local version identifiers": [a-z0-9]+ parts separated by one of `._-`.
    local = [];
    do {
      i++;
      const start = i;
      while (isAlnum(i)) i++;
      if (i === start) return null;
      local.push(s.slice(start, i));
    } while (i < s.length && '._-'.includes(s[i]!) && isAlnum(i + 1));
  }
  if (i !== s.length) return null;

  const numbers = [epoch, ...release, pre?.[1] ?? '', post ?? '', dev ?? ''];
  if (numbers.some((n) => n.length > MAX_INT_DIGITS)) return null;
  if (local?.some((p) => isDigits(p) && p.length > MAX_INT_DIGITS)) return null;
  const int = (n: string) => stripLeadingZeros(n === '' ? '0' : n);
  return {
    epoch: int(epoch),
    release: release.map(int),
    pre: pre === null ? null : [pre[0], int(pre[1])],
    post: post === null ? null : int(post),
    dev: dev === null ? null : int(dev),
    local: local?.map((p) => (isDigits(p) ? int(p) : p)) ?? null,
  };
}

// packaging's _cmpkey suffix (pre_rank, pre_n, post_rank, post_n, dev_rank, dev_n), PEP 440
// "Summary of permitted suffixes and relative ordering": X.devN < X.aN < X.bN < X.rcN < X <
// X.postN, and a dev release sorts before its parent (X.aN.devM < X.aN). The ranks are written
// as digit strings (packaging's -1..3 shifted by one) so the key compares with compareDigits.
const PRE_RANK = { a: '1', b: '2', rc: '3' } as const;
const DEV_ONLY_RANK = '0';
const FINAL_RANK = '4';

function suffixKey(v: PypiVersion): readonly string[] {
  const preRank =
    v.pre !== null ? PRE_RANK[v.pre[0]] : v.post === null && v.dev !== null ? DEV_ONLY_RANK : FINAL_RANK;
  const postRank = v.post === null ? '0' : '1';
  const devRank = v.dev === null ? '1' : '0';
  return [preRank, v.pre?.[1] ?? '0', postRank, v.post ?? '0', devRank, v.dev ?? '0'];
}

function compareRank(a: number, b: number): Ordering {
  return a === b ? 0 : a < b ? -1 : 1;
}

// Python tuple order: element by element, then the shorter tuple first.
function compareLists<T>(a: readonly T[], b: readonly T[], cmp: (x: T, y: T) => Ordering): Ordering {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = cmp(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return compareRank(a.length, b.length);
}

// PEP 440 "Release segment": trailing zeros are insignificant (1.0.0 == 1).
function trimZeros(release: readonly string[]): readonly string[] {
  let end = release.length;
  while (end > 0 && release[end - 1] === '0') end--;
  return release.slice(0, end);
}

// PEP 440 "Local version identifiers": alphanumeric parts sort before numeric ones, numeric
// parts compare numerically, alphanumeric ones lexicographically (already lower-case).
function compareLocalPart(a: string, b: string): Ordering {
  const na = isDigits(a);
  const nb = isDigits(b);
  if (na !== nb) return na ? 1 : -1;
  return na ? compareDigits(a, b) : compareAscii(a, b);
}

/** PEP 440 ordering exactly as `packaging.version.Version.__lt__`/`__eq__`. */
export function comparePypi(a: PypiVersion, b: PypiVersion): Ordering {
  const c =
    compareDigits(a.epoch, b.epoch) ||
    compareLists(trimZeros(a.release), trimZeros(b.release), compareDigits);
  if (c !== 0) return c;
  const suffix = compareLists(suffixKey(a), suffixKey(b), compareDigits);
  if (suffix !== 0) return suffix;
  // A public version sorts before any local version of it (PEP 440 "Local version identifiers").
  if (a.local === null || b.local === null) return a.local === b.local ? 0 : a.local === null ? -1 : 1;
  return compareLists(a.local, b.local, compareLocalPart);
}

/** The normalised form, identical to `str(packaging.version.Version(s))` (PEP 440 "Normalization"). */
export function formatPypi(v: PypiVersion): string {
  let out = `${v.epoch === '0' ? '' : `${v.epoch}!`}${v.release.join('.')}`;
  if (v.pre !== null) out += `${v.pre[0]}${v.pre[1]}`;
  if (v.post !== null) out += `.post${v.post}`;
  if (v.dev !== null) out += `.dev${v.dev}`;
  if (v.local !== null) out += `+${v.local.join('.')}`;
  return out;
}

/** PEP 503 project-name normalisation: lower-case, every run of `-`, `_`, `.` becomes one `-`. */
export function normalizePypiName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/** The PyPI scheme, registered in ../api.ts. */
export const pypi = {
  id: 'pypi',
  reference: 'packaging.version.Version',
  parse: parsePypi,
  compare: comparePypi,
} as const satisfies VersionScheme<PypiVersion>;
