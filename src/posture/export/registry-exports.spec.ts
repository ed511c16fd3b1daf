/**
 * The official-schema checks run over the metadata of every registered check, not just the two
 * fixture checks: a title, remediation text or reference URL that breaks an export shows here.
 */
import { describe, expect, it } from 'vitest';
import type { CheckResult, CheckStatus, PostureCheck } from '../check.js';
import { findingId, STATUSES } from '../check.js';
import { POSTURE_CHECKS } from '../registry.js';
import type { ExportInput } from './input.js';
import { toOcsf } from './ocsf.js';
import { validateOcsfEvent } from './ocsf-validate.test-helpers.js';
import { toSarif } from './sarif.js';
import { sarifSchemaErrors } from './sarif-validate.test-helpers.js';

function inputFor(provider: 'aws' | 'azure'): ExportInput {
  const checks = POSTURE_CHECKS.filter((c) => c.provider === provider);
  const account = provider === 'aws' ? '111122223333' : '00000000-0000-0000-0000-000000000001';
  const results = checks.flatMap((check, i) =>
    STATUSES.map((status) => synthetic(check, status, account, i)),
  );
  return {
    snapshot: {
      id: `snap-${provider}`,
      provider,
      collectedAt: '2026-01-02T03:04:05.000Z',
      accounts: [account],
    },
    results,
    checks,
    generatedAt: new Date('2026-01-02T04:00:00.000Z'),
    productUri: 'https://patchwarden.example/docs',
  };
}

function synthetic(check: PostureCheck, status: CheckStatus, account: string, i: number): CheckResult {
  const id =
    check.provider === 'aws'
      ? `arn:aws:s3:::synthetic-${i}`
      : `/subscriptions/${account}/resourceGroups/rg/providers/x/y-${i}`;
  const where = { account, region: check.provider === 'aws' ? 'us-east-1' : 'eastus', id };
  return {
    findingId: findingId(check.id, where),
    checkId: check.id,
    status,
    account,
    region: where.region,
    resourceId: id,
    resourceType: check.resourceType,
    message: `${status}: synthetic result for ${check.id}`,
    evidence: { synthetic: true },
  };
}

describe.each(['aws', 'azure'] as const)('exports of every registered %s check', (provider) => {
  const input = inputFor(provider);

  it('has checks to export', () => {
    expect(input.checks.length).toBeGreaterThan(0);
  });

  it('are valid OCSF 1.3.0 Compliance Findings', () => {
    const issues = (JSON.parse(toOcsf(input)) as unknown[]).flatMap((event, i) =>
      validateOcsfEvent(event).map((issue) => ({ event: i, ...issue })),
    );
    expect(issues).toEqual([]);
  });

  it('are a valid SARIF 2.1.0 log', () => {
    expect(sarifSchemaErrors(JSON.parse(toSarif(input)))).toEqual([]);
  });
});
