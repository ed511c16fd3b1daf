import { describe, expect, it } from 'vitest';
import { fieldAccepts, recordsBedrock, recordsS3Objects, selectorsOf } from './trail-selectors.js';

const advanced = (...fieldSelectors: unknown[]) => ({ classic: [], advanced: [{ fieldSelectors }] });
const f = (field: string, ops: Record<string, string[]>) => ({ field, ...ops });
const DATA = f('eventCategory', { equals: ['Data'] });
const OBJECTS = f('resources.type', { equals: ['AWS::S3::Object'] });

describe('fieldAccepts', () => {
  it('applies every operator present, positive ones as "any", negative ones as "none"', () => {
    expect(fieldAccepts({ equals: ['a', 'b'] }, 'b')).toBe(true);
    expect(
      fieldAccepts(
        { startsWith: ['arn:aws:s3:::'], notStartsWith: ['arn:aws:s3:::logs/'] },
        'arn:aws:s3:::phi/x',
      ),
    ).toBe(true);
    expect(
      fieldAccepts(
        { startsWith: ['arn:aws:s3:::'], notStartsWith: ['arn:aws:s3:::logs/'] },
        'arn:aws:s3:::logs/x',
      ),
    ).toBe(false);
    expect(fieldAccepts({ notEquals: ['true'] }, 'false')).toBe(true);
    expect(fieldAccepts({ endsWith: ['.json'] }, 'x.csv')).toBe(false);
    expect(fieldAccepts({}, 'anything')).toBe(true);
  });
});

describe('recordsS3Objects', () => {
  it('reads classic selectors by ReadWriteType and all-bucket values', () => {
    const classic = (readWriteType: string, values: string[]) => ({
      classic: [{ readWriteType, dataResources: [{ type: 'AWS::S3::Object', values }] }],
      advanced: [],
    });
    expect(recordsS3Objects(classic('All', ['arn:aws:s3']), 'read', 'aws')).toBe(true);
    expect(recordsS3Objects(classic('WriteOnly', ['arn:aws:s3:::']), 'read', 'aws')).toBe(false);
    expect(recordsS3Objects(classic('WriteOnly', ['arn:aws:s3:::']), 'write', 'aws')).toBe(true);
    expect(recordsS3Objects(classic('All', ['arn:aws:s3:::phi/']), 'write', 'aws')).toBe(false);
    expect(recordsS3Objects(classic('All', ['arn:aws-us-gov:s3']), 'write', 'aws-us-gov')).toBe(true);
  });
  it('reads advanced selectors: readOnly direction, ARN narrowing, other fields', () => {
    expect(recordsS3Objects(advanced(DATA, OBJECTS), 'read', 'aws')).toBe(true);
    expect(
      recordsS3Objects(advanced(DATA, OBJECTS, f('readOnly', { equals: ['true'] })), 'write', 'aws'),
    ).toBe(false);
    expect(
      recordsS3Objects(
        advanced(DATA, OBJECTS, f('resources.ARN', { startsWith: ['arn:aws:s3:::phi/'] })),
        'read',
        'aws',
      ),
    ).toBe(false);
    expect(
      recordsS3Objects(
        advanced(DATA, OBJECTS, f('resources.ARN', { startsWith: ['arn:aws:s3:::'] })),
        'read',
        'aws',
      ),
    ).toBe(true);
    expect(
      recordsS3Objects(advanced(DATA, OBJECTS, f('eventName', { notEquals: ['GetObject'] })), 'read', 'aws'),
    ).toBe(false);
    expect(recordsS3Objects(advanced(OBJECTS), 'read', 'aws')).toBe(false);
    expect(
      recordsS3Objects(
        advanced(DATA, f('resources.type', { equals: ['AWS::DynamoDB::Table'] })),
        'read',
        'aws',
      ),
    ).toBe(false);
  });
});

describe('recordsBedrock', () => {
  it('accepts write management events or Bedrock data events', () => {
    expect(recordsBedrock({ classic: [{ readWriteType: 'WriteOnly' }], advanced: [] })).toBe(true);
    expect(
      recordsBedrock(
        advanced(f('eventCategory', { equals: ['Management'] }), f('readOnly', { equals: ['true'] })),
      ),
    ).toBe(false);
    expect(
      recordsBedrock(
        advanced(
          f('eventCategory', { equals: ['Management'] }),
          f('eventSource', { notEquals: ['kms.amazonaws.com'] }),
        ),
      ),
    ).toBe(true);
    expect(
      recordsBedrock(advanced(DATA, f('resources.type', { equals: ['AWS::Bedrock::KnowledgeBase'] }))),
    ).toBe(true);
    expect(recordsBedrock(advanced(DATA, OBJECTS))).toBe(false);
  });
});

describe('selectorsOf', () => {
  it('is undefined when GetEventSelectors was not read', () => {
    expect(selectorsOf({})).toBeUndefined();
    expect(selectorsOf({ eventSelectors: { eventSelectors: [], advancedEventSelectors: [] } })).toEqual({
      classic: [],
      advanced: [],
    });
  });
});
