import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const managed = { managedDisk: { id: '/disk' } };
const vhd = { vhd: { uri: 'https://sa.blob.core.windows.net/vhds/d.vhd' } };
const run = (osDisk: Record<string, unknown>, dataDisks: Record<string, unknown>[] = []) =>
  check.evaluate(
    snap([az('microsoft.compute/virtualmachines', 'vm', { storageProfile: { osDisk, dataDisks } })]),
    DEFAULT_PARAMS,
  )[0];

describe(check.id, () => {
  it('passes when every disk is managed', () =>
    expect(run(managed, [{ name: 'd1', ...managed }])?.status).toBe('pass'));
  it('fails on an unmanaged OS or data disk', () => {
    expect(run(vhd)?.message).toMatch(/osDisk/);
    expect(run(managed, [{ name: 'data1', ...vhd }])?.message).toMatch(/data1/);
  });
  it('is manual when a disk shows neither', () => expect(run({})?.status).toBe('manual'));
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
