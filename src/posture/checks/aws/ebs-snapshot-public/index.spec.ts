import { describe, expect, it } from 'vitest';
import { ebsSnapshot, gap, P, snap } from '../_stores/fixtures.test-helpers.js';
import { check } from './index.js';

describe('ebs-snapshot-public', () => {
  it('passes private snapshots and snapshots shared with named accounts', () => {
    const out = check.evaluate(
      snap([ebsSnapshot('snap-1', []), ebsSnapshot('snap-2', [{ userId: '444455556666' }])]),
      P,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      ['pass', 'The snapshot is private.'],
      ['pass', 'Shared with 444455556666 only.'],
    ]);
  });
  it('fails a snapshot anyone may create volumes from', () => {
    expect(check.evaluate(snap([ebsSnapshot('snap-1', [{ group: 'all' }])]), P)).toMatchObject([
      { status: 'fail', evidence: { public: true } },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the permissions or the listing could not be read', () => {
    const out = check.evaluate(
      snap(
        [ebsSnapshot('snap-1')],
        [
          gap('ec2', 'DescribeSnapshotAttribute: UnauthorizedOperation'),
          gap('ec2', 'DescribeSnapshots: UnauthorizedOperation', 'eu-west-1'),
        ],
      ),
      P,
    );
    expect(out.map((r) => [r.status, r.resourceId])).toEqual([
      ['error', 'arn:aws:ec2:us-east-1:111122223333:snapshot/snap-1'],
      ['error', 'arn:aws:ec2:eu-west-1:111122223333:snapshot/*'],
    ]);
    expect(out[0]?.message).toContain('DescribeSnapshotAttribute: UnauthorizedOperation');
  });
});
