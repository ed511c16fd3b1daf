// Triage benchmarks (issue 5): policy evaluation of the three shipped packs over synthetic finding
// inputs (strictest deadline across packs, BOD 26-04 outcome from the SSVC table), and reading
// FIRST EPSS: every per-year file in ../shared/data/epss-scores (360k rows) and the same rows as
// one official-format gzip. Run: `npm run bench`, or `node bench/triage.js`.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const shared = (p) => fileURLToPath(new URL(`../../shared/data/${p}`, import.meta.url));
const { loadShippedPacks } = await import(dist('triage/policy/shipped.js'));
const { evaluatePacks } = await import(dist('triage/policy/evaluate.js'));
const { policyInputs } = await import(dist('triage/decide.js'));
const { parseEpssText, parseEpssStream } = await import(dist('feeds/epss/index.js'));

const line = (name, value, note = '') =>
  console.log(`${name.padEnd(58)} ${String(value).padStart(12)}  ${note}`);
let seed = 0x2545f491;
const rnd = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];

const N = 200_000;
const packs = loadShippedPacks();
const facts = Array.from({ length: N }, () => ({
  severity: {
    rating: pick(['low', 'medium', 'high', 'critical', 'unknown']),
    basis: 'cvss',
    cvss: null,
    sourceLabel: null,
  },
  kev: { listed: rnd() < 0.05, dateAdded: null },
  cve:
    rnd() < 0.5
      ? {
          cvss: [],
          ssvc:
            rnd() < 0.5
              ? {
                  exploitation: pick(['none', 'poc', 'active']),
                  automatable: pick(['yes', 'no']),
                  technicalImpact: pick(['partial', 'total']),
                  timestamp: '',
                  source: 'CISA-ADP',
                }
              : null,
          epss: { score: rnd(), percentile: rnd(), modelVersion: 'v2025.03.14', date: '2026-11-01' },
        }
      : null,
  asset: { phi: rnd() < 0.4, environment: pick(['prod', 'dev', 'test']), internetExposed: rnd() < 0.3 },
}));
const clock = {
  identified: new Date('2026-11-01T00:00:00Z'),
  patchAvailable: new Date('2026-11-01T00:00:00Z'),
};
let t = performance.now();
let decided = 0;
for (const f of facts) {
  if (evaluatePacks(packs, policyInputs(f), clock).winner.tier) decided++;
}
const tEval = (performance.now() - t) / 1000;
line(
  `decide ${N} findings under 3 packs (inputs + BOD table)`,
  `${tEval.toFixed(2)} s`,
  `${decided} decided, ${Math.round(N / tEval)} findings/s`,
);

const dir = shared('epss-scores');
const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
t = performance.now();
let rows = 0;
const all = [];
for (const f of files) {
  const text = readFileSync(`${dir}/${f}`, 'utf8');
  const r = parseEpssText(text, f);
  rows += r.rows;
  for (const [cve, s] of r.scores) all.push(`${cve},${s.epssText},${s.percentileText}`);
}
const tYears = (performance.now() - t) / 1000;
line(
  `EPSS: ${files.length} per-year files`,
  `${tYears.toFixed(2)} s`,
  `${rows} rows, ${Math.round(rows / tYears)} rows/s`,
);
const gz = gzipSync(
  `#model_version:v2025.03.14,score_date:2026-11-01T00:00:00+0000\ncve,epss,percentile\n${all.join('\n')}\n`,
);
t = performance.now();
const official = await parseEpssStream([gz], 'epss_scores-2026-11-01.csv.gz', { gzip: true });
const tGz = (performance.now() - t) / 1000;
line(
  'EPSS: the same rows as one official gzip',
  `${tGz.toFixed(2)} s`,
  `${official.rows} rows, ${(gz.length / 2 ** 20).toFixed(1)} MiB gz`,
);
