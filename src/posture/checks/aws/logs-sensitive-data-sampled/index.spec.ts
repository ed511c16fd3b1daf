import { describe, expect, it } from 'vitest';
import { gap, logGroup, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const firstHit = { logStreamName: 'app/i-1', timestamp: '2025-01-07T08:00:00.000Z' };
const sampled = (eventsSampled: number, hits: Record<string, number> = {}, truncated = false) => {
  const g = logGroup('/ehr/app');
  g.supplementary = {
    sensitiveDataSample: {
      windowHours: 24,
      eventsSampled,
      truncated,
      detectors: Object.fromEntries(
        ['us-ssn', 'bearer-token', 'jwt'].map((id) => [
          id,
          { hits: hits[id] ?? 0, firstHit: (hits[id] ?? 0) > 0 ? firstHit : null },
        ]),
      ),
    },
  };
  return g;
};

describe('logs-sensitive-data-sampled', () => {
  it('passes a sample with events and no hit', () => {
    expect(check.evaluate(snap([sampled(200)]), P)).toMatchObject([
      { status: 'pass', message: '200 events sampled, none matched.' },
    ]);
  });

  it('fails on any hit, with counts only as evidence', () => {
    const [r] = check.evaluate(snap([sampled(4, { 'us-ssn': 1, 'bearer-token': 2 })]), P);
    expect(r?.status).toBe('fail');
    expect(r?.message).toBe('Sampled events matched: us-ssn (1), bearer-token (2).');
    expect(r?.evidence).toEqual({
      eventsSampled: 4,
      truncated: false,
      windowHours: 24,
      hits: { 'us-ssn': 1, 'bearer-token': 2 },
    });
    expect(JSON.stringify(r)).not.toContain('app/i-1');
  });

  it('is manual when the window had no events, saying why', () => {
    const out = check.evaluate(snap([sampled(0), sampled(0, {}, true)]), P);
    expect(out.map((r) => r.status)).toEqual(['manual', 'manual']);
    expect(out[0]?.message).toContain('no events in the sampled window');
    expect(out[1]?.message).toContain('call limit');
  });

  it('is manual for a group that cannot be sampled', () => {
    const g = logGroup('/aws/vendedlogs/x', { logGroupClass: 'DELIVERY' });
    g.supplementary = { sensitiveDataSample: null };
    expect(check.evaluate(snap([g]), P)).toMatchObject([
      {
        status: 'manual',
        message: expect.stringContaining('log class DELIVERY'),
        evidence: { logGroupClass: 'DELIVERY' },
      },
    ]);
  });

  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });

  it('is an error when FilterLogEvents was denied', () => {
    const out = check.evaluate(
      snap([logGroup('/ehr/app')], [gap('logs', 'FilterLogEvents: AccessDeniedException')]),
      P,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      ['error', 'Log events could not be sampled: FilterLogEvents: AccessDeniedException.'],
    ]);
  });
});
