import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Ordering, VersionScheme } from './types.js';

/**
 * Readers for the shared oracle fixtures in /work/shared/data/version-fixtures (see its
 * README.md), read at test time, never copied into the repository.
 */

/** Root of the shared version fixtures, resolved from this file (src/versioning → repo → shared). */
export const FIXTURES_ROOT = new URL('../../../shared/data/version-fixtures/', import.meta.url);

const OPS = { '<': -1, '=': 0, '>': 1 } as const;

/** One `A op B` line of an osv-scalibr fixture file, with where it came from. */
export interface PairLine {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly a: string;
  readonly b: string;
  readonly expected: Ordering;
}

/** Read the text of a fixture file given its path below FIXTURES_ROOT. */
export function readFixture(path: string): string {
  return readFileSync(new URL(path, FIXTURES_ROOT), 'utf8');
}

/** Parse an osv-scalibr `semantic/testdata` file: `A < B`, `A = B`, `A > B`; `#`/`//` comments. */
export function readScalibrPairs(name: string): PairLine[] {
  const path = `google-osv-scalibr/${name}`;
  return readFixture(path)
    .split('\n')
    .flatMap((raw, index) => {
      const text = raw.trim();
      if (text === '' || text.startsWith('#') || text.startsWith('//')) return [];
      // Versions never contain spaces in these files; the operator is the middle token.
      const m = /^(\S+) ([<=>]) (\S+)$/.exec(text);
      if (!m) throw new Error(`${path}:${index + 1}: not an "A op B" line: ${text}`);
      const [, a = '', op = '=', b = ''] = m;
      return [{ file: path, line: index + 1, text, a, b, expected: OPS[op as keyof typeof OPS] }];
    });
}

/** Check every line both ways (a?b and b?a); returns the failures as readable strings. */
export function sweepPairs<V>(scheme: VersionScheme<V>, lines: readonly PairLine[]): string[] {
  const failures: string[] = [];
  for (const l of lines) {
    const a = scheme.parse(l.a);
    const b = scheme.parse(l.b);
    if (a === null || b === null) {
      failures.push(`${l.file}:${l.line} ${l.text} — unparseable ${a === null ? l.a : l.b}`);
      continue;
    }
    const ab = scheme.compare(a, b);
    const ba = scheme.compare(b, a);
    if (ab !== l.expected || ba !== -l.expected) {
      failures.push(`${l.file}:${l.line} ${l.text} — got compare(a,b)=${ab}, compare(b,a)=${ba}`);
    }
  }
  return failures;
}

// vers-test.schema-0.2.json: only the fields these tests read. The schema names the comparison
// input `input_type`, the data files use `input_scheme`; both are accepted.
const versTest = z.object({
  description: z.string(),
  test_group: z.string(),
  test_type: z.string(),
  expected_failure: z.boolean().optional(),
  input: z.unknown(),
  expected_output: z.unknown().optional(),
});
export type VersTest = z.infer<typeof versTest>;
const versFile = z.union([z.object({ tests: z.array(versTest) }), z.array(versTest)]);

/** Read a VERS test file (package-url/vers-spec layout or aboutcode univers' bare array). */
export function readVersTests(path: string): VersTest[] {
  const parsed = versFile.parse(JSON.parse(readFixture(path)));
  return Array.isArray(parsed) ? parsed : parsed.tests;
}

const VERS_COMPARATOR = /^(>=|<=|!=|<|>|=)?(.*)$/;

/** The constraints of a `vers:<scheme>/…` string as [comparator, version] pairs (`=` when bare). */
export function versConstraints(vers: string): Array<readonly [string, string]> {
  const body = vers.slice(vers.indexOf('/') + 1);
  if (body === '*') return [];
  return body.split('|').map((c) => {
    const [, op = '', version = ''] = VERS_COMPARATOR.exec(c) ?? [];
    return [op === '' ? '=' : op, decodeURIComponent(version)] as const;
  });
}

/**
 * VERS "version containment" (vers-spec, "Checking if a version is contained within a range"):
 * `=` and `!=` constraints first, then the remaining comparators as sorted, paired intervals.
 */
export function versContains<V>(scheme: VersionScheme<V>, vers: string, version: string): boolean {
  const parse = (s: string): V => {
    const v = scheme.parse(s);
    if (v === null) throw new Error(`invalid ${scheme.id} version in fixture: ${s}`);
    return v;
  };
  const constraints = versConstraints(vers).map(([op, s]) => [op, parse(s)] as const);
  if (constraints.length === 0) return true; // `vers:<scheme>/*`
  const v = parse(version);
  for (const [op, c] of constraints) {
    if (op === '=' && scheme.compare(v, c) === 0) return true;
    if (op === '!=' && scheme.compare(v, c) === 0) return false;
  }
  const ranges = constraints.filter(([op]) => op !== '=' && op !== '!=');
  if (ranges.length === 0) return false;
  const holds = (op: string, c: V): boolean => {
    const r = scheme.compare(v, c);
    return op === '<' ? r < 0 : op === '<=' ? r <= 0 : op === '>' ? r > 0 : r >= 0;
  };
  // The spec's walk over contiguous pairs: a leading upper bound, a trailing lower bound, or a
  // `>`/`>=` followed by a `<`/`<=` enclosing the version.
  for (let i = 0; i < ranges.length; i++) {
    const [op, c] = ranges[i]!;
    const next = ranges[i + 1];
    if (i === 0 && op.startsWith('<') && holds(op, c)) return true;
    if (next === undefined && op.startsWith('>') && holds(op, c)) return true;
    if (next && op.startsWith('>') && next[0].startsWith('<') && holds(op, c) && holds(...next)) return true;
  }
  return false;
}

// OSV schema: only the fields readOsvVersions reads.
const osvRecord = z.object({
  affected: z
    .array(
      z.object({
        versions: z.array(z.string()).optional(),
        ranges: z.array(z.object({ events: z.array(z.record(z.string(), z.string())) })).optional(),
      }),
    )
    .optional(),
});

/** Root of the shared OSV record snapshots (/work/shared/data/osv), resolved like FIXTURES_ROOT. */
export const OSV_DATA_ROOT = new URL('../../../shared/data/osv/', import.meta.url);

/**
 * Every distinct version string in the OSV records (`*.json`, recursively) below `dir` of
 * OSV_DATA_ROOT: `affected[].versions[]` and the range events `introduced` (except "0"),
 * `fixed`, `last_affected` and `limit` (except "*"), sorted for deterministic generators.
 */
export function readOsvVersions(dir: string): string[] {
  const root = new URL(dir.endsWith('/') ? dir : `${dir}/`, OSV_DATA_ROOT);
  const found = new Set<string>();
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
  for (const file of files) {
    const record = osvRecord.safeParse(JSON.parse(readFileSync(new URL(file, root), 'utf8')));
    if (!record.success) continue; // not an OSV record (e.g. a schema file)
    for (const affected of record.data.affected ?? []) {
      for (const v of affected.versions ?? []) found.add(v);
      for (const range of affected.ranges ?? []) {
        for (const event of range.events) {
          for (const v of Object.values(event)) if (v !== '0' && v !== '*') found.add(v);
        }
      }
    }
  }
  return [...found].sort();
}

/**
 * Parse any `A op B` pair file below FIXTURES_ROOT in the osv-scalibr format (readScalibrPairs),
 * e.g. `google-osv.dev/packagist_test_cases.txt`.
 */
export function readPairFile(path: string): PairLine[] {
  return readFixture(path)
    .split('\n')
    .flatMap((raw, index) => {
      const text = raw.trim();
      if (text === '' || text.startsWith('#') || text.startsWith('//')) return [];
      const m = /^(\S+) ([<=>]) (\S+)$/.exec(text);
      if (!m) throw new Error(`${path}:${index + 1}: not an "A op B" line: ${text}`);
      const [, a = '', op = '=', b = ''] = m;
      return [{ file: path, line: index + 1, text, a, b, expected: OPS[op as keyof typeof OPS] }];
    });
}

/** True when a native oracle runs: `command ...args` (e.g. `ruby -v`) exits 0. */
export function nativeToolAvailable(command: string, args: readonly string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/**
 * Run a native oracle ONCE for a whole batch (never one process per pair): `input` goes to
 * stdin, stdout comes back as lines. Throws on a spawn error or a non-zero exit.
 */
export function runNativeBatch(command: string, args: readonly string[], input = ''): string[] {
  const r = spawnSync(command, args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${command} exited with ${r.status}: ${r.stderr}`);
  return r.stdout.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1);
}

/** One `comparison` or `equality` test of a vers-spec `*_version_cmp_test.json` file. */
export interface VersCmpCase {
  readonly file: string;
  /** Position of the test in the file's `tests` array. */
  readonly index: number;
  readonly a: string;
  readonly b: string;
  /** `<`: a comparison test (expected_output lists a then b); `=` / `!=`: an equality test. */
  readonly relation: '<' | '=' | '!=';
}

/**
 * The two-version `comparison` and `equality` tests of a vers-spec version_cmp file
 * (vers-test.schema-0.2.json): a comparison's expected_output is its input sorted ascending.
 */
export function readVersCmpCases(path: string): VersCmpCase[] {
  return readVersTests(path).flatMap((t, index): VersCmpCase[] => {
    if (t.test_type !== 'comparison' && t.test_type !== 'equality') return [];
    const input = z.object({ versions: z.tuple([z.string(), z.string()]) }).parse(t.input);
    if (t.test_type === 'equality') {
      const [a, b] = input.versions;
      return [{ file: path, index, a, b, relation: z.boolean().parse(t.expected_output) ? '=' : '!=' }];
    }
    const [a, b] = z.tuple([z.string(), z.string()]).parse(t.expected_output);
    return [{ file: path, index, a, b, relation: '<' }];
  });
}

/** Check vers-spec comparison/equality cases both ways; returns the failures as readable strings. */
export function sweepVersCmpCases<V>(scheme: VersionScheme<V>, cases: readonly VersCmpCase[]): string[] {
  return cases.flatMap((c) => {
    const a = scheme.parse(c.a);
    const b = scheme.parse(c.b);
    const where = `${c.file}#${c.index} ${c.a} ${c.relation} ${c.b}`;
    if (a === null || b === null) return [`${where} — unparseable ${a === null ? c.a : c.b}`];
    const ab = scheme.compare(a, b);
    const ba = scheme.compare(b, a);
    const ok =
      c.relation === '<'
        ? ab === -1 && ba === 1
        : c.relation === '='
          ? ab === 0 && ba === 0
          : ab !== 0 && ab === -ba;
    return ok ? [] : [`${where} — got compare(a,b)=${ab}, compare(b,a)=${ba}`];
  });
}

/**
 * Like readVersCmpCases, but a `comparison` test may list any number of versions: its sorted
 * expected_output becomes one `<` case per adjacent pair (all sharing the test's index).
 */
export function readVersSortedCases(path: string): VersCmpCase[] {
  return readVersTests(path).flatMap((t, index): VersCmpCase[] => {
    if (t.test_type !== 'comparison' && t.test_type !== 'equality') return [];
    if (t.test_type === 'equality') {
      const [a, b] = z.object({ versions: z.tuple([z.string(), z.string()]) }).parse(t.input).versions;
      return [{ file: path, index, a, b, relation: z.boolean().parse(t.expected_output) ? '=' : '!=' }];
    }
    const sorted = z.array(z.string()).min(2).parse(t.expected_output);
    return sorted.slice(1).map((b, k) => ({ file: path, index, a: sorted[k]!, b, relation: '<' as const }));
  });
}
