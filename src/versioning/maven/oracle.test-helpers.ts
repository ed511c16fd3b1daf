import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { nativeToolAvailable, runNativeBatch } from '../fixtures.test-helpers.js';
import type { Ordering } from '../types.js';

/**
 * The native oracle for the Maven scheme: maven-artifact's ComparableVersion run by `java`
 * (Debian package `maven`: the jar path below, `libmaven3-core-java` and a Java runtime), and a
 * generator of realistic version strings built from the fixture versions' own pieces.
 */

/** maven-artifact as Debian installs it (a symlink to /usr/share/java/maven3-artifact.jar). */
export const MAVEN_ARTIFACT_JAR = '/usr/share/maven/lib/maven-artifact-3.x.jar';

/** True when java and the jar are both present. */
export const mavenOracleAvailable =
  existsSync(MAVEN_ARTIFACT_JAR) && nativeToolAvailable('java', ['-version']);

// Single-file source launch (JEP 330): the jar's Implementation-Version first, then for each
// `a<TAB>b` line in, the sign of compareTo out.
const CMP_JAVA = `
import java.io.*;
import java.nio.charset.StandardCharsets;
import org.apache.maven.artifact.versioning.ComparableVersion;

public class Cmp {
  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(new BufferedOutputStream(System.out), false, "UTF-8");
    out.println(ComparableVersion.class.getPackage().getImplementationVersion());
    for (String line; (line = in.readLine()) != null; ) {
      int tab = line.indexOf('\\t');
      ComparableVersion a = new ComparableVersion(line.substring(0, tab));
      out.println(Integer.signum(a.compareTo(new ComparableVersion(line.substring(tab + 1)))));
    }
    out.flush();
  }
}
`;

/** Compare every pair with ComparableVersion in ONE java process; also reports the jar's version. */
export function runMavenOracle(pairs: ReadonlyArray<readonly [string, string]>): {
  version: string;
  answers: Ordering[];
} {
  for (const [a, b] of pairs)
    if (/[\t\n\r]/.test(a + b)) throw new Error(`oracle input must not contain tabs or newlines: ${a} ${b}`);
  const dir = mkdtempSync(join(tmpdir(), 'maven-oracle-'));
  const source = join(dir, 'Cmp.java');
  writeFileSync(source, CMP_JAVA);
  const input = `${pairs.map(([a, b]) => `${a}\t${b}`).join('\n')}\n`;
  const [version = '', ...lines] = runNativeBatch('java', ['-cp', MAVEN_ARTIFACT_JAR, source], input);
  return { version, answers: lines.map((l) => Number(l) as Ordering) };
}

// Unusual pieces the fixtures lack: every alias and shorthand in mixed case, the Int/Long/
// BigInteger boundaries (9 and 18 digits after ASCII zeros are stripped), all-zero runs, and
// non-ASCII: Unicode digits (Character.isDigit), letters whose lower case is special.
const EXTRA_WORDS = [
  ...['a', 'B', 'm', 'alpha', 'Beta', 'MILESTONE', 'rc', 'CR', 'Snapshot', 'GA', 'final', 'Release', 'sp'],
  ...['dev', 'pre', 'jre', 'redhat', 'x', 'é', 'ΑΩ', 'İ', 'ß', '~', '+', ' ', '_'],
];
const EXTRA_NUMBERS = [
  ...['0', '00', '0000000000', '007', '1', '2', '10', '999999999', '1000000000', '0001000000000'],
  ...['999999999999999999', '1000000000000000000', '9223372036854775808', '123456789012345678901234'],
  ...['٣', '٠٠٠٠٠٠٠٠٠٠١', '０', '12٣', '߀'],
];
const SUFFIXES = [
  '.0',
  '-0',
  '-ga',
  '.final',
  '-SNAPSHOT',
  '.1',
  '-1',
  'a1',
  '.RC1',
  '-sp',
  '.0.0',
  '-',
  '.',
];

/** Digit runs and other runs of the given versions, as written, for `mavenPair`. */
export function versionPieces(versions: Iterable<string>): { numbers: string[]; words: string[] } {
  const numbers = new Set<string>();
  const words = new Set<string>();
  for (const v of versions)
    for (const [t] of v.matchAll(/[0-9]+|[^0-9.-]+/g)) (/^[0-9]/.test(t) ? numbers : words).add(t);
  return { numbers: [...numbers].sort(), words: [...words].sort() };
}

/** Maven version strings assembled from fixture pieces and the extra pieces, with any separators. */
export function mavenVersion(fixtureVersions: readonly string[]): fc.Arbitrary<string> {
  const { numbers, words } = versionPieces(fixtureVersions);
  const token = fc.oneof(
    fc.constantFrom(...numbers, ...EXTRA_NUMBERS),
    fc.constantFrom(...words, ...EXTRA_WORDS),
  );
  const sep = fc.constantFrom('.', '.', '-', '-', '', '_');
  return fc
    .tuple(token, fc.array(fc.tuple(sep, token), { maxLength: 6 }), fc.constantFrom('', '', '', '-', '.'))
    .map(([head, rest, tail]) => head + rest.map(([s, t]) => s + t).join('') + tail);
}

/**
 * Pairs of Maven version strings: fixture versions against each other, generated versions
 * from fixture pieces against a small mutation of themselves (so most pairs agree on a long
 * prefix and the comparison reaches the interesting items), and generated against generated.
 */
export function mavenPair(fixtureVersions: readonly string[]): fc.Arbitrary<readonly [string, string]> {
  const version = mavenVersion(fixtureVersions);
  const mutated = fc
    .tuple(version, fc.nat(), fc.constantFrom(...SUFFIXES), version)
    .map(([v, k, suffix, t]): readonly [string, string] => {
      const cut = v.slice(0, 1 + (k % v.length));
      const variants = [
        v + suffix,
        v.toUpperCase(),
        v.replaceAll('.', '-'),
        v.replaceAll('-', '.'),
        cut,
        `${cut}${t}`,
      ];
      return [v, variants[k % variants.length]!];
    });
  const fixture = fc.constantFrom(...fixtureVersions);
  return fc.oneof(
    { weight: 2, arbitrary: fc.tuple(fixture, fixture) },
    { weight: 5, arbitrary: mutated },
    {
      weight: 2,
      arbitrary: fc.tuple(fixture, version).map(([f, v]): readonly [string, string] => [f, f + v]),
    },
    { weight: 1, arbitrary: fc.tuple(version, version) },
  );
}
