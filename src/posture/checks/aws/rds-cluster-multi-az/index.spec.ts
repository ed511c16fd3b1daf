import { describe, expect, it } from 'vitest';
import { cluster, gap, P, snap } from '../_stores/fixtures.test-helpers.js';
import { check } from './index.js';

describe('rds-cluster-multi-az', () => {
  it('passes a Multi-AZ cluster', () => {
    expect(check.evaluate(snap([cluster('c')]), P)).toMatchObject([
      { status: 'pass', evidence: { multiAZ: true } },
    ]);
  });
  it('fails a single-AZ cluster', () => {
    expect(check.evaluate(snap([cluster('c', { multiAZ: false })]), P)).toMatchObject([{ status: 'fail' }]);
  });
  it('asks a person about Aurora Serverless v1', () => {
    expect(
      check.evaluate(snap([cluster('c', { engineMode: 'serverless', multiAZ: false })]), P),
    ).toMatchObject([{ status: 'manual' }]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the setting is missing', () => {
    const out = check.evaluate(
      snap(
        [cluster('c', { multiAZ: undefined })],
        [gap('rds', 'DescribeDBClusters: AccessDenied', 'eu-west-1')],
      ),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['error', 'error']);
  });
});
