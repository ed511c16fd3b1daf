import { describe, expect, it } from 'vitest';
import { ACCOUNT, gap, P, res, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const detector = (supplementary: Record<string, unknown>) =>
  res('AWS::GuardDuty::Detector', `arn:aws:guardduty:us-east-1:${ACCOUNT}:detector/d1`, {
    name: 'd1',
    configuration: { detectorId: 'd1', status: 'ENABLED' },
    supplementary,
  });

describe('guardduty-non-archived-findings', () => {
  it('passes a detector without open high-severity findings', () => {
    const out = check.evaluate(
      snap([detector({ highSeverityFindings: { findingIds: [], truncated: false } })]),
      P,
    );
    expect(out).toMatchObject([{ status: 'pass' }]);
  });
  it('fails a detector with open findings, saying "at least" when the list was cut', () => {
    const out = check.evaluate(
      snap([detector({ highSeverityFindings: { findingIds: ['f1', 'f2'], truncated: true } })]),
      P,
    );
    expect(out).toMatchObject([
      {
        status: 'fail',
        message: 'at least 2 open high-severity findings',
        evidence: { findingIds: ['f1', 'f2'] },
      },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when ListFindings was denied', () => {
    const out = check.evaluate(
      snap([detector({})], [gap('guardduty', 'ListFindings: AccessDeniedException')]),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('ListFindings: AccessDeniedException');
  });
});
