/** Wire-level tests of the KMS collector (JSON 1.1, `Marker`/`Truncated` pagination). */
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/errors.js';
import { type FakeAws, jsonError, startFakeAws } from '../fake-aws.test-helpers.js';
import {
  ACCOUNT,
  dataAccount,
  fakeContext,
  KEY_AWS_S3,
  KEY_PHI,
  KEY_RSA,
} from './fake-data-account.test-helpers.js';
import { kmsCollector } from './kms.js';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
const arn = (id: string) => `arn:aws:kms:us-east-1:${ACCOUNT}:key/${id}`;

describe('kmsCollector', () => {
  it('collects keys over pages, with rotation only where the customer controls it', async () => {
    fake = await startFakeAws(dataAccount());
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await kmsCollector.collect(ctx);
    expect(gaps).toEqual([]);
    expect(out.map((r) => [r.type, r.id, r.name])).toEqual([
      ['AWS::KMS::Key', arn(KEY_PHI), 'alias/phi-data'],
      ['AWS::KMS::Key', arn(KEY_AWS_S3), 'alias/aws/s3'],
      ['AWS::KMS::Key', arn(KEY_RSA), KEY_RSA],
    ]);
    const [phi, awsS3, rsa] = out;
    expect(phi?.tags).toEqual({ PHI: 'true' });
    expect(phi?.configuration).toMatchObject({
      keyId: KEY_PHI,
      arn: arn(KEY_PHI),
      keyManager: 'CUSTOMER',
      keySpec: 'SYMMETRIC_DEFAULT',
      keyState: 'Enabled',
      origin: 'AWS_KMS',
      creationDate: '2017-07-13T23:22:49.234Z',
    });
    expect(phi?.supplementary).toEqual({
      aliases: ['alias/phi-data'],
      keyRotationStatus: { keyRotationEnabled: false },
    });
    expect(awsS3?.configuration.keyManager).toBe('AWS');
    expect(awsS3?.supplementary).toEqual({ aliases: ['alias/aws/s3'], keyRotationStatus: null });
    expect(rsa?.supplementary).toEqual({ aliases: [], keyRotationStatus: null });

    const sent = fake.calls.map((c) => [c.headers['x-amz-target'], c.params]);
    expect(sent.filter(([t]) => t === 'TrentService.ListKeys')).toEqual([
      ['TrentService.ListKeys', {}],
      ['TrentService.ListKeys', { Marker: 'eyJrZXkiOiJwYWdlMiJ9' }],
    ]);
    // Rotation asked only for the customer symmetric key; tags only for customer keys.
    expect(sent.filter(([t]) => t === 'TrentService.GetKeyRotationStatus')).toEqual([
      ['TrentService.GetKeyRotationStatus', { KeyId: KEY_PHI }],
    ]);
    expect(sent.filter(([t]) => t === 'TrentService.ListResourceTags').map(([, p]) => p)).toEqual([
      { KeyId: KEY_PHI },
      { KeyId: KEY_RSA },
    ]);
  });

  it('keeps a key whose DescribeKey is denied, with what ListKeys said, and records the gap', async () => {
    fake = await startFakeAws(
      dataAccount((call) =>
        call.action === 'DescribeKey' && call.params.KeyId === KEY_RSA
          ? jsonError('AccessDeniedException', 'User is not authorized to perform: kms:DescribeKey', 400)
          : undefined,
      ),
    );
    const { ctx, gaps } = fakeContext(fake, { region: 'us-east-1' });
    const out = await kmsCollector.collect(ctx);
    expect(gaps.map((g) => g.reason)).toEqual(['DescribeKey: AccessDeniedException']);
    expect(out[2]?.configuration).toEqual({ keyId: KEY_RSA, arn: arn(KEY_RSA) });
    expect(out[2]?.supplementary).toEqual({ aliases: [] });
    expect(out[0]?.supplementary.keyRotationStatus).toEqual({ keyRotationEnabled: false });
  });

  it('retries ThrottlingException and then succeeds', async () => {
    let throttled = 0;
    fake = await startFakeAws(
      dataAccount((call) => {
        if (call.action !== 'ListKeys' || throttled > 0) return undefined;
        throttled += 1;
        return jsonError('ThrottlingException', 'Rate exceeded', 400);
      }),
    );
    const { ctx } = fakeContext(fake, { region: 'us-east-1', maxAttempts: 3 });
    expect(await kmsCollector.collect(ctx)).toHaveLength(3);
    expect(throttled).toBe(1);
  });

  it('stops with CLOUD_CREDENTIALS on an expired token', async () => {
    fake = await startFakeAws(
      dataAccount(() =>
        jsonError('ExpiredTokenException', 'The security token included in the request is expired'),
      ),
    );
    const { ctx } = fakeContext(fake, { region: 'us-east-1' });
    const err = await kmsCollector.collect(ctx).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('CLOUD_CREDENTIALS');
  });
});
