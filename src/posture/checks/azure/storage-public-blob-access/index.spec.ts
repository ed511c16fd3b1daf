import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const sa = (p: Record<string, unknown>, tags: Record<string, string> = {}) =>
  az('microsoft.storage/storageaccounts', 'sa', p, { tags });
const run = (...r: ReturnType<typeof sa>[]) => check.evaluate(snap(r), DEFAULT_PARAMS);

describe(check.id, () => {
  it('passes when anonymous access is disallowed', () => {
    expect(run(sa({ allowBlobPublicAccess: false }))[0]?.status).toBe('pass');
  });
  it('fails when allowed, critical on PHI accounts', () => {
    const [plain] = run(sa({ allowBlobPublicAccess: true }));
    const [phi] = run(sa({ allowBlobPublicAccess: true }, PHI));
    expect(plain?.status).toBe('fail');
    expect(plain?.evidence.effectiveSeverity).toBe('high');
    expect(phi?.evidence).toMatchObject({
      allowBlobPublicAccess: true,
      phi: true,
      effectiveSeverity: 'critical',
    });
  });
  it('is manual when the property is absent', () => {
    expect(run(sa({}))[0]?.status).toBe('manual');
  });
  it('has nothing to say about an empty snapshot', () => {
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
