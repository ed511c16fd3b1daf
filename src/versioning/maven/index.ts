import { compareAscii, compareDigits, stripLeadingZeros } from '../digits.js';
import type { Ordering, VersionScheme } from '../types.js';

/**
 * Maven versions ordered like ComparableVersion in maven-artifact 3.8.7 (the jar the differential
 * test runs): a port of its tree of IntItem/LongItem/BigIntegerItem, StringItem and ListItem.
 * Every string parses, as in Maven, except the empty one (readme.md "What parses").
 */

/** A numeric item; `size` is the Java class Maven picks by digit count: 0 Int, 1 Long, 2 BigInteger. */
export interface MavenNumber {
  readonly kind: 'number';
  readonly size: 0 | 1 | 2;
  /** The value as ASCII digits without leading zeros (Unicode digits converted). */
  readonly digits: string;
  /** The run as written (lower-cased), kept so `formatMaven` can reproduce an unusual `size`. */
  readonly raw: string;
}

/** A qualifier item; `order` is StringItem.comparableQualifier(value), compared as a string. */
export interface MavenString {
  readonly kind: 'string';
  readonly value: string;
  readonly order: string;
}

/** A sub-list: scalar items, then at most one trailing sub-list (the parser never climbs back up). */
export interface MavenList {
  readonly kind: 'list';
  readonly items: MavenItem[];
}

/** One item of ComparableVersion's tree. */
export type MavenItem = MavenNumber | MavenString | MavenList;

/** A parsed Maven version: the normalised item tree of ComparableVersion. */
export type MavenVersion = MavenList;

// StringItem.QUALIFIERS and ALIASES (3.8.7 adds `release`); index 5 ("") is RELEASE_VERSION_INDEX.
const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Readonly<Record<string, string>> = { ga: '', final: '', release: '', cr: 'rc' };
const RELEASE = '5';
const SHORTHANDS: Readonly<Record<string, string>> = { a: 'alpha', b: 'beta', m: 'milestone' };
const ND = /\p{Nd}/u;

// Character.isDigit(char): Unicode category Nd on one UTF-16 unit (a surrogate half never is).
function isJavaDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c > 127 && ND.test(String.fromCharCode(c)));
}

// Character.digit(c, 10): Nd characters come in runs of ten, 0 to 9 (Unicode stability policy).
function digitValue(c: number): number {
  if (c <= 57) return c - 48;
  let zero = c;
  while (isJavaDigit(zero - 1)) zero--;
  return (c - zero) % 10;
}

// StringItem(value, followedByDigit): `a1` = alpha-1, `b1` = beta-1, `m1` = milestone-1.
function stringItem(text: string, followedByDigit: boolean): MavenString {
  const shorthand = followedByDigit && text.length === 1 ? SHORTHANDS[text] : undefined;
  const named = shorthand ?? text;
  const value = Object.hasOwn(ALIASES, named) ? ALIASES[named]! : named;
  const i = QUALIFIERS.indexOf(value);
  return { kind: 'string', value, order: i === -1 ? `${QUALIFIERS.length}-${value}` : String(i) };
}

// parseItem(true, buf): stripLeadingZeroes strips ASCII '0' only (an all-zero run stays as is);
// the stripped length picks the class: ≤ 9 IntItem, ≤ 18 LongItem, else BigIntegerItem.
function numberItem(raw: string): MavenNumber {
  let i = 0;
  while (i < raw.length && raw.charCodeAt(i) === 48) i++;
  const length = i === raw.length ? raw.length : raw.length - i;
  let ascii = raw;
  if (!/^[0-9]*$/.test(raw)) {
    ascii = '';
    for (let k = 0; k < raw.length; k++) ascii += String.fromCharCode(48 + digitValue(raw.charCodeAt(k)));
  }
  return { kind: 'number', size: sizeOf(length), digits: stripLeadingZeros(ascii), raw };
}

const sizeOf = (length: number): MavenNumber['size'] => (length <= 9 ? 0 : length <= 18 ? 1 : 2);

const ZERO: MavenNumber = { kind: 'number', size: 0, digits: '0', raw: '0' };

function isNull(item: MavenItem): boolean {
  if (item.kind === 'number') return item.digits === '0';
  return item.kind === 'string' ? item.order === RELEASE : item.items.length === 0;
}

// ListItem.normalize: drop trailing null items (0, "", empty list), looking past non-null lists.
function normalize(list: MavenList): void {
  const items = list.items;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (isNull(item)) items.splice(i, 1);
    else if (item.kind !== 'list') break;
  }
}

/** Parse like `new ComparableVersion(s)` (3.8.7 parseVersion); null only for the empty string. */
export function parseMaven(version: string): MavenVersion | null {
  if (version === '') return null;
  // toLowerCase(Locale.ENGLISH) has no locale-specific rules, like JS's; only the context of a
  // final capital sigma is decided differently (readme.md "Known differences").
  const s = version.toLowerCase();
  const root: MavenList = { kind: 'list', items: [] };
  const stack = [root];
  let list = root;
  const open = (): void => {
    const next: MavenList = { kind: 'list', items: [] };
    list.items.push(next);
    stack.push(next);
    list = next;
  };
  const item = (digit: boolean, text: string) => (digit ? numberItem(text) : stringItem(text, false));
  let isDigit = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 || c === 45) {
      // `.` and `-` end an item (an empty one is IntItem.ZERO); `-` also opens a sub-list.
      list.items.push(i === start ? ZERO : item(isDigit, s.slice(start, i)));
      start = i + 1;
      if (c === 45) open();
    } else if (isJavaDigit(c)) {
      if (!isDigit && i > start) {
        // letter → digit (MNG-7644): the qualifier goes into a fresh sub-list unless the
        // current one is empty, and the digits after it open another.
        if (list.items.length > 0) open();
        list.items.push(stringItem(s.slice(start, i), true));
        start = i;
        open();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.items.push(numberItem(s.slice(start, i)));
        start = i;
        open();
      }
      isDigit = false;
    }
  }
  if (s.length > start) {
    // A trailing qualifier also gets its own sub-list (MNG-7644: `1.0.RC` is read as `1.0-RC`).
    if (!isDigit && list.items.length > 0) open();
    list.items.push(item(isDigit, s.slice(start)));
  }
  for (let i = stack.length - 1; i >= 0; i--) normalize(stack[i]!);
  return root;
}

// Item.compareTo(null), the padding of a shorter list. A list checks every item (MNG-6964); its
// sub-list, always last, is walked in a loop so deep nesting cannot exhaust the stack.
function compareWithNull(a: MavenItem): Ordering {
  for (;;) {
    if (a.kind === 'number') return a.digits === '0' ? 0 : 1; // 1.0 == 1, 1.1 > 1
    if (a.kind === 'string') return compareAscii(a.order, RELEASE); // 1-rc < 1, 1-sp > 1
    const items = a.items;
    const last = items.length - 1;
    for (let i = 0; i < last; i++) {
      const r = compareWithNull(items[i]!); // a scalar: no recursion
      if (r !== 0) return r;
    }
    if (last < 0) return 0;
    a = items[last]!;
  }
}

function compareItems(a: MavenItem, b: MavenItem): Ordering {
  descend: for (;;) {
    if (a.kind === 'number') {
      if (b.kind !== 'number') return 1; // 1.1 > 1-sp, 1.1 > 1-1
      // Int < Long < BigInteger by class, whatever the value; same class compares by value.
      if (a.size !== b.size) return a.size < b.size ? -1 : 1;
      return compareDigits(a.digits, b.digits);
    }
    if (a.kind === 'string') {
      if (b.kind === 'string') return compareAscii(a.order, b.order); // String.compareTo: UTF-16 units
      return -1; // 1.any < 1.1, 1.any < 1-1
    }
    if (b.kind === 'number') return -1; // 1-1 < 1.0.x
    if (b.kind === 'string') return 1; // 1-1 > 1-sp
    const n = Math.max(a.items.length, b.items.length);
    for (let i = 0; i < n; i++) {
      const l = a.items[i];
      const r = b.items[i];
      if (l?.kind === 'list' && r?.kind === 'list') {
        // Two sub-lists are the last items of both lists: compare them in place of recursing.
        a = l;
        b = r;
        continue descend;
      }
      // The shorter list is padded with nulls: `-1 * r.compareTo(null)` when the left one ends.
      const result =
        l === undefined
          ? negate(compareWithNull(r!))
          : r === undefined
            ? compareWithNull(l)
            : compareItems(l, r);
      if (result !== 0) return result;
    }
    return 0;
  }
}

const negate = (x: Ordering): Ordering => (x === 0 ? 0 : x === 1 ? -1 : 1);
/** ComparableVersion.compareTo on parsed values, reduced to its sign. */
export function compareMaven(a: MavenVersion, b: MavenVersion): Ordering {
  return compareItems(a, b);
}

/**
 * A canonical spelling that parses back to the same item tree. ComparableVersion#getCanonical
 * does not always round-trip (MNG-7700: `1-ga-1` → `1-1`), so this one writes `""` as `ga`,
 * lets an empty list prefix come from a bare `-`, and appends `.0` where a trailing qualifier
 * would otherwise be pushed into a sub-list.
 */
export function formatMaven(v: MavenVersion): string {
  if (v.items.length === 0) return '0';
  let out = '';
  for (let list: MavenList | undefined = v; list !== undefined; ) {
    const items: readonly MavenItem[] = list.items;
    const last: MavenItem | undefined = items.at(-1);
    const child: MavenList | undefined = last?.kind === 'list' ? last : undefined;
    const scalars = child === undefined ? items.length : items.length - 1;
    for (let i = 0; i < scalars; i++) {
      const item = items[i] as MavenNumber | MavenString;
      const text = item.kind === 'string' ? (item.value === '' ? 'ga' : item.value) : formatNumber(item);
      out += i === 0 ? text : `.${text}`;
    }
    if (child === undefined && scalars > 1 && items[scalars - 1]!.kind === 'string') out += '.0';
    if (child !== undefined) out += '-';
    list = child;
  }
  return out;
}

function formatNumber(n: MavenNumber): string {
  return sizeOf(n.digits.length) === n.size ? n.digits : n.raw;
}

/** The Maven scheme (OSV ecosystem `Maven`), registered in ../api.ts. */
export const maven = {
  id: 'maven',
  reference: 'Maven ComparableVersion (maven-artifact 3.8.7)',
  parse: parseMaven,
  compare: compareMaven,
} as const satisfies VersionScheme<MavenVersion>;
