/**
 * The versions written in words in a product's full name (CSAF 2.0 §3.1.3.1 `name`), as CISA's
 * ICS medical advisories phrase them: "Alaris 8015 PC unit: Versions 9.33 and prior",
 * "IntelliVue MX40 …: all versions prior to Version B.06.18", "Interoperability Solution XDS:
 * Versions 2.5 through 3.11". Used when the branch's `product_version(_range)` cannot be read
 * (`<= 1.54 (integrated into GE MobileLink)`), and to cross-check the two in tests.
 *
 * Each phrasing below was taken from the 144 ICSMA files (readme.md lists them). A phrase must
 * match the whole text after the first ": " (a trailing parenthetical note aside), so a sentence
 * that merely contains "to" or "prior" is never read as a range.
 */
import { parseGeneric } from './generic-version.js';
import {
  type Comparator,
  type Constraint,
  parseExactVersion,
  parseVersionRange,
  type VersionSpec,
} from './version-spec.js';

// A version token; parseGeneric decides whether it really is one.
const V = '(v?[0-9A-Za-z][0-9A-Za-z._-]*)';
// Words CISA puts before the version: "all", "software", "firmware", "version(s)".
const LEAD = String.raw`(?:(?:all|software|firmware)\s+)*(?:versions?\s+)?`;

interface Phrase {
  /** The wording, for the readme and test names. */
  name: string;
  re: RegExp;
  build: (m: RegExpExecArray) => SpecBody | null;
}

type SpecBody =
  | { kind: 'all' }
  | { kind: 'exact'; versions: string[] }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'range'; constraints: Constraint[] };

const ci = (s: string) => new RegExp(`^${s}$`, 'i');
const range = (...cs: Array<[Comparator, string | undefined]>): SpecBody | null =>
  cs.every(([, v]) => v !== undefined && parseGeneric(v))
    ? { kind: 'range', constraints: cs.map(([op, v]) => ({ op, version: v ?? '' })) }
    : null;

/** The phrasings read, in the order tried. */
export const VERSION_PHRASES: readonly Phrase[] = [
  { name: 'all versions', re: ci(String.raw`(?:all(?:\s+versions)?|\*)`), build: () => ({ kind: 'all' }) },
  {
    name: 'X and|or prior|earlier|below|older|lower|previous [versions]',
    re: ci(
      String.raw`${LEAD}${V}\s+(?:and|or)\s+(?:prior|earlier|below|older|lower|previous)(?:\s+versions)?`,
    ),
    build: (m) => range(['<=', m[1]]),
  },
  {
    name: '[all versions] prior to|before [Version] X',
    re: ci(String.raw`${LEAD}(?:prior\s+to|before)\s+(?:version\s+)?${V}`),
    build: (m) => range(['<', m[1]]),
  },
  {
    name: 'X through [to] Y / X to Y',
    re: ci(String.raw`${LEAD}${V}\s+(?:through(?:\s+to)?|to)\s+(?:version\s+)?${V}`),
    build: (m) => range(['>=', m[1]], ['<=', m[2]]),
  },
  {
    name: 'X and later|higher|newer',
    re: ci(String.raw`${LEAD}${V}\s+and\s+(?:later|higher|newer)`),
    build: (m) => range(['>=', m[1]]),
  },
  {
    name: '<= X, < X, >= X (operators in the name)',
    re: ci(String.raw`(?:<=|<|>=|>)\s*${V}(?:\s*\|\s*(?:<=|<|>=|>)\s*${V})?`),
    build: (m): SpecBody | null => {
      const spec = parseVersionRange(m[0]);
      return spec.kind === 'range' || spec.kind === 'exact' ? spec : null;
    },
  },
  {
    name: 'Version X / Versions X, Y and Z / X Y Z / X|Y / 12.x',
    re: ci(String.raw`${LEAD}${V}(?:(?:\s*[,|]\s*|\s+(?:and\s+)?)${V})*`),
    build: (m): SpecBody | null => {
      const list = m[0].replace(new RegExp(`^${LEAD}`, 'i'), '').split(/\s*[,|]\s*|\s+and\s+|\s+/);
      if (list.length === 1) {
        const one = parseExactVersion(list[0] ?? '');
        if (one.kind === 'prefix') return { kind: 'prefix', prefix: one.prefix };
        return one.kind === 'exact' ? { kind: 'exact', versions: one.versions } : null;
      }
      return list.every((v) => parseGeneric(v)) ? { kind: 'exact', versions: list } : null;
    },
  },
];

/** The phrase after a product name's first ": ", without a trailing "(…)" note, or undefined. */
export function versionPhraseOf(name: string): string | undefined {
  const colon = name.indexOf(': ');
  if (colon === -1) return undefined;
  return name
    .slice(colon + 2)
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Read the versions a product's full name states, or undefined when no phrasing matches. */
export function parseVersionPhrase(name: string): (VersionSpec & { phrase: string }) | undefined {
  const text = versionPhraseOf(name);
  if (text === undefined || text === '') return undefined;
  for (const p of VERSION_PHRASES) {
    const m = p.re.exec(text);
    const spec = m ? p.build(m) : null;
    if (spec) return { ...spec, text, phrase: p.name };
  }
  return undefined;
}
