import { describe, expect, it } from 'vitest';
import { accountPab, gap, P, res, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('s3-account-public-access-block', () => {
  it('passes when all four settings are on', () => {
    expect(check.evaluate(snap([accountPab(true)]), P)).toMatchObject([{ status: 'pass' }]);
  });
  it('fails when settings are off or none is configured', () => {
    expect(check.evaluate(snap([accountPab(false)]), P)).toMatchObject([{ status: 'fail' }]);
    const none = res(
      'AWS::S3::AccountPublicAccessBlock',
      'arn:aws:s3::111122223333:account-public-access-block',
      {
        supplementary: { configured: false },
      },
    );
    expect(check.evaluate(snap([none]), P)).toMatchObject([
      { status: 'fail', evidence: { configured: false } },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error for the account when the block could not be read', () => {
    const out = check.evaluate(
      snap([], [gap('s3', 'GetAccountPublicAccessBlock: AccessDenied', 'global')]),
      P,
    );
    expect(out).toMatchObject([{ status: 'error', resourceId: '111122223333' }]);
    expect(out[0]?.message).toContain('AccessDenied');
  });
});
