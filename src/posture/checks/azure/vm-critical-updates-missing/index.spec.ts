import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const vm = (supplementary: Record<string, unknown>) =>
  az('microsoft.compute/virtualmachines', 'vm1', {}, { supplementary });
const run = (s: Record<string, unknown>) => check.evaluate(snap([vm(s)]), DEFAULT_PARAMS)[0];

describe(check.id, () => {
  it('passes with no critical or security updates missing', () => {
    expect(
      run({
        patchAssessment: { availablePatchCountByClassification: { critical: 0, security: 0, other: 4 } },
      })?.status,
    ).toBe('pass');
  });
  it('fails with critical or security updates missing, listing them', () => {
    const r = run({
      patchAssessment: { availablePatchCountByClassification: { critical: 2, security: 3, other: 4 } },
      missingPatches: [
        { patchName: 'openssl', version: '3.0.2-0ubuntu1.18', classifications: ['Critical'] },
        { patchName: 'vim', version: '2:8.2', classifications: ['Other'] },
        { patchName: 'KB5039217', kbId: '5039217', classifications: ['Security Updates'] },
      ],
    });
    expect(r).toMatchObject({ status: 'fail', evidence: { critical: 2, security: 3 } });
    expect(((r?.evidence.missing ?? []) as { name: string }[]).map((p) => p.name)).toEqual([
      'openssl',
      'KB5039217',
    ]);
  });
  it('is an error without an assessment', () => expect(run({})?.status).toBe('error'));
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
