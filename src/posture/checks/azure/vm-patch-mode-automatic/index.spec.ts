import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (osProfile: Record<string, unknown>, tags: Record<string, string> = PHI) =>
  check.evaluate(
    snap([az('microsoft.compute/virtualmachines', 'vm1', { osProfile }, { tags })]),
    DEFAULT_PARAMS,
  );
const linux = (patchMode?: string) => ({
  linuxConfiguration: { provisionVMAgent: true, ...(patchMode ? { patchSettings: { patchMode } } : {}) },
});
const windows = (patchMode?: string, enableAutomaticUpdates = true) => ({
  windowsConfiguration: { enableAutomaticUpdates, ...(patchMode ? { patchSettings: { patchMode } } : {}) },
});

describe(check.id, () => {
  it('passes with AutomaticByPlatform / AutomaticByOS', () => {
    expect(run(linux('AutomaticByPlatform'))[0]?.status).toBe('pass');
    expect(run(windows('AutomaticByOS'))[0]?.status).toBe('pass');
  });
  it('fails with Manual on PHI VMs', () => {
    expect(run(windows('Manual', false))[0]).toMatchObject({
      status: 'fail',
      evidence: { patchMode: 'Manual' },
    });
    expect(run(windows(undefined, false))[0]?.status).toBe('fail');
  });
  it('is manual for Linux ImageDefault', () => expect(run(linux())[0]?.status).toBe('manual'));
  it('ignores non-PHI VMs and empty snapshots', () => {
    expect(run(windows('Manual'), {})).toEqual([]);
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
