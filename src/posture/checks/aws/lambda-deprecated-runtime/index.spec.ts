import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, res, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const arn = (n: string) => `arn:aws:lambda:us-east-1:111122223333:function:${n}`;
const fn = (n: string, runtime: string, date?: string) =>
  res('AWS::Lambda::Function', arn(n), {
    configuration: { runtime },
    supplementary: date ? { runtimeDeprecation: { date } } : {},
  });

describe('lambda-deprecated-runtime', () => {
  it('fails a runtime deprecated before collectedAt and passes a later one', () => {
    const s = snap([
      fn('phi-hl7-ingest', 'python3.8', '2024-10-14'),
      fn('ok', 'python3.13', '2029-06-30'),
      fn('odd', 'custom'),
    ]);
    expect(statuses(check.evaluate(s, DEFAULT_PARAMS))).toEqual({
      [arn('phi-hl7-ingest')]: 'fail',
      [arn('ok')]: 'pass',
      [arn('odd')]: 'manual',
    });
  });
  it('uses the snapshot time, not the clock', () => {
    const s = { ...snap([fn('f', 'nodejs20.x', '2026-04-30')]), collectedAt: '2026-01-01T00:00:00Z' };
    expect(check.evaluate(s, DEFAULT_PARAMS)[0]?.status).toBe('pass');
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('is an error when functions could not be listed', () => {
    const out = check.evaluate(
      snap([], [gap('lambda', 'ListFunctions: AccessDeniedException')]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => [r.resourceId, r.status])).toEqual([[arn('*'), 'error']]);
  });
});
