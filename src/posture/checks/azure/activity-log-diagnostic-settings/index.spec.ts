import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { az, EMPTY, SUB, snap } from '../_shared/fixtures.test-helpers.js';
import { check } from './index.js';

const WS = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law';
const sub = (supplementary: Record<string, unknown>) =>
  az('microsoft.resources/subscriptions', 'Prod', {}, { id: `/subscriptions/${SUB}`, supplementary });
const logs = (...categories: string[]) => categories.map((category) => ({ category, enabled: true }));
const run = (supplementary: Record<string, unknown>, gaps = []) =>
  check.evaluate(snap([sub(supplementary)], gaps), DEFAULT_PARAMS)[0];

describe(check.id, () => {
  it('passes when the four categories (or allLogs) reach a workspace', () => {
    expect(
      run({
        diagnosticSettings: [
          {
            name: 'a',
            properties: {
              workspaceId: WS,
              logs: logs('Administrative', 'Security', 'Policy', 'Alert', 'Autoscale'),
            },
          },
        ],
      })?.status,
    ).toBe('pass');
    expect(
      run({
        diagnosticSettings: [
          { name: 'a', properties: { workspaceId: WS, logs: [{ categoryGroup: 'allLogs', enabled: true }] } },
        ],
      })?.status,
    ).toBe('pass');
  });
  it('fails without a setting or with a category missing', () => {
    expect(run({ diagnosticSettings: [] })?.status).toBe('fail');
    expect(
      run({
        diagnosticSettings: [
          { name: 'a', properties: { workspaceId: WS, logs: logs('Administrative', 'Security') } },
        ],
      })?.message,
    ).toMatch(/Policy, Alert/);
  });
  it('is an error with the gap when not read', () => {
    const gap = {
      provider: 'azure' as const,
      account: SUB,
      region: 'global',
      service: 'Microsoft.Insights',
      reason: 'GET diagnosticSettings Prod: AuthorizationFailed',
    };
    expect(run({}, [gap] as never)).toMatchObject({
      status: 'error',
      message: expect.stringContaining('AuthorizationFailed'),
    });
  });
  it('empty → nothing', () => expect(check.evaluate(EMPTY, DEFAULT_PARAMS)).toEqual([]));
});
