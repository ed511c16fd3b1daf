import { describe, expect, it } from 'vitest';
import { matchSelection, namesResourceType, wildcardMatch } from './backup-selection.js';

const TABLE = 'arn:aws:dynamodb:us-east-1:111122223333:table/pw-patients';
const subject = (tags: Record<string, string> = {}, tagsReadable = true) => ({
  arn: TABLE,
  tags,
  tagsReadable,
});
const cond = (op: string, key: string, value: string) => ({
  [op]: [{ conditionKey: key, conditionValue: value }],
});

describe('wildcardMatch and namesResourceType', () => {
  it('matches * across colons and slashes, case-sensitively, and nothing else as a wildcard', () => {
    expect(wildcardMatch('*', TABLE)).toBe(true);
    expect(wildcardMatch('arn:aws:dynamodb:*:*:table/*', TABLE)).toBe(true);
    expect(wildcardMatch('arn:aws:dynamodb:*', TABLE)).toBe(true);
    expect(wildcardMatch('arn:aws:dynamodb:*:*:table/PW-*', TABLE)).toBe(false);
    expect(wildcardMatch('arn:aws:dynamodb:us-east-1:111122223333:table/pw.patients', TABLE)).toBe(false);
    expect(wildcardMatch('arn:aws:ec2:*:*:volume/*', TABLE)).toBe(false);
  });
  it('tells resource-type patterns from `*` and service-only patterns', () => {
    expect(namesResourceType(TABLE)).toBe(true);
    expect(namesResourceType('arn:aws:dynamodb:*:*:table/*')).toBe(true);
    expect(namesResourceType('arn:aws:rds:*:*:db:*')).toBe(true);
    expect(namesResourceType('*')).toBe(false);
    expect(namesResourceType('arn:aws:dynamodb:*')).toBe(false);
    expect(namesResourceType('arn:aws:ec2:*:*:*')).toBe(false);
  });
});

describe('matchSelection', () => {
  it('takes everything when neither resources nor tags are given, and honours NotResources', () => {
    expect(matchSelection({}, subject())).toEqual({ match: true, byType: false });
    expect(matchSelection({ notResources: ['arn:aws:dynamodb:*:*:table/pw-*'] }, subject()).match).toBe(
      false,
    );
  });
  it('ORs resources with ListOfTags', () => {
    const sel = {
      resources: ['arn:aws:ec2:*:*:volume/*'],
      listOfTags: [{ conditionType: 'STRINGEQUALS', conditionKey: 'backup', conditionValue: 'daily' }],
    };
    expect(matchSelection(sel, subject({ backup: 'daily' }))).toEqual({ match: true, byType: false });
    expect(matchSelection(sel, subject({ backup: 'weekly' })).match).toBe(false);
    expect(matchSelection({ ...sel, resources: [TABLE] }, subject())).toEqual({ match: true, byType: true });
  });
  it('ANDs Conditions, with IAM semantics for missing tags', () => {
    const both = {
      resources: ['*'],
      conditions: {
        ...cond('stringEquals', 'aws:ResourceTag/PHI', 'true'),
        ...cond('stringNotEquals', 'aws:ResourceTag/Environment', 'dev'),
      },
    };
    expect(matchSelection(both, subject({ PHI: 'true' })).match).toBe(true);
    expect(matchSelection(both, subject({ PHI: 'true', Environment: 'dev' })).match).toBe(false);
    expect(matchSelection(both, subject({})).match).toBe(false);
    const like = { conditions: cond('stringLike', 'aws:ResourceTag/Environment', 'prod*') };
    expect(matchSelection(like, subject({ Environment: 'production' })).match).toBe(true);
    expect(matchSelection(like, subject({})).match).toBe(false);
    const notLike = { conditions: cond('stringNotLike', 'aws:ResourceTag/Environment', 'dev*') };
    expect(matchSelection(notLike, subject({})).match).toBe(true);
    expect(matchSelection(notLike, subject({ Environment: 'dev-1' })).match).toBe(false);
  });
  it('answers unknown when a tag condition meets unreadable tags, unless the ARN already decides', () => {
    const byTag = { resources: ['*'], conditions: cond('stringEquals', 'aws:ResourceTag/PHI', 'true') };
    expect(matchSelection(byTag, subject({}, false)).match).toBe('unknown');
    const legacy = {
      resources: [TABLE],
      listOfTags: [{ conditionType: 'STRINGEQUALS', conditionKey: 'backup', conditionValue: 'daily' }],
    };
    expect(matchSelection(legacy, subject({}, false)).match).toBe(true);
    expect(matchSelection({ ...legacy, notResources: [TABLE] }, subject({}, false)).match).toBe(false);
  });
});
