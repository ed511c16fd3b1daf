import { describe, expect, it } from 'vitest';
import { assetFlags } from './asset-flags.js';

const now = new Date('2026-11-23T00:00:00Z');

describe('assetFlags', () => {
  it('flags an asset unseen for longer than the window as stale, and only then', () => {
    // Exactly 30 days is within the window; a second more is not.
    expect(assetFlags({ lastSeen: '2026-10-24T00:00:00Z', phi: false, environment: 'prod' }, now)).toEqual(
      [],
    );
    expect(assetFlags({ lastSeen: '2026-10-23T23:59:59Z', phi: false, environment: 'prod' }, now)).toEqual([
      'stale',
    ]);
    expect(assetFlags({ lastSeen: '2026-11-01T00:00:00Z', phi: false, environment: 'prod' }, now, 7)).toEqual(
      ['stale'],
    );
  });

  it('flags PHI on dev and test systems, not on production or unknown environments', () => {
    const seen = '2026-11-22T00:00:00Z';
    expect(assetFlags({ lastSeen: seen, phi: true, environment: 'dev' }, now)).toEqual([
      'phi-in-non-production',
    ]);
    expect(assetFlags({ lastSeen: seen, phi: true, environment: 'test' }, now)).toEqual([
      'phi-in-non-production',
    ]);
    expect(assetFlags({ lastSeen: seen, phi: true, environment: 'prod' }, now)).toEqual([]);
    expect(assetFlags({ lastSeen: seen, phi: false, environment: 'dev' }, now)).toEqual([]);
  });
});
