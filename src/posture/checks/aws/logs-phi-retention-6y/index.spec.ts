import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../run.js';
import { gap, logGroup, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('logs-phi-retention-6y', () => {
  it('passes never-expiring and long retention; ignores non-PHI', () => {
    const out = check.evaluate(
      snap([
        logGroup('/a'),
        logGroup('/b', { retentionInDays: 2192 }),
        logGroup('/c', { retentionInDays: 1 }, {}),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['pass', 'pass']);
  });
  it('fails the seeded 30-day retention', () => {
    expect(check.evaluate(snap([logGroup('/ehr/app', { retentionInDays: 30 })]), P)).toMatchObject([
      { status: 'fail' },
    ]);
  });
  it('run with the parameter loosened below six years: fails each account, judges against six', () => {
    const { results: out } = runChecks([check], snap([logGroup('/ehr/app', { retentionInDays: 400 })]), {
      ...P,
      phiRetentionDays: 365,
    });
    expect(out).toMatchObject([
      { status: 'fail', message: expect.stringMatching(/^parameter phiRetentionDays loosened/) },
      { status: 'fail' },
    ]);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when tags could not be read (PHI scope unknown)', () => {
    const out = check.evaluate(
      snap(
        [logGroup('/ehr/app', { retentionInDays: 30 }, {})],
        [gap('logs', 'ListTagsForResource: AccessDenied')],
      ),
      P,
    );
    expect(out).toMatchObject([{ status: 'error' }]);
  });
});
