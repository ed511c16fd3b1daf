import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CloudSnapshot } from '../core/cloud.js';
import type { ParamName, PostureParams } from './check.js';
import { clampParams, GUARDRAILS, guardrailResults, loosened, loosenedParams } from './guardrails.js';
import { DEFAULT_PARAMS } from './params.js';

const snapshot = (accounts: string[]): Pick<CloudSnapshot, 'provider' | 'accounts'> => ({
  provider: 'aws',
  accounts,
});
const numeric = Object.entries(GUARDRAILS).filter(([, g]) => g.kind !== 'includes') as [
  ParamName,
  { kind: 'max' | 'min'; limit: number },
][];

describe('parameter guardrails', () => {
  it('the defaults are within every guardrail', () => {
    expect(loosenedParams(DEFAULT_PARAMS)).toEqual([]);
    expect(clampParams(DEFAULT_PARAMS)).toEqual(DEFAULT_PARAMS);
  });

  it('clamping never leaves a parameter looser than its guardrail, and keeps tighter values', () => {
    fc.assert(
      fc.property(fc.constantFrom(...numeric), fc.integer({ min: 0, max: 10_000 }), ([name, g], v) => {
        const params = { ...DEFAULT_PARAMS, [name]: v } as PostureParams;
        const c = clampParams(params)[name] as number;
        expect(loosened(GUARDRAILS[name]!, c)).toBe(false);
        if (!loosened(GUARDRAILS[name]!, v)) expect(c).toBe(v);
        else expect(c).toBe(g.limit);
      }),
    );
  });

  it('an admin port list without SSH or RDP gets them back, and says so', () => {
    const params = { ...DEFAULT_PARAMS, adminPorts: [5985] };
    expect(clampParams(params).adminPorts).toEqual([5985, 22, 3389]);
    expect(loosenedParams(params).map((l) => l.param)).toEqual(['adminPorts']);
  });

  it('fails once per account for each loosened parameter the check declares, with a stable id', () => {
    const check = {
      id: 'iam-access-key-age',
      resourceType: 'AWS::IAM::User',
      params: ['accessKeyMaxAgeDays'] as ParamName[],
    };
    const loose = { ...DEFAULT_PARAMS, accessKeyMaxAgeDays: 400, passwordMaxAgeDays: 999 };
    const out = guardrailResults(check, snapshot(['111122223333', '444455556666']), loose);
    expect(out.map((r) => r.findingId)).toEqual([
      'iam-access-key-age|111122223333|global|111122223333/params/accessKeyMaxAgeDays',
      'iam-access-key-age|444455556666|global|444455556666/params/accessKeyMaxAgeDays',
    ]);
    expect(out[0]).toMatchObject({
      status: 'fail',
      resourceType: 'AWS::::Account',
      evidence: { param: 'accessKeyMaxAgeDays', value: 400, guardrail: '≤ 365' },
    });
    // passwordMaxAgeDays is loosened too, but this check does not read it.
    expect(guardrailResults({ ...check, params: [] }, snapshot(['111122223333']), loose)).toEqual([]);
  });
});
