import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEVERITIES } from './check.js';
import { POSTURE_CHECKS } from './registry.js';

const folders = (provider: string) =>
  readdirSync(fileURLToPath(new URL(`./checks/${provider}/`, import.meta.url)), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .map((d) => d.name)
    .sort();

// 45 CFR Part 164 Subpart C paragraphs: 164.308 … 164.316 with their (a)(1)(ii)(A)-style parts.
const CITATION = /^164\.3(0[6-9]|1[0-6])(\([a-z0-9]+\))+$/i;

describe('posture check registry (contract)', () => {
  it('registers every check folder exactly once, id equal to its folder', () => {
    for (const provider of ['aws', 'azure'] as const) {
      const ids = POSTURE_CHECKS.filter((c) => c.provider === provider)
        .map((c) => c.id)
        .sort();
      expect(ids).toEqual(folders(provider));
    }
    expect(new Set(POSTURE_CHECKS.map((c) => c.id)).size).toBe(POSTURE_CHECKS.length);
  });

  it.each(POSTURE_CHECKS.map((c) => [c.id, c] as const))('%s has metadata and HIPAA citations', (_id, c) => {
    expect(c.title.length).toBeGreaterThan(0);
    expect(SEVERITIES).toContain(c.severity);
    expect(c.citations.length).toBeGreaterThan(0);
    for (const cite of c.citations) expect(cite).toMatch(CITATION);
    expect(c.risk.length).toBeGreaterThan(0);
    expect(c.remediation.text.length).toBeGreaterThan(0);
  });
});
