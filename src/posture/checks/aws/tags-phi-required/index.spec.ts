import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, res, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const bucket = (n: string, tags: Record<string, string>) =>
  res('AWS::S3::Bucket', `arn:aws:s3:::${n}`, { tags });

describe('tags-phi-required', () => {
  it('passes a fully tagged PHI resource, fails missing or empty tags, ignores non-PHI', () => {
    const s = snap([
      bucket('ok', { phi: 'true', owner: 'team', DataClassification: 'ePHI' }),
      bucket('bad', { DataClassification: 'ePHI', Owner: ' ' }),
      bucket('none', { Owner: 'x' }),
    ]);
    const out = check.evaluate(s, DEFAULT_PARAMS);
    expect(statuses(out)).toEqual({ 'arn:aws:s3:::ok': 'pass', 'arn:aws:s3:::bad': 'fail' });
    expect(out[1]?.message).toBe('PHI resource missing tag(s): PHI, Owner.');
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
