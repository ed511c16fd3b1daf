import { describe, expect, it } from 'vitest';
import { bucket, gap, P, snap, trail } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const selecting = (
  name: string,
  eventSelectors: unknown[],
  advancedEventSelectors: unknown[] = [],
  config = {},
) => {
  const t = trail(name, config);
  return {
    ...t,
    supplementary: { ...t.supplementary, eventSelectors: { eventSelectors, advancedEventSelectors } },
  };
};
const mgmt = (field: string, values: Record<string, unknown>) => ({ field, ...values });

describe('cloudtrail-bedrock-logging', () => {
  it('passes write management events, classic or advanced, and Bedrock data events', () => {
    for (const t of [
      selecting('classic', [{ readWriteType: 'All', includeManagementEvents: true, dataResources: [] }]),
      selecting('adv', [], [{ fieldSelectors: [mgmt('eventCategory', { equals: ['Management'] })] }]),
      selecting(
        'data',
        [],
        [
          {
            fieldSelectors: [
              mgmt('eventCategory', { equals: ['Data'] }),
              mgmt('resources.type', { equals: ['AWS::Bedrock::Model'] }),
            ],
          },
        ],
      ),
    ]) {
      expect(
        check.evaluate(snap([t]), P).map((r) => r.status),
        t.name,
      ).toEqual(['pass']);
    }
  });
  it('fails read-only or Bedrock-excluding selectors and stopped trails', () => {
    for (const t of [
      selecting('ro', [{ readWriteType: 'ReadOnly', includeManagementEvents: true }]),
      selecting('nomgmt', [{ readWriteType: 'All', includeManagementEvents: false }]),
      selecting(
        'excl',
        [],
        [
          {
            fieldSelectors: [
              mgmt('eventCategory', { equals: ['Management'] }),
              mgmt('eventSource', { equals: ['s3.amazonaws.com'] }),
            ],
          },
        ],
      ),
      selecting('stopped', [{ readWriteType: 'All', includeManagementEvents: true }], [], {
        isLogging: false,
      }),
    ]) {
      expect(
        check.evaluate(snap([t]), P).map((r) => r.status),
        t.name,
      ).toEqual(['fail']);
    }
  });
  it('fails an account with resources but no trail, and says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([bucket('b')]), P)).toMatchObject([{ status: 'fail' }]);
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when trails could not be read', () => {
    const out = check.evaluate(snap([bucket('b')], [gap('cloudtrail', 'DescribeTrails: AccessDenied')]), P);
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('DescribeTrails: AccessDenied');
  });
});
