import { describe, expect, it } from 'vitest';
import { gap, P, res, snap } from './snapshots.test-helpers.js';
import { effective, type Guardrail, guardrailResults, loosened, phiScope } from './util.js';

const G: Guardrail = { param: 'accessKeyMaxAgeDays', kind: 'max', limit: 365 };
const check = { id: 'x', resourceType: 'AWS::IAM::User' };

describe('guardrails', () => {
  it('default parameters are within the guardrail', () => {
    expect(loosened(G, P)).toBe(false);
    expect(guardrailResults(check, snap([]), P, G)).toEqual([]);
  });
  it('a loosened parameter fails each account and is clamped', () => {
    const p = { ...P, accessKeyMaxAgeDays: 400 };
    const out = guardrailResults(check, snap([]), p, G);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      status: 'fail',
      message: 'parameter loosened beyond guardrail',
      resourceType: 'AWS::::Account',
    });
    expect(effective(G, p)).toBe(365);
  });
});

describe('phiScope', () => {
  it('classifies from tags, unknown when tags were unreadable', () => {
    const r = res('AWS::Logs::LogGroup', 'lg');
    expect(phiScope(snap([r]), r, 'logs').phi).toBe(false);
    const u = phiScope(snap([r], [gap('logs', 'ListTagsForResource: AccessDenied')]), r, 'logs', false);
    expect(u).toMatchObject({ phi: 'unknown' });
    const t = res('AWS::Logs::LogGroup', 'lg', { tags: { DataClassification: 'ePHI' } });
    expect(phiScope(snap([t]), t, 'logs', false).phi).toBe(true);
  });
});
