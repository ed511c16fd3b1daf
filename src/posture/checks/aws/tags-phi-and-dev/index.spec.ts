import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, res, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const bucket = (n: string, tags: Record<string, string>) =>
  res('AWS::S3::Bucket', `arn:aws:s3:::${n}`, { tags });

describe('tags-phi-and-dev', () => {
  it('fails PHI+dev/test, passes PHI+prod, ignores untagged and non-PHI', () => {
    const s = snap([
      bucket('a', { PHI: 'true', Environment: 'development' }),
      bucket('b', { DataClassification: 'ePHI', Env: 'qa' }),
      bucket('c', { PHI: 'true', Environment: 'prod' }),
      bucket('d', { Environment: 'dev' }),
      bucket('e', {}),
    ]);
    const out = check.evaluate(s, DEFAULT_PARAMS);
    expect(statuses(out)).toEqual({
      'arn:aws:s3:::a': 'fail',
      'arn:aws:s3:::b': 'fail',
      'arn:aws:s3:::c': 'pass',
    });
    expect(out[1]?.evidence).toEqual({ phiSource: 'tag:DataClassification=ePHI', environment: 'test' });
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('is an error for an untagged resource whose tags could not be read', () => {
    const fn = res('AWS::Lambda::Function', 'arn:aws:lambda:us-east-1:111122223333:function:f');
    const out = check.evaluate(
      snap([fn], [gap('lambda', 'ListTags: AccessDeniedException')]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      ['error', "The resource's tags could not be read: ListTags: AccessDeniedException."],
    ]);
  });
});
