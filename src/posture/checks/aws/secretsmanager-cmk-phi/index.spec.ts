import { describe, expect, it } from 'vitest';
import { ACCOUNT, P, res, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const secret = (
  name: string,
  config: Record<string, unknown>,
  tags: Record<string, string> = { PHI: 'true' },
) =>
  res('AWS::SecretsManager::Secret', `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${name}-a1b2c3`, {
    name,
    tags,
    configuration: { name, ...config },
  });
const keyArn = (id: string) => `arn:aws:kms:us-east-1:${ACCOUNT}:key/${id}`;
const key = (id: string, manager: string, aliases: string[] = []) =>
  res('AWS::KMS::Key', keyArn(id), {
    configuration: { keyId: id, keyManager: manager },
    supplementary: { aliases },
  });

describe('secretsmanager-cmk-phi', () => {
  it('passes a PHI secret with a customer-managed key; ignores non-PHI secrets', () => {
    const out = check.evaluate(
      snap([
        key('k1', 'CUSTOMER'),
        secret('phi', { kmsKeyId: keyArn('k1') }),
        secret('other', {}, { Owner: 'billing' }),
      ]),
      P,
    );
    expect(out).toMatchObject([
      { status: 'pass', evidence: { keyManager: 'CUSTOMER', phi: 'tag:PHI=true' } },
    ]);
  });
  it('fails PHI secrets on the AWS managed key: omitted, by alias, or known AWS-managed', () => {
    const out = check.evaluate(
      snap([
        key('k2', 'AWS', ['alias/aws/secretsmanager']),
        secret('a', {}, { DataClassification: 'ePHI' }),
        secret('b', { kmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/aws/secretsmanager` }),
        secret('c', { kmsKeyId: keyArn('k2') }),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['fail', 'fail', 'fail']);
    expect(out[0]?.message).toBe('Encrypted with the AWS managed key aws/secretsmanager');
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
});
