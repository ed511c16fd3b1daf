import { describe, expect, it } from 'vitest';
import { gap, logGroup, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('logs-phi-kms-encrypted', () => {
  it('passes a PHI group with a KMS key; ignores non-PHI groups', () => {
    const out = check.evaluate(
      snap([
        logGroup('/ehr/app', { kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/k' }),
        logGroup('/other', {}, {}),
      ]),
      P,
    );
    expect(out).toMatchObject([{ status: 'pass' }]);
  });
  it('fails a PHI group without a key', () => {
    expect(check.evaluate(snap([logGroup('/ehr/app')]), P)).toMatchObject([
      { status: 'fail', evidence: { kmsKeyId: null } },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when tags could not be read (PHI scope unknown)', () => {
    const out = check.evaluate(
      snap([logGroup('/ehr/app', {}, {})], [gap('logs', 'ListTagsForResource: AccessDenied')]),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('AccessDenied');
  });
});
