import { describe, expect, it } from 'vitest';
import { POSTURE_CHECKS } from '../registry.js';
import { HIPAA_SECURITY_RULE } from './hipaa.js';

describe('HIPAA framework file', () => {
  const ids = new Set(POSTURE_CHECKS.map((c) => c.id));
  it('every referenced check id exists', () => {
    for (const r of HIPAA_SECURITY_RULE)
      for (const id of r.checks) expect(ids, `${r.citation} → ${id}`).toContain(id);
  });
  it('every check has a citation, and each citation lists the check', () => {
    const byCitation = new Map(HIPAA_SECURITY_RULE.map((r) => [r.citation, new Set(r.checks)]));
    for (const c of POSTURE_CHECKS) {
      expect(c.citations.length).toBeGreaterThan(0);
      for (const cite of c.citations) expect(byCitation.get(cite), `${c.id} cites ${cite}`).toContain(c.id);
    }
  });
  it('lists each citation once, with a title', () => {
    expect(new Set(HIPAA_SECURITY_RULE.map((r) => r.citation)).size).toBe(HIPAA_SECURITY_RULE.length);
    for (const r of HIPAA_SECURITY_RULE) expect(r.title.length).toBeGreaterThan(3);
  });
});
