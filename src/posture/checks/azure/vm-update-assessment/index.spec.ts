import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, SUB, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const vm = (supplementary: Record<string, unknown>, power = 'running') =>
  az(
    'microsoft.compute/virtualmachines',
    'vm1',
    { extended: { instanceView: { powerState: { code: `PowerState/${power}` } } } },
    { tags: PHI, supplementary },
  );

describe(check.id, () => {
  it('passes when assessed successfully', () => {
    const [r] = check.evaluate(
      snap([vm({ patchAssessment: { status: 'Succeeded', lastModifiedDateTime: '2026-07-01T02:03:31Z' } })]),
      DEFAULT_PARAMS,
    );
    expect(r).toMatchObject({ status: 'pass', evidence: { 'patchAssessment.status': 'Succeeded' } });
  });
  it('fails when not assessed, or when the assessment failed', () => {
    const [r] = check.evaluate(snap([vm({})]), DEFAULT_PARAMS);
    expect(r?.status).toBe('fail');
    expect(r?.message).toMatch(/Not assessed by Update Manager/);
    expect(
      check.evaluate(snap([vm({ patchAssessment: { status: 'Failed' } })]), DEFAULT_PARAMS)[0]?.status,
    ).toBe('fail');
  });
  it('is manual for a deallocated VM and an error when Compute could not be read', () => {
    expect(check.evaluate(snap([vm({}, 'deallocated')]), DEFAULT_PARAMS)[0]?.status).toBe('manual');
    const gap = {
      provider: 'azure' as const,
      account: SUB,
      region: 'global',
      service: 'Microsoft.Compute',
      reason: 'patch-assessment: AuthorizationFailed',
    };
    expect(check.evaluate(snap([vm({})], [gap]), DEFAULT_PARAMS)[0]).toMatchObject({
      status: 'error',
      evidence: { reason: gap.reason },
    });
  });
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
