import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../core/errors.js';
import { isConfigSnapshot, readConfigSnapshot } from './read-config-snapshot.js';

// The Developer Guide's 1.0 example item (EBS volume), abridged, with its spellings.
const guideItem = {
  configurationItemVersion: '1.0',
  resourceId: 'vol-ce676ccc',
  arn: 'arn:aws:ec2:us-west-2:123456789012:volume/vol-ce676ccc',
  accountId: '123456789012',
  configurationItemCaptureTime: '2014-03-07T23:47:08.918Z',
  configurationStateID: '3e660fdf-4e34-4f32-afeb-0ace5bf3d63a',
  configurationItemStatus: 'OK',
  availibilityZone: 'us-west-2b',
  resourceType: 'AWS::EC2::Volume',
  tags: {},
  relationships: [
    { resourceId: 'i-344c463d', resourceType: 'AWS::EC2::Instance', name: 'Attached to Instance' },
  ],
  configuration: { volumeId: 'vol-ce676ccc', size: 1, state: 'in-use', encrypted: false },
};

// A 1.3 item as deliveries spell it, with supplementary values as JSON text.
const bucketItem = {
  configurationItemVersion: '1.3',
  configurationItemCaptureTime: '2024-05-01T10:00:00.000Z',
  configurationItemStatus: 'ResourceDiscovered',
  awsAccountId: '111122223333',
  resourceType: 'AWS::S3::Bucket',
  resourceId: 'phi-imaging-exports',
  resourceName: 'phi-imaging-exports',
  ARN: 'arn:aws:s3:::phi-imaging-exports',
  awsRegion: 'us-east-1',
  tags: { PHI: 'true' },
  configuration:
    '{"name":"phi-imaging-exports","owner":{"id":"abc"},"creationDate":"2023-01-01T00:00:00.000Z"}',
  supplementaryConfiguration: {
    BucketVersioningConfiguration: '{"status":"Off"}',
    PublicAccessBlockConfiguration: {
      blockPublicAcls: false,
      ignorePublicAcls: false,
      blockPublicPolicy: false,
      restrictPublicBuckets: false,
    },
  },
};

const deleted = {
  ...bucketItem,
  resourceId: 'old',
  ARN: 'arn:aws:s3:::old',
  configurationItemStatus: 'ResourceDeleted',
};

describe('readConfigSnapshot', () => {
  it('reads both item spellings, parses JSON text and skips deleted resources', () => {
    const doc = {
      fileVersion: '1.0',
      configSnapshotId: 'x',
      configurationItems: [guideItem, bucketItem, deleted],
    };
    expect(isConfigSnapshot(doc)).toBe(true);
    const { snapshot, skipped } = readConfigSnapshot(doc, 'snap.json');
    expect(snapshot.accounts).toEqual(['111122223333', '123456789012']);
    expect(snapshot.regions).toEqual(['us-east-1', 'us-west-2']);
    expect(snapshot.collectedAt).toBe('2024-05-01T10:00:00.000Z');
    expect(snapshot.resources.map((r) => [r.type, r.id, r.account, r.region])).toEqual([
      [
        'AWS::EC2::Volume',
        'arn:aws:ec2:us-west-2:123456789012:volume/vol-ce676ccc',
        '123456789012',
        'us-west-2',
      ],
      ['AWS::S3::Bucket', 'arn:aws:s3:::phi-imaging-exports', '111122223333', 'us-east-1'],
    ]);
    const bucket = snapshot.resources[1];
    expect(bucket?.configuration).toMatchObject({ name: 'phi-imaging-exports' });
    expect(bucket?.supplementary.BucketVersioningConfiguration).toEqual({ status: 'Off' });
    expect(bucket?.tags).toEqual({ PHI: 'true' });
    expect(bucket?.source).toBe('aws-config-snapshot');
    expect(skipped).toEqual([
      { pointer: '/configurationItems/2', reason: 'AWS::S3::Bucket old: ResourceDeleted' },
    ]);
  });

  it.each([
    [
      'a missing resourceType',
      { ...bucketItem, resourceType: undefined },
      '/configurationItems/0/resourceType',
    ],
    ['a malformed account id', { ...bucketItem, awsAccountId: '1234' }, '/configurationItems/0/awsAccountId'],
    [
      'broken embedded JSON',
      { ...bucketItem, configuration: '{"name":' },
      '/configurationItems/0/configuration',
    ],
    [
      'a configuration that is a list',
      { ...bucketItem, configuration: [1] },
      '/configurationItems/0/configuration',
    ],
  ])('names the pointer of %s', (_name, bad, pointer) => {
    const err = (() => {
      try {
        readConfigSnapshot({ configurationItems: [bad] }, 'snap.json');
      } catch (e) {
        return e;
      }
    })();
    expect(isAppError(err, 'INPUT_SCHEMA')).toBe(true);
    expect(isAppError(err) && err.details).toMatchObject({ file: 'snap.json', pointer });
  });

  it('an empty snapshot is INPUT_EMPTY, a document without items is not a snapshot', () => {
    expect(() => readConfigSnapshot({ configurationItems: [] }, 'e.json')).toThrow(/no records/);
    expect(isConfigSnapshot({ Items: [] })).toBe(false);
  });

  it('keeps every live item, whatever the order and mix of spellings', () => {
    const live = fc.record({
      id: fc.stringMatching(/^[a-z0-9-]{3,20}$/),
      old: fc.boolean(),
      account: fc.stringMatching(/^\d{12}$/),
    });
    fc.assert(
      fc.property(fc.uniqueArray(live, { selector: (x) => x.id, maxLength: 20 }), (items) => {
        const docs = items.map((x) =>
          x.old
            ? {
                ...guideItem,
                resourceId: x.id,
                arn: `arn:aws:ec2:us-west-2:${x.account}:volume/${x.id}`,
                accountId: x.account,
              }
            : {
                ...bucketItem,
                resourceId: x.id,
                resourceName: x.id,
                ARN: `arn:aws:s3:::${x.id}`,
                awsAccountId: x.account,
              },
        );
        if (docs.length === 0) return;
        const { snapshot } = readConfigSnapshot({ configurationItems: docs }, 'p.json');
        expect(snapshot.resources.map((r) => r.name).sort()).toEqual(items.map((x) => x.id).sort());
        expect(new Set(snapshot.accounts)).toEqual(new Set(items.map((x) => x.account)));
      }),
    );
  });
});
