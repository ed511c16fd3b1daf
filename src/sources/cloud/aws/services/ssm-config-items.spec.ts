import type { InstancePatchState } from '@aws-sdk/client-ssm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applicationContent,
  applicationEntries,
  nonCompliantCount,
  patchCompliance,
  patchStateName,
} from './ssm-config-items.js';

describe('AWS:Application content', () => {
  it('keys entries by name and lists same-name entries, as Config delivers them', () => {
    const x86 = { Name: 'glibc', Version: '2.34', Architecture: 'x86_64' };
    const i686 = { Name: 'glibc', Version: '2.34', Architecture: 'i686' };
    const bash = { Name: 'bash', Version: '5.2' };
    expect(applicationContent([x86, bash, i686])).toEqual({ glibc: [x86, i686], bash });
  });

  it('gives back every entry it was built from (property)', () => {
    const entry = fc.record({
      Name: fc.constantFrom('a', 'b', 'c', 'openssl'),
      Version: fc.string({ maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        const back = applicationEntries(applicationContent(entries));
        const key = (e: Record<string, string>) => JSON.stringify(e);
        expect(back.map(key).sort()).toEqual(entries.map(key).sort());
        // Entries of one name keep their relative order.
        for (const name of ['a', 'b', 'c', 'openssl']) {
          expect(back.filter((e) => e.Name === name)).toEqual(entries.filter((e) => e.Name === name));
        }
      }),
    );
  });

  it('reads nothing from content that is not a map', () => {
    expect(applicationEntries(undefined)).toEqual([]);
    expect(applicationEntries('x')).toEqual([]);
  });
});

// The members InstancePatchState requires; the time is not what these tests look at.
const state = (over: Partial<InstancePatchState>): InstancePatchState => ({
  InstanceId: 'i-1',
  PatchGroup: '',
  BaselineId: 'pb-1',
  Operation: 'Scan',
  OperationStartTime: new Date(0),
  OperationEndTime: new Date('2024-05-01T10:01:00Z'),
  ...over,
});

describe('patchCompliance', () => {
  it('is COMPLIANT with only its summary when nothing is missing, failed or pending', () => {
    const s = state({ InstalledCount: 3, MissingCount: 0, FailedCount: 0 });
    expect(nonCompliantCount(s)).toBe(0);
    expect(patchCompliance(s, [])).toEqual({
      'AWS:ComplianceItem': {
        SchemaVersion: '1.0',
        ComplianceType: 'Patch',
        Content: {
          Patch: {
            ComplianceSummary: {
              ComplianceType: 'Patch',
              PatchBaselineId: 'pb-1',
              PatchGroup: '',
              Status: 'COMPLIANT',
              ExecutionTime: '2024-05-01T10:01:00.000Z',
            },
          },
        },
      },
    });
  });

  it('counts a patch installed but awaiting reboot as non-compliant and keeps its install time', () => {
    const s = state({ InstalledPendingRebootCount: 1 });
    const installed = new Date('2024-05-01T00:00:00Z');
    const item = patchCompliance(s, [
      {
        KBId: 'KB5034441',
        Title: 'Windows Recovery Environment update',
        Classification: 'SecurityUpdates',
        Severity: 'Important',
        State: 'INSTALLED_PENDING_REBOOT',
        InstalledTime: installed,
      },
    ]) as { 'AWS:ComplianceItem': { Content: { Patch: Record<string, unknown> } } };
    expect(item['AWS:ComplianceItem'].Content.Patch).toMatchObject({
      ComplianceSummary: { Status: 'NON_COMPLIANT' },
      KB5034441: {
        Id: 'KB5034441',
        Status: 'NON_COMPLIANT',
        PatchState: 'InstalledPendingReboot',
        InstalledTime: '2024-05-01T00:00:00.000Z',
      },
    });
  });
});

describe('patchStateName', () => {
  it.each([
    ['INSTALLED_PENDING_REBOOT', 'InstalledPendingReboot'],
    ['MISSING', 'Missing'],
    ['NOT_APPLICABLE', 'NotApplicable'],
    ['InstalledOther', 'InstalledOther'],
  ])('%s → %s', (api, config) => {
    expect(patchStateName(api)).toBe(config);
  });
});
