import { describe, expect, it } from 'vitest';
import { gap, P, snap, table } from '../_stores/fixtures.test-helpers.js';
import { check } from './index.js';

describe('dynamodb-pitr-enabled', () => {
  it('passes a table with point-in-time recovery on', () => {
    expect(check.evaluate(snap([table('t', { tags: { PHI: 'true' } })]), P)).toMatchObject([
      { status: 'pass', evidence: { pointInTimeRecoveryStatus: 'ENABLED', phi: true } },
    ]);
  });
  it('fails a table with point-in-time recovery off', () => {
    expect(check.evaluate(snap([table('t', { pitr: 'DISABLED' })]), P)).toMatchObject([
      { status: 'fail', message: 'Point-in-time recovery is disabled.', evidence: { phi: false } },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when DescribeContinuousBackups was denied, and when the tables could not be listed', () => {
    const out = check.evaluate(
      snap(
        [table('t', { pitr: null })],
        [
          gap('dynamodb', 'DescribeContinuousBackups: AccessDeniedException'),
          gap('dynamodb', 'ListTables: AccessDeniedException', 'eu-west-1'),
        ],
      ),
      P,
    );
    expect(out).toMatchObject([
      { status: 'error', resourceId: 'arn:aws:dynamodb:us-east-1:111122223333:table/t' },
      { status: 'error', resourceId: 'arn:aws:dynamodb:eu-west-1:111122223333:table/*', region: 'eu-west-1' },
    ]);
    expect(out[0]?.message).toContain('DescribeContinuousBackups: AccessDeniedException');
  });
  it('marks PHI unknown when the tags could not be read', () => {
    const out = check.evaluate(
      snap(
        [table('t', { pitr: 'DISABLED' })],
        [gap('dynamodb', 'ListTagsOfResource: AccessDeniedException')],
      ),
      P,
    );
    expect(out).toMatchObject([{ status: 'fail', evidence: { phi: 'unknown' } }]);
  });
});
