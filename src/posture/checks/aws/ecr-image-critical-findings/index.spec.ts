import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, res, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const arn = (d: string) => `arn:aws:ecr:us-east-1:111122223333:repository/ehr-api@sha256:${d}`;
const img = (d: string, critical: number | undefined, tags: Record<string, string> = { PHI: 'true' }) =>
  res('AWS::ECR::Image', arn(d), {
    tags,
    configuration: {
      imageDigest: `sha256:${d}`,
      ...(critical !== undefined && {
        imageScanStatus: { status: 'COMPLETE' },
        imageScanFindingsSummary: { findingSeverityCounts: { CRITICAL: critical, HIGH: 3 } },
      }),
    },
  });

describe('ecr-image-critical-findings', () => {
  it('fails a PHI image with critical findings, passes a clean one, is manual when unscanned, ignores non-PHI', () => {
    const s = snap([img('a', 2), img('b', 0), img('c', undefined), img('d', 5, { PHI: 'false' })]);
    expect(statuses(check.evaluate(s, DEFAULT_PARAMS))).toEqual({
      [arn('a')]: 'fail',
      [arn('b')]: 'pass',
      [arn('c')]: 'manual',
    });
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('is an error when images could not be listed', () => {
    const out = check.evaluate(
      snap([], [gap('ecr', 'DescribeImages: AccessDeniedException')]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => [r.status, r.evidence.gap])).toEqual([
      ['error', 'DescribeImages: AccessDeniedException'],
    ]);
  });
});
