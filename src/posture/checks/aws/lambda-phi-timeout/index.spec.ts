import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, res, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const arn = (n: string) => `arn:aws:lambda:us-east-1:111122223333:function:${n}`;
const fn = (n: string, timeout: number, tags: Record<string, string> = { PHI: 'true' }) =>
  res('AWS::Lambda::Function', arn(n), { tags, configuration: { timeout } });

describe('lambda-phi-timeout', () => {
  it('fails a PHI function over the maximum, passes one within, ignores non-PHI', () => {
    const s = snap([fn('phi-hl7-ingest', 900), fn('quick', 30), fn('thumbnailer', 900, { PHI: 'false' })]);
    expect(statuses(check.evaluate(s, DEFAULT_PARAMS))).toEqual({
      [arn('phi-hl7-ingest')]: 'fail',
      [arn('quick')]: 'pass',
    });
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('is an error when the function tags could not be read', () => {
    const out = check.evaluate(
      snap([fn('x', 900, {})], [gap('lambda', 'ListTags: AccessDeniedException')]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      ['error', "The function's tags could not be read: ListTags: AccessDeniedException."],
    ]);
  });
});
