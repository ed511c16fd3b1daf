import { describe, expect, it } from 'vitest';
import { cluster, gap, P, snap } from '../_stores/fixtures.test-helpers.js';
import { check } from './index.js';

describe('rds-cluster-deletion-protection', () => {
  it('passes a protected cluster', () => {
    expect(check.evaluate(snap([cluster('c', {}, { PHI: 'true' })]), P)).toMatchObject([
      { status: 'pass', evidence: { deletionProtection: true, phi: true } },
    ]);
  });
  it('fails an unprotected cluster', () => {
    expect(check.evaluate(snap([cluster('c', { deletionProtection: false })]), P)).toMatchObject([
      { status: 'fail' },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the setting is missing or the clusters could not be listed', () => {
    const out = check.evaluate(
      snap(
        [cluster('c', { deletionProtection: undefined })],
        [gap('rds', 'DescribeDBClusters: AccessDenied', 'eu-west-1')],
      ),
      P,
    );
    expect(out.map((r) => [r.status, r.resourceId])).toEqual([
      ['error', 'arn:aws:rds:us-east-1:111122223333:cluster:c'],
      ['error', 'arn:aws:rds:eu-west-1:111122223333:cluster:*'],
    ]);
  });
});
