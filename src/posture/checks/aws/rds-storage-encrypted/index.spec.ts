import { describe, expect, it } from 'vitest';
import { db, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('rds-storage-encrypted', () => {
  it('passes an encrypted instance', () => {
    expect(check.evaluate(snap([db('a')]), P)).toMatchObject([{ status: 'pass' }]);
  });
  it('fails an unencrypted instance', () => {
    expect(check.evaluate(snap([db('a', { storageEncrypted: false })]), P)).toMatchObject([
      { status: 'fail' },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when storageEncrypted was not read', () => {
    const out = check.evaluate(
      snap([db('a', { storageEncrypted: undefined })], [gap('rds', 'DescribeDBInstances: AccessDenied')]),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
    expect(out[0]?.message).toContain('DescribeDBInstances: AccessDenied');
  });
});
