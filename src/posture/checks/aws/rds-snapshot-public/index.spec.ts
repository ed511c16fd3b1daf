import { describe, expect, it } from 'vitest';
import { clusterSnapshot, dbSnapshot, gap, P, snap } from '../_stores/fixtures.test-helpers.js';
import { check } from './index.js';

describe('rds-snapshot-public', () => {
  it('passes private snapshots and snapshots shared with named accounts', () => {
    const out = check.evaluate(
      snap([dbSnapshot('a', true, []), clusterSnapshot('b', true, ['444455556666'])]),
      P,
    );
    expect(out.map((r) => [r.status, r.resourceType, r.message])).toEqual([
      ['pass', 'AWS::RDS::DBSnapshot', 'The snapshot is private.'],
      ['pass', 'AWS::RDS::DBClusterSnapshot', 'Shared with 444455556666 only.'],
    ]);
  });
  it('fails public DB and cluster snapshots', () => {
    const out = check.evaluate(
      snap([dbSnapshot('a', false, ['all']), clusterSnapshot('b', true, ['all', '444455556666'])]),
      P,
    );
    expect(out.map((r) => [r.status, r.evidence.restore])).toEqual([
      ['fail', ['all']],
      ['fail', ['all', '444455556666']],
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the attributes or the listing could not be read', () => {
    const out = check.evaluate(
      snap(
        [dbSnapshot('a', true)],
        [
          gap('rds', 'DescribeDBSnapshotAttributes: AccessDenied'),
          gap('rds', 'DescribeDBClusterSnapshots: AccessDenied'),
        ],
      ),
      P,
    );
    expect(out.map((r) => [r.status, r.resourceId])).toEqual([
      ['error', 'arn:aws:rds:us-east-1:111122223333:snapshot:a'],
      ['error', 'arn:aws:rds:us-east-1:111122223333:cluster-snapshot:*'],
    ]);
    expect(out[0]?.message).toContain('DescribeDBSnapshotAttributes: AccessDenied');
  });
});
