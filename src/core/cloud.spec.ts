import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awsConfigShape, camelKey, tagRecord } from './cloud.js';

describe('awsConfigShape', () => {
  it('lowers member names as AWS Config does, dates to ISO, drops $metadata and undefined', () => {
    expect(
      awsConfigShape({
        DBInstanceIdentifier: 'db1',
        InstanceCreateTime: new Date('2024-01-02T03:04:05Z'),
        Tags: [{ Key: 'PHI', Value: 'true' }],
        Missing: undefined,
        $metadata: { httpStatusCode: 200 },
      }),
    ).toEqual({
      dBInstanceIdentifier: 'db1',
      instanceCreateTime: '2024-01-02T03:04:05.000Z',
      tags: [{ key: 'PHI', value: 'true' }],
    });
  });

  it('keeps the keys of data-keyed maps (ECR severity counts), but not of their neighbours', () => {
    expect(
      awsConfigShape({
        imageScanFindingsSummary: {
          findingSeverityCounts: { CRITICAL: 2, HIGH: 1 },
          VulnerabilitySourceUpdatedAt: 'x',
        },
      }),
    ).toEqual({
      imageScanFindingsSummary: {
        findingSeverityCounts: { CRITICAL: 2, HIGH: 1 },
        vulnerabilitySourceUpdatedAt: 'x',
      },
    });
  });

  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/), fc.oneof(fc.integer(), fc.string())),
        (o) => {
          const once = awsConfigShape(o);
          expect(awsConfigShape(once)).toEqual(once);
        },
      ),
    );
    expect(camelKey('VpcId')).toBe('vpcId');
    expect(tagRecord([{ Key: 'a', Value: 'b' }])).toEqual({ a: 'b' });
  });
});
