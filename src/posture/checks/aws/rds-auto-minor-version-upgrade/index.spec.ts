import { describe, expect, it } from 'vitest';
import { db, gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const FIELD = 'autoMinorVersionUpgrade';
const CLUSTER_LEVEL = false;

describe('rds-auto-minor-version-upgrade', () => {
  it('passes the setting on and fails it off', () => {
    const out = check.evaluate(
      snap([db('on', { [FIELD]: true }), db('off', { engine: 'mysql', [FIELD]: false })]),
      P,
    );
    expect(out.map((r) => [r.resourceId.split(':').pop(), r.status])).toEqual([
      ['on', 'pass'],
      ['off', 'fail'],
    ]);
  });
  it('treats Aurora cluster members as the anchors do', () => {
    const out = check.evaluate(
      snap([db('a1', { engine: 'aurora-postgresql', dBClusterIdentifier: 'c1', [FIELD]: false })]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual([CLUSTER_LEVEL ? 'manual' : 'fail']);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error for an unrecorded setting and for unlisted instances', () => {
    const out = check.evaluate(
      snap([db('x')], [gap('rds', 'DescribeDBInstances: AccessDenied', 'eu-west-1')]),
      P,
    );
    expect(out.map((r) => [r.status, r.region])).toEqual([
      ['error', 'us-east-1'],
      ['error', 'eu-west-1'],
    ]);
  });
});
