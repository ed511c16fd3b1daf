import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (tags: Record<string, string>) =>
  check.evaluate(snap([az('microsoft.compute/virtualmachines', 'pacs-gw-01', {}, { tags })]), DEFAULT_PARAMS);

describe(check.id, () => {
  it('passes for PHI in prod', () =>
    expect(run({ PHI: 'true', Environment: 'prod' })[0]?.status).toBe('pass'));
  it('fails for PHI with dev or test (aliases too)', () => {
    expect(run({ PHI: 'true', Environment: 'dev' })[0]).toMatchObject({
      status: 'fail',
      evidence: { environment: 'dev' },
    });
    expect(run({ phi: 'yes', env: 'UAT' })[0]?.status).toBe('fail');
  });
  it('ignores non-PHI resources and empty snapshots', () => {
    expect(run({ Environment: 'dev' })).toEqual([]);
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
