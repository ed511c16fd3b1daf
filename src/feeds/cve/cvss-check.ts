/**
 * Re-score a stated CVSS vector with ae-cvss-calculator (FIRST's 2.0/3.0/3.1/4.0 formulas, the
 * library src/triage/severity.ts uses) and compare with the stated base score. The vector is never
 * rewritten: a disagreement is reported as `mismatch`, a vector we cannot score as `unparsable`.
 */
import { createRequire } from 'node:module';
import type { CvssVersion, ScoreCheck } from './types.js';

interface ParsedVector {
  getVectorName(): string;
  isBaseFullyDefined(): boolean;
  calculateScores(): { base?: number; baseMetricsOnly?: number };
}

// The package is CommonJS without named ESM exports.
const { fromVector } = createRequire(import.meta.url)('ae-cvss-calculator') as {
  fromVector(vector: string): ParsedVector | null;
};

/** Result of checking one vector against its stated score. */
export interface CvssCheckResult {
  scoreCheck: ScoreCheck;
  computedBaseScore: number | null;
}

/** The base score of a vector of the given version, or null when it is not a complete, valid vector. */
export function computeBaseScore(version: CvssVersion, vector: string): number | null {
  if (!hasVersionPrefix(version, vector) || hasRepeatedMetric(version, vector)) return null;
  let parsed: ParsedVector | null;
  try {
    parsed = fromVector(vector);
  } catch {
    return null;
  }
  // The calculator guesses 2.0 for anything without a prefix; its verdict must agree with ours.
  if (!parsed || parsed.getVectorName() !== `CVSS:${version}` || !parsed.isBaseFullyDefined()) return null;
  const scores = parsed.calculateScores();
  // CVSS v4.0 §8: one score per vector (CVSS-B, -BT, -BE or -BTE); the `baseScore` members of
  // NVD and CVE 5 (and FIRST's cvss-v4.0.json) hold CVSS-B, which the calculator names
  // `baseMetricsOnly`. For 2.0/3.x `base` ignores temporal and environmental metrics already.
  const score = version === '4.0' ? scores.baseMetricsOnly : scores.base;
  return score === undefined || Number.isNaN(score) ? null : score;
}

/** Compare a stated base score with the calculator's; scores are one-decimal numbers in every version. */
export function checkCvss(version: CvssVersion, vector: string, statedScore: number): CvssCheckResult {
  const computed = computeBaseScore(version, vector);
  if (computed === null) return { scoreCheck: 'unparsable', computedBaseScore: null };
  const same = Math.round(computed * 10) === Math.round(statedScore * 10);
  return { scoreCheck: same ? 'ok' : 'mismatch', computedBaseScore: computed };
}

// 3.x and 4.0 vectors start with `CVSS:<version>/` (3.1 §6, 4.0 §7); 2.0 vectors have no prefix
// (v2 guide §2.4), though some tools write `CVSS:2.0/`, which the calculator also accepts.
function hasVersionPrefix(version: CvssVersion, vector: string): boolean {
  if (version === '2.0') return !vector.startsWith('CVSS:') || vector.startsWith('CVSS:2.0/');
  return vector.startsWith(`CVSS:${version}/`);
}

// CVSS 3.1 §6: "A vector string must not include the same metric more than once"; the calculator
// silently keeps the last value, so a repeated metric would otherwise score as something else.
function hasRepeatedMetric(version: CvssVersion, vector: string): boolean {
  const parts = vector.split('/');
  const metrics = (version === '2.0' && !vector.startsWith('CVSS:') ? parts : parts.slice(1)).map(
    (p) => p.split(':')[0],
  );
  return new Set(metrics).size !== metrics.length;
}
