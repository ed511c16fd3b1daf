import { describe, expect, it } from 'vitest';
import { bucket, gap, P, snap, trail } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const ALL_S3 = { type: 'AWS::S3::Object', values: ['arn:aws:s3'] };
const withSelectors = (
  t: ReturnType<typeof trail>,
  eventSelectors: unknown[],
  advancedEventSelectors: unknown[] = [],
) => ({
  ...t,
  supplementary: { ...t.supplementary, eventSelectors: { eventSelectors, advancedEventSelectors } },
});
const classic = (readWriteType: string, dataResources: unknown[] = [ALL_S3]) => ({
  readWriteType,
  includeManagementEvents: true,
  dataResources,
});
const advanced = (...fieldSelectors: unknown[]) => ({ name: 's3', fieldSelectors });
const CATEGORY = { field: 'eventCategory', equals: ['Data'] };
const OBJECTS = { field: 'resources.type', equals: ['AWS::S3::Object'] };

describe('cloudtrail-s3-data-events', () => {
  it('passes a multi-region logging trail recording all S3 object events', () => {
    const out = check.evaluate(snap([withSelectors(trail('t'), [classic('All')])]), P);
    expect(out).toMatchObject([{ status: 'pass', resourceId: '111122223333' }]);
  });

  it('passes read and write split over two trails, and advanced selectors excluding the log bucket', () => {
    const reads = withSelectors(trail('r'), [classic('ReadOnly')]);
    const writes = withSelectors(
      trail('w'),
      [],
      [
        advanced(
          CATEGORY,
          OBJECTS,
          { field: 'readOnly', equals: ['false'] },
          {
            field: 'resources.ARN',
            notStartsWith: ['arn:aws:s3:::trail-logs/'],
          },
        ),
      ],
    );
    expect(check.evaluate(snap([reads, writes]), P)).toMatchObject([{ status: 'pass' }]);
  });

  it('fails when only reads, or only one bucket, or a stopped trail records data events', () => {
    const cases = [
      withSelectors(trail('a'), [classic('ReadOnly')]),
      withSelectors(trail('b'), [
        classic('All', [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::phi/'] }]),
      ]),
      withSelectors(trail('c', { isLogging: false }), [classic('All')]),
      withSelectors(
        trail('d'),
        [],
        [advanced(CATEGORY, OBJECTS, { field: 'eventName', equals: ['GetObject'] })],
      ),
    ];
    for (const t of cases) {
      const out = check.evaluate(snap([t]), P);
      expect(
        out.map((r) => r.status),
        t.name,
      ).toEqual(['fail']);
    }
    expect(check.evaluate(snap([cases[0]!]), P)[0]?.message).toContain('write: no trail');
  });

  it('needs a covering trail in every bucket region when no trail is multi-region', () => {
    const single = withSelectors(trail('t', { isMultiRegionTrail: false }), [classic('All')]);
    const far = { ...bucket('phi-eu'), region: 'eu-west-1' };
    const out = check.evaluate(snap([single, bucket('phi-us'), far]), P);
    expect(out).toMatchObject([{ status: 'fail' }]);
    expect(out[0]?.message).toContain('not in eu-west-1');
    expect(check.evaluate(snap([single, bucket('phi-us')]), P)).toMatchObject([{ status: 'pass' }]);
  });

  it('cannot rely on single-region trails when the buckets could not be listed', () => {
    const single = withSelectors(trail('t', { isMultiRegionTrail: false }), [classic('All')]);
    const out = check.evaluate(snap([single], [gap('s3', 'ListBuckets: AccessDenied', 'global')]), P);
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('ListBuckets: AccessDenied');
  });

  it('is manual when only another account’s organisation trail records data events', () => {
    const org = {
      ...withSelectors(trail('org', { isOrganizationTrail: true }), [classic('All')]),
      account: '999988887777',
    };
    const s = { ...snap([org, bucket('b')]), accounts: ['111122223333', '999988887777'] };
    expect(check.evaluate(s, P).map((r) => [r.account, r.status])).toEqual([
      ['111122223333', 'manual'],
      ['999988887777', 'pass'],
    ]);
  });

  it('has no results on an empty snapshot', () => {
    expect(check.evaluate({ ...snap([]), accounts: [] }, P)).toEqual([]);
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });

  it('reports error when event selectors could not be read', () => {
    const out = check.evaluate(snap([trail('t')], [gap('cloudtrail', 'GetEventSelectors: AccessDenied')]), P);
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('GetEventSelectors: AccessDenied');
  });
});
