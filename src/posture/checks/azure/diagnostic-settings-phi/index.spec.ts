import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, PHI, SUB, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const WS = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law';
const SA = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/logs';
const setting = (destination: Record<string, string>, logs: Record<string, unknown>[]) => ({
  name: 'ds',
  properties: { ...destination, logs },
});
const on = (category: string, days = 0) => ({
  category,
  enabled: true,
  retentionPolicy: { enabled: days > 0, days },
});
const kv = (diagnosticSettings: unknown[] | undefined, tags: Record<string, string> = PHI) =>
  az(
    'microsoft.keyvault/vaults',
    'kv',
    {},
    { tags, supplementary: diagnosticSettings ? { diagnosticSettings } : {} },
  );
const run = (...resources: ReturnType<typeof kv>[]) => check.evaluate(snap(resources), DEFAULT_PARAMS);

describe(check.id, () => {
  it('passes when the audit category (or group) reaches a workspace or long-kept storage', () => {
    expect(run(kv([setting({ workspaceId: WS }, [on('AuditEvent')])]))[0]?.status).toBe('pass');
    expect(
      run(kv([setting({ storageAccountId: SA }, [{ categoryGroup: 'audit', enabled: true }])]))[0]?.status,
    ).toBe('pass');
    const blob = az(
      'microsoft.storage/storageaccounts',
      'sa',
      {},
      {
        tags: PHI,
        supplementary: {
          blobDiagnosticSettings: [
            setting({ workspaceId: WS }, [{ categoryGroup: 'allLogs', enabled: true }]),
          ],
        },
      },
    );
    expect(run(blob)[0]?.status).toBe('pass');
  });
  it('fails without a setting, with a category missing, or with short storage retention', () => {
    expect(run(kv([]))[0]?.message).toMatch(/No diagnostic setting/);
    const blob = az(
      'microsoft.storage/storageaccounts',
      'sa',
      {},
      {
        tags: PHI,
        supplementary: {
          blobDiagnosticSettings: [
            setting({ storageAccountId: SA }, [on('StorageWrite'), on('StorageDelete')]),
          ],
        },
      },
    );
    expect(run(blob)[0]?.message).toMatch(/StorageRead/);
    const [short] = run(kv([setting({ storageAccountId: SA }, [on('AuditEvent', 30)])]));
    expect(short).toMatchObject({ status: 'fail', message: expect.stringContaining('30 days') });
  });
  it('is manual when logs are only streamed to an Event Hub', () =>
    expect(
      run(kv([setting({ eventHubAuthorizationRuleId: '/eh/rule' }, [on('AuditEvent')])]))[0]?.status,
    ).toBe('manual'));
  it('judges SQL servers by where their audit records go', () => {
    const sql = (auditingSettings: Record<string, unknown>, masterDiagnosticSettings?: unknown[]) =>
      az(
        'microsoft.sql/servers',
        'sql',
        {},
        {
          tags: PHI,
          supplementary: {
            auditingSettings,
            ...(masterDiagnosticSettings ? { masterDiagnosticSettings } : {}),
          },
        },
      );
    expect(
      run(sql({ state: 'Enabled', storageEndpoint: 'https://a.blob.core.windows.net/' }))[0]?.status,
    ).toBe('pass');
    expect(run(sql({ state: 'Disabled' }))[0]?.status).toBe('fail');
    const monitor = { state: 'Enabled', storageEndpoint: '', isAzureMonitorTargetEnabled: true };
    expect(run(sql(monitor, [setting({ workspaceId: WS }, [on('SQLSecurityAuditEvents')])]))[0]?.status).toBe(
      'pass',
    );
    expect(run(sql(monitor, []))[0]?.status).toBe('fail');
  });
  it('is an error with the gap when settings were not read', () => {
    const gap = {
      provider: 'azure' as const,
      account: SUB,
      region: 'eastus',
      service: 'Microsoft.Insights',
      reason: 'GET diagnosticSettings kv: AuthorizationFailed',
    };
    const [r] = check.evaluate(snap([kv(undefined)], [gap]), DEFAULT_PARAMS);
    expect(r).toMatchObject({ status: 'error', message: expect.stringContaining('AuthorizationFailed') });
  });
  it('ignores resources not tagged PHI; empty → nothing', () => {
    expect(run(kv([], {}))).toEqual([]);
    expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]);
  });
});
