/**
 * Results grouped by HIPAA citation, as the CLI, the API and the reports show a scan: each
 * paragraph with its title (frameworks/hipaa.ts), the status counts and the results behind it. A
 * result counts under every citation of its check; groups are in the Rule's paragraph order.
 */
import type { CheckStatus, PostureCheck } from './check.js';
import { HIPAA_SECURITY_RULE } from './frameworks/hipaa.js';

export interface CitationGroup<T> {
  citation: string;
  title: string;
  counts: Record<CheckStatus, number>;
  results: T[];
}

const TITLES = new Map(HIPAA_SECURITY_RULE.map((r) => [r.citation, r.title]));

/** Group `results` by the citations of their checks (`-` when the check is unknown). */
export function byCitation<T extends { checkId: string; status: CheckStatus }>(
  results: readonly T[],
  checks: readonly Pick<PostureCheck, 'id' | 'citations'>[],
): CitationGroup<T>[] {
  const citationsOf = new Map(checks.map((c) => [c.id, c.citations]));
  const groups = new Map<string, CitationGroup<T>>();
  for (const r of results) {
    for (const citation of citationsOf.get(r.checkId) ?? ['-']) {
      let g = groups.get(citation);
      if (!g) {
        g = {
          citation,
          title: TITLES.get(citation) ?? '',
          counts: { pass: 0, fail: 0, manual: 0, error: 0 },
          results: [],
        };
        groups.set(citation, g);
      }
      g.counts[r.status]++;
      g.results.push(r);
    }
  }
  return [...groups.values()].sort((a, b) => a.citation.localeCompare(b.citation, 'en', { numeric: true }));
}
