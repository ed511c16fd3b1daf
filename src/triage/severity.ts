/**
 * Severity from an advisory's CVSS vectors: the vector is kept, the base score computed with
 * ae-cvss-calculator (FIRST's CVSS 2.0/3.0/3.1/4.0 formulas), and the qualitative rating taken
 * from the CVSS specification's table (none 0, low 0.1–3.9, medium 4–6.9, high 7–8.9, critical 9–10).
 */
import { createRequire } from 'node:module';
import type { Advisory, AffectedPackage, Severity } from '../core/advisory.js';

// The package is CommonJS without named ESM exports.
const { fromVector } = createRequire(import.meta.url)('ae-cvss-calculator') as {
  fromVector(vector: string): { calculateScores(): { base?: number } } | null;
};

export const SEVERITY_RATINGS = ['none', 'low', 'medium', 'high', 'critical', 'unknown'] as const;
export type SeverityRating = (typeof SEVERITY_RATINGS)[number];

/** Rank for "most severe first" among alias-group members: a known rating from any member wins over unknown. */
export const SEVERITY_RANK: Record<SeverityRating, number> = {
  unknown: -1,
  none: 0,
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
};

export interface SeverityAssessment {
  rating: SeverityRating;
  /** Where the rating came from: a CVSS vector, the source's own label, or nothing usable. */
  basis: 'cvss' | 'source-label' | 'none';
  cvss: { version: string; vector: string; score: number } | null;
  sourceLabel: string | null;
}

/** The qualitative rating of a CVSS base score (CVSS v3.1 §5 and v4.0 §6 use the same bands). */
export function ratingOf(score: number): SeverityRating {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

/** Score one CVSS vector; null when the vector is not a complete, valid base vector. */
export function scoreVector(vector: string): { version: string; score: number } | null {
  let parsed: ReturnType<typeof fromVector>;
  try {
    parsed = fromVector(vector);
  } catch {
    return null;
  }
  const base = parsed?.calculateScores().base;
  if (base === undefined || Number.isNaN(base)) return null;
  const version = /^CVSS:(\d\.\d)\//.exec(vector)?.[1] ?? '2.0';
  return { version, score: base };
}

// Newest CVSS version first: a v4.0 vector describes the flaw with more precision than v3.x.
const PREFERENCE = ['CVSS_V4', 'CVSS_V3', 'CVSS_V2'];

const LABELS: Record<string, SeverityRating> = {
  critical: 'critical',
  high: 'high',
  important: 'high',
  moderate: 'medium',
  medium: 'medium',
  low: 'low',
  negligible: 'low',
};

/** Assess an advisory's severity for one affected package (its own severity overrides the record's). */
export function assessSeverity(advisory: Advisory, affected?: AffectedPackage): SeverityAssessment {
  const candidates: Severity[] = [...(affected?.severity ?? []), ...advisory.severity];
  for (const type of PREFERENCE) {
    for (const s of candidates.filter((c) => c.type === type)) {
      const scored = scoreVector(s.score);
      if (scored) {
        return {
          rating: ratingOf(scored.score),
          basis: 'cvss',
          cvss: { version: scored.version, vector: s.score, score: scored.score },
          sourceLabel: advisory.sourceSeverity ?? null,
        };
      }
    }
  }
  const label = advisory.sourceSeverity?.toLowerCase();
  if (label && LABELS[label]) {
    return {
      rating: LABELS[label],
      basis: 'source-label',
      cvss: null,
      sourceLabel: advisory.sourceSeverity ?? null,
    };
  }
  return { rating: 'unknown', basis: 'none', cvss: null, sourceLabel: advisory.sourceSeverity ?? null };
}
