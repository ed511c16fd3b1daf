// Comparator throughput (compares/s, parsing both sides included), each measured in the same run
// as its native reference where one is installed: apt_pkg (dpkg's C code) from Debian's Python,
// librpm through python3-rpm, node-semver, packaging, Maven's ComparableVersion on the JVM.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import nodeSemver from 'semver';

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const fixture = (f) =>
  fileURLToPath(new URL(`../../shared/data/version-fixtures/google-osv-scalibr/${f}`, import.meta.url));
const pairsOf = (f) =>
  readFileSync(fixture(f), 'utf8')
    .split('\n')
    .map((l) => /^(\S+) [<=>] (\S+)$/.exec(l.trim()))
    .filter(Boolean)
    .map((m) => [m[1], m[2]]);

const REPS = 20;
const dir = mkdtempSync(join(tmpdir(), 'pw-cmp-'));
function ours(scheme, pairs) {
  let n = 0;
  const t = performance.now();
  for (let r = 0; r < REPS; r++) {
    for (const [a, b] of pairs) {
      const x = scheme.parse(a);
      const y = scheme.parse(b);
      if (x !== null && y !== null) scheme.compare(x, y);
      n++;
    }
  }
  return n / ((performance.now() - t) / 1000);
}
// Native loops run inside the native runtime and time themselves: process start is not counted.
function python(code, pairs) {
  const f = join(dir, 'pairs.tsv');
  writeFileSync(f, pairs.map((p) => p.join('\t')).join('\n'));
  try {
    return Number(
      execFileSync('/usr/bin/python3', ['-c', code, f, String(REPS)], { encoding: 'utf8' }).trim(),
    );
  } catch {
    return null;
  }
}
const PY_LOOP = (setup, cmp) => `
import sys, time
${setup}
pairs = [l.split('\\t') for l in open(sys.argv[1]).read().split('\\n') if '\\t' in l]
reps = int(sys.argv[2]); n = 0; t = time.perf_counter()
for _ in range(reps):
    for a, b in pairs:
        try: ${cmp}
        except Exception: pass
        n += 1
print(n / (time.perf_counter() - t))`;

const rows = [];
function row(scheme, oursRate, nativeName, nativeRate) {
  const ratio = nativeRate ? `${(oursRate / nativeRate).toFixed(2)}×` : '-';
  rows.push([
    scheme,
    Math.round(oursRate),
    nativeName,
    nativeRate ? Math.round(nativeRate) : 'not installed',
    ratio,
  ]);
}

const { dpkg } = await import(dist('versioning/dpkg/index.js'));
const deb = pairsOf('debian-versions-generated.txt');
row(
  'dpkg',
  ours(dpkg, deb),
  'apt_pkg.version_compare (C)',
  python(PY_LOOP('import apt_pkg; apt_pkg.init_system()', 'apt_pkg.version_compare(a, b)'), deb),
);

const { rpm } = await import(dist('versioning/rpm/index.js'));
const rh = pairsOf('redhat-versions.txt');
row(
  'rpm',
  ours(rpm, rh),
  'rpm.labelCompare (librpm, C)',
  python(PY_LOOP('import rpm', "rpm.labelCompare(('0', a, ''), ('0', b, ''))"), rh),
);

const { npm } = await import(dist('versioning/npm/index.js'));
const { semver } = await import(dist('versioning/semver/index.js'));
const sv = pairsOf('semver-versions.txt').filter(([a, b]) => nodeSemver.valid(a) && nodeSemver.valid(b));
let n = 0;
const t = performance.now();
for (let r = 0; r < REPS * 20; r++) {
  for (const [a, b] of sv) {
    nodeSemver.compare(a, b);
    n++;
  }
}
const nodeRate = n / ((performance.now() - t) / 1000);
row(
  'semver (strict)',
  ours(
    semver,
    sv.flatMap((p) => Array(20).fill(p)),
  ),
  'node-semver compare (JS)',
  nodeRate,
);
row(
  'npm (node-semver)',
  ours(
    npm,
    sv.flatMap((p) => Array(20).fill(p)),
  ),
  'node-semver compare (JS)',
  nodeRate,
);

const { pypi } = await import(dist('versioning/pypi/index.js'));
const py = pairsOf('pypi-versions-generated.txt');
row(
  'PEP 440',
  ours(pypi, py),
  'packaging.version (Python)',
  python(PY_LOOP('from packaging.version import Version', 'Version(a) < Version(b)'), py),
);

const { maven } = await import(dist('versioning/maven/index.js'));
const mv = pairsOf('maven-versions-generated.txt');
let mavenNative = null;
const jar = '/usr/share/maven/lib/maven-artifact-3.x.jar';
if (existsSync(jar)) {
  writeFileSync(join(dir, 'pairs.tsv'), mv.map((p) => p.join('\t')).join('\n'));
  writeFileSync(
    join(dir, 'Bench.java'),
    `import org.apache.maven.artifact.versioning.ComparableVersion; import java.nio.file.*; import java.util.*;
public class Bench { public static void main(String[] a) throws Exception {
  List<String[]> p = new ArrayList<>(); for (String l : Files.readAllLines(Path.of(a[0]))) p.add(l.split("\\t"));
  for (int w = 0; w < 5; w++) for (String[] x : p) new ComparableVersion(x[0]).compareTo(new ComparableVersion(x[1]));
  long n = 0, t = System.nanoTime(); int reps = Integer.parseInt(a[1]);
  for (int r = 0; r < reps; r++) for (String[] x : p) { new ComparableVersion(x[0]).compareTo(new ComparableVersion(x[1])); n++; }
  System.out.println(n / ((System.nanoTime() - t) / 1e9)); } }`,
  );
  try {
    mavenNative = Number(
      execFileSync('java', ['-cp', jar, join(dir, 'Bench.java'), join(dir, 'pairs.tsv'), String(REPS)], {
        encoding: 'utf8',
      }).trim(),
    );
  } catch {}
}
row('Maven', ours(maven, mv), 'ComparableVersion (JVM, warmed)', mavenNative);
rmSync(dir, { recursive: true, force: true });

console.log('\ncomparator throughput (compares/s, parsing both sides included)');
const w = [18, 12, 32, 14, 8];
console.log(
  ['scheme', 'ours', 'native reference', 'native', 'ratio'].map((h, i) => h.padEnd(w[i])).join(' '),
);
for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(w[i])).join(' '));
