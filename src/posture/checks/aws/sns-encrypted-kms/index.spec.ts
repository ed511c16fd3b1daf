import { describe, expect, it } from 'vitest';
import { ACCOUNT, gap, P, res, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const topic = (name: string, config: Record<string, unknown>) =>
  res('AWS::SNS::Topic', `arn:aws:sns:us-east-1:${ACCOUNT}:${name}`, {
    name,
    configuration: { topicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:${name}`, ...config },
  });

describe('sns-encrypted-kms', () => {
  it('passes topics with a KMS key, the AWS managed alias included', () => {
    const out = check.evaluate(
      snap([
        topic('a', { owner: ACCOUNT, kmsMasterKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k` }),
        topic('b', { owner: ACCOUNT, kmsMasterKeyId: 'alias/aws/sns' }),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['pass', 'pass']);
  });
  it('fails a topic without a key', () => {
    expect(check.evaluate(snap([topic('a', { owner: ACCOUNT })]), P)).toMatchObject([
      { status: 'fail', evidence: { kmsMasterKeyId: null } },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the attributes were not read', () => {
    const out = check.evaluate(
      snap([topic('a', {})], [gap('sns', 'GetTopicAttributes: AuthorizationErrorException')]),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('AuthorizationErrorException');
  });
});
