/** Wire-level tests of the ACM collector (JSON 1.1, `NextToken` pagination). */
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAws, jsonError, startFakeAws } from '../fake-aws.test-helpers.js';
import { acmCollector } from './acm.js';
import { ALB_ARN } from './fake-data-account.test-helpers.js';
import { CERT_EHR, CERT_LEGACY, fakeContext, servicesAccount } from './fake-services-account.test-helpers.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('acmCollector', () => {
  it('lists certificates of every key type and origin, described and tagged', async () => {
    fake = await startFakeAws(servicesAccount());
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await acmCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => [r.type, r.id, r.name])).toEqual([
      ['AWS::ACM::Certificate', CERT_EHR, 'ehr.example.com'],
      ['AWS::ACM::Certificate', CERT_LEGACY, 'legacy.example.com'],
    ]);
    const [ehr, legacy] = out;
    expect(ehr?.tags).toEqual({ PHI: 'true' });
    expect(ehr?.configuration).toMatchObject({
      certificateArn: CERT_EHR,
      type: 'AMAZON_ISSUED',
      keyAlgorithm: 'RSA_2048',
      notAfter: '2026-01-15T23:59:59.000Z',
      inUseBy: [ALB_ARN],
      renewalEligibility: 'ELIGIBLE',
      status: 'ISSUED',
    });
    expect(legacy?.configuration).toMatchObject({
      type: 'IMPORTED',
      keyAlgorithm: 'EC_prime256v1',
      notAfter: '2025-03-10T12:00:00.000Z',
      inUseBy: [],
    });

    const lists = fake.calls.filter((c) => c.action === 'ListCertificates');
    expect(lists).toHaveLength(2);
    // Without Includes.keyTypes ACM lists RSA_1024/RSA_2048 only (ACM API Reference, Filters).
    expect(lists[0]?.params.Includes).toEqual({
      keyTypes: expect.arrayContaining([
        'RSA_2048',
        'RSA_4096',
        'EC_prime256v1',
        'EC_secp384r1',
        'EC_secp521r1',
      ]),
    });
    expect(lists[0]?.params.CertificateKeyPairOrigins).toEqual(
      expect.arrayContaining(['AWS_MANAGED', 'CUSTOMER_PROVIDED']),
    );
    expect(lists[1]?.params.NextToken).toBe('acm-page-2');
  });

  it('keeps the summary when DescribeCertificate is denied, and records the gap', async () => {
    fake = await startFakeAws(
      servicesAccount((call) =>
        call.action === 'DescribeCertificate' && call.params.CertificateArn === CERT_LEGACY
          ? jsonError('AccessDeniedException', 'not authorized to perform: acm:DescribeCertificate')
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await acmCollector.collect(ctx);
    expect(gaps.map((g) => g.reason)).toEqual(['DescribeCertificate: AccessDeniedException']);
    expect(out[1]?.configuration).toMatchObject({
      notAfter: '2025-03-10T12:00:00.000Z',
      keyAlgorithm: 'EC_prime256v1',
      inUse: false,
    });
    expect(out[1]?.configuration.inUseBy).toBeUndefined();
  });
});
