/** Wire-level tests of the Secrets Manager collector (JSON 1.1, `NextToken` pagination). */
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAws, jsonError, startFakeAws } from '../fake-aws.test-helpers.js';
import { KEY_PHI } from './fake-data-account.test-helpers.js';
import {
  ACCOUNT,
  fakeContext,
  SECRET_API,
  SECRET_BILLING,
  SECRET_DB,
  servicesAccount,
} from './fake-services-account.test-helpers.js';
import { secretsmanagerCollector } from './secretsmanager.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('secretsmanagerCollector', () => {
  it('collects secret metadata over pages, never their values', async () => {
    fake = await startFakeAws(servicesAccount());
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await secretsmanagerCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => [r.type, r.id, r.name])).toEqual([
      ['AWS::SecretsManager::Secret', SECRET_DB, 'prod/ehr/db-password'],
      ['AWS::SecretsManager::Secret', SECRET_API, 'prod/ehr/api-key'],
      ['AWS::SecretsManager::Secret', SECRET_BILLING, 'prod/billing/stripe-token'],
    ]);
    const [db, api, billing] = out;
    expect(db?.tags).toEqual({ PHI: 'true' });
    expect(db?.configuration).toMatchObject({
      kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY_PHI}`,
      rotationEnabled: true,
      rotationRules: { automaticallyAfterDays: 30 },
      lastRotatedDate: '2025-02-20T03:00:00.000Z',
      lastAccessedDate: '2025-02-28T00:00:00.000Z',
      nextRotationDate: '2025-03-22T00:00:00.000Z',
      createdDate: '2024-01-15T09:00:00.000Z',
    });
    // Tags live in `tags`; version ids churn at every rotation and are dropped.
    expect(db?.configuration.tags).toBeUndefined();
    expect(db?.configuration.secretVersionsToStages).toBeUndefined();
    // AWS managed key: ListSecrets omits KmsKeyId; never rotated: no lastRotatedDate.
    expect(api?.configuration.kmsKeyId).toBeUndefined();
    expect(api?.configuration.lastRotatedDate).toBeUndefined();
    expect(billing?.configuration.rotationRules).toEqual({
      scheduleExpression: 'rate(30 days)',
      duration: '2h',
    });

    const actions = fake.calls.map((c) => c.action);
    expect(actions).toEqual(['ListSecrets', 'ListSecrets']);
    expect(fake.calls[0]?.params).toEqual({ MaxResults: 100 });
    expect(fake.calls[1]?.params).toEqual({ MaxResults: 100, NextToken: 'secrets-page-2' });
    expect(fake.calls.some((c) => /SecretValue/.test(c.action))).toBe(false);
  });

  it('records a gap and returns nothing when ListSecrets is denied', async () => {
    fake = await startFakeAws(
      servicesAccount(() =>
        jsonError('AccessDeniedException', 'not authorized to perform: secretsmanager:ListSecrets'),
      ),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    expect(await secretsmanagerCollector.collect(ctx)).toEqual([]);
    expect(gaps.map((g) => [g.service, g.reason])).toEqual([
      ['secretsmanager', 'ListSecrets: AccessDeniedException'],
    ]);
  });
});
