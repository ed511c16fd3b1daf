import { describe, expect, it } from 'vitest';
import { clusterSnapshot, dbSnapshot, gap, P, snap } from '../_stores/fixtures.test-helpers.js';
import { check } from './index.js';

describe('rds-snapshot-encrypted', () => {
  it('passes encrypted DB and cluster snapshots', () => {
    expect(
      check.evaluate(snap([dbSnapshot('a', true, []), clusterSnapshot('b', true, [])]), P),
    ).toMatchObject([
      { status: 'pass', evidence: { encrypted: true } },
      { status: 'pass', evidence: { storageEncrypted: true } },
    ]);
  });
  it('fails unencrypted snapshots', () => {
    expect(
      check.evaluate(snap([dbSnapshot('a', false, []), clusterSnapshot('b', false, [])]), P),
    ).toMatchObject([{ status: 'fail' }, { status: 'fail' }]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the setting is missing or the snapshots could not be listed', () => {
    const out = check.evaluate(
      snap([dbSnapshot('a', undefined)], [gap('rds', 'DescribeDBSnapshots: AccessDenied', 'eu-west-1')]),
      P,
    );
    expect(out.map((r) => [r.status, r.resourceId])).toEqual([
      ['error', 'arn:aws:rds:us-east-1:111122223333:snapshot:a'],
      ['error', 'arn:aws:rds:eu-west-1:111122223333:snapshot:*'],
    ]);
  });
});
