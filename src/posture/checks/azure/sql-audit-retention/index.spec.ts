import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const run = (auditingSettings: Record<string, unknown> | undefined, tags: Record<string, string> = PHI) =>
  check.evaluate(
    snap([
      az(
        'microsoft.sql/servers',
        'sql-ehr',
        {},
        { tags, supplementary: auditingSettings ? { auditingSettings } : {} },
      ),
    ]),
    DEFAULT_PARAMS,
  );
const storage = { state: 'Enabled', storageEndpoint: 'https://audit.blob.core.windows.net/' };

describe(check.id, () => {
  it('passes with unlimited (0) or ≥ 6 years of retention', () => {
    expect(run({ ...storage, retentionDays: 0 })[0]?.status).toBe('pass');
    expect(run({ ...storage, retentionDays: 2190 })[0]?.status).toBe('pass');
  });
  it('fails below 6 years on PHI servers, naming the founding documents', () => {
    const [r] = run({ ...storage, retentionDays: 90 });
    expect(r?.status).toBe('fail');
    expect(r?.message).toMatch(/founding documents/);
    expect(r?.evidence).toMatchObject({ 'auditingSettings.retentionDays': 90, requiredDays: 2190 });
  });
  it('fails when auditing is disabled', () =>
    expect(run({ state: 'Disabled', retentionDays: 0 })[0]?.status).toBe('fail'));
  it('is manual for an Azure Monitor target and an error when not read', () => {
    expect(run({ state: 'Enabled', isAzureMonitorTargetEnabled: true, retentionDays: 0 })[0]?.status).toBe(
      'manual',
    );
    expect(run(undefined)[0]?.status).toBe('error');
  });
  it('ignores non-PHI servers and empty snapshots', () => {
    expect(run({ ...storage, retentionDays: 7 }, {})).toEqual([]);
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
