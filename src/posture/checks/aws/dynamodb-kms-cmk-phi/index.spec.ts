import { describe, expect, it } from 'vitest';
import { AWS_KEY, CMK, gap, kmsKey, P, snap, table } from '../_stores/fixtures.test-helpers.js';
import { check } from './index.js';

const PHI = { PHI: 'true' };
const kms = (key: string) => ({
  configuration: { sSEDescription: { status: 'ENABLED', sSEType: 'KMS', kMSMasterKeyArn: key } },
});

describe('dynamodb-kms-cmk-phi', () => {
  it('passes a PHI table with a customer-managed key, or a key of another account; skips non-PHI tables', () => {
    const other = 'arn:aws:kms:us-east-1:444455556666:key/abcd';
    const out = check.evaluate(
      snap([
        table('a', { tags: PHI, ...kms(CMK) }),
        table('b', { tags: PHI, ...kms(other) }),
        table('c'),
        kmsKey(CMK, 'CUSTOMER'),
      ]),
      P,
    );
    expect(out).toMatchObject([
      { status: 'pass', evidence: { keyManager: 'CUSTOMER', kmsMasterKeyArn: CMK } },
      { status: 'pass', evidence: { kmsMasterKeyArn: other } },
    ]);
  });
  it('fails a PHI table with the AWS owned key or the AWS managed key', () => {
    const out = check.evaluate(
      snap([table('a', { tags: PHI }), table('b', { tags: PHI, ...kms(AWS_KEY) }), kmsKey(AWS_KEY, 'AWS')]),
      P,
    );
    expect(out).toMatchObject([
      {
        status: 'fail',
        message: 'The table is encrypted with the AWS owned key.',
        evidence: { sseType: null },
      },
      { status: 'fail', evidence: { keyManager: 'AWS' } },
    ]);
  });
  it('reads the SSE members in either spelling', () => {
    const t = table('a', {
      tags: PHI,
      configuration: { sseDescription: { status: 'ENABLED', sseType: 'KMS', kmsMasterKeyArn: CMK } },
    });
    expect(check.evaluate(snap([t, kmsKey(CMK, 'CUSTOMER')]), P)).toMatchObject([{ status: 'pass' }]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the key, the table description or the tags could not be read', () => {
    const undescribed = table('b', { tags: PHI });
    undescribed.configuration = { tableName: 'b' };
    const out = check.evaluate(
      snap(
        [table('a', { tags: PHI, ...kms(CMK) }), undescribed, table('c')],
        [
          gap('kms', 'ListKeys: AccessDeniedException'),
          gap('dynamodb', 'DescribeTable: AccessDeniedException'),
          gap('dynamodb', 'ListTagsOfResource: AccessDeniedException'),
        ],
      ),
      P,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      ['error', `Key manager unknown: KMS key ${CMK} could not be read (ListKeys: AccessDeniedException).`],
      ['error', 'table description could not be read (DescribeTable: AccessDeniedException)'],
      [
        'error',
        'PHI classification unknown: tags could not be read (ListTagsOfResource: AccessDeniedException).',
      ],
    ]);
  });
});
