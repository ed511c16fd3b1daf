/**
 * CISA's SSVC decision points for a CVE, as published in two spellings:
 * - CVE JSON 5 CISA ADP "Vulnrichment" container, `metrics[].other` with `type: "ssvc"` and
 *   `content.options` `[{"Exploitation": …}, {"Automatable": …}, {"Technical Impact": …}]`
 *   (https://github.com/cisagov/vulnrichment, README "How it works");
 * - NVD CVE API 2.0 `metrics.ssvcV203[].ssvcData.options` with camel-case keys
 *   (`exploitation`, `automatable`, `technicalImpact`), the same assessment copied by NVD.
 */
import { z } from 'zod';
import { schemaError, Timestamp } from './common.js';
import { SSVC_AUTOMATABLE, SSVC_EXPLOITATION, SSVC_TECHNICAL_IMPACT, type SsvcPoints } from './types.js';

/** Boundary schema of one SSVC assessment (`content` in CVE 5, `ssvcData` in NVD). */
export const SsvcContent = z.object({
  id: z.string().optional(),
  timestamp: Timestamp,
  options: z.array(z.record(z.string(), z.string())),
  version: z.string().optional(),
  role: z.string().optional(),
});
export type SsvcContent = z.infer<typeof SsvcContent>;

// Option keys compared without case and spaces: "Technical Impact" (CVE 5) = "technicalImpact" (NVD).
const POINTS = {
  exploitation: SSVC_EXPLOITATION,
  automatable: SSVC_AUTOMATABLE,
  technicalimpact: SSVC_TECHNICAL_IMPACT,
} as const;
type PointKey = keyof typeof POINTS;

// SSVC 2.0.3 names the value "Public PoC"; CISA writes `poc`.
const ALIASES: Record<string, string> = { 'public poc': 'poc' };

/**
 * Map one assessment to SsvcPoints. `base` is the JSON pointer of `content`/`ssvcData`; a missing
 * point, an unknown value or an assessment of another CVE is INPUT_SCHEMA there. Other decision
 * points (none are published per CVE today) are ignored.
 */
export function toSsvcPoints(
  content: SsvcContent,
  cveId: string,
  source: string,
  file: string,
  base: string,
): SsvcPoints {
  if (content.id !== undefined && content.id !== cveId) {
    throw schemaError(file, base, ['id'], `SSVC assessment of ${content.id} inside the record of ${cveId}`);
  }
  const found: Partial<Record<PointKey, string>> = {};
  content.options.forEach((option, i) => {
    for (const [key, raw] of Object.entries(option)) {
      const point = key.replaceAll(' ', '').toLowerCase();
      if (!(point in POINTS)) continue;
      const allowed: readonly string[] = POINTS[point as PointKey];
      const value = ALIASES[raw.toLowerCase()] ?? raw.toLowerCase();
      if (!allowed.includes(value)) {
        throw schemaError(file, base, ['options', i, key], `expected one of ${allowed.join(', ')}`);
      }
      found[point as PointKey] = value;
    }
  });
  const { exploitation, automatable, technicalimpact } = found;
  if (exploitation === undefined || automatable === undefined || technicalimpact === undefined) {
    const missing = (Object.keys(POINTS) as PointKey[]).filter((k) => found[k] === undefined);
    throw schemaError(file, base, ['options'], `missing SSVC decision point(s): ${missing.join(', ')}`);
  }
  return {
    exploitation: exploitation as SsvcPoints['exploitation'],
    automatable: automatable as SsvcPoints['automatable'],
    technicalImpact: technicalimpact as SsvcPoints['technicalImpact'],
    timestamp: content.timestamp,
    source,
    version: content.version ?? null,
    role: content.role ?? null,
  };
}

/** The most recent assessment (by timestamp instant; the first on a tie), or undefined when none. */
export function latestSsvc(all: SsvcPoints[]): SsvcPoints | undefined {
  let best: SsvcPoints | undefined;
  for (const s of all) if (!best || instant(s.timestamp) > instant(best.timestamp)) best = s;
  return best;
}

// NVD times carry no zone and are UTC (API docs); read them as such so both spellings compare.
function instant(ts: string): number {
  return Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(ts) ? ts : `${ts}Z`);
}
