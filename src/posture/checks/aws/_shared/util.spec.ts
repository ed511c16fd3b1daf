import { describe, expect, it } from 'vitest';
import { gap, res, snap } from './snapshots.test-helpers.js';
import { phiScope } from './util.js';

describe('phiScope', () => {
  it('classifies from tags, unknown when tags were unreadable', () => {
    const r = res('AWS::Logs::LogGroup', 'lg');
    expect(phiScope(snap([r]), r, 'logs').phi).toBe(false);
    const u = phiScope(snap([r], [gap('logs', 'ListTagsForResource: AccessDenied')]), r, 'logs', false);
    expect(u).toMatchObject({ phi: 'unknown' });
    const t = res('AWS::Logs::LogGroup', 'lg', { tags: { DataClassification: 'ePHI' } });
    expect(phiScope(snap([t]), t, 'logs', false).phi).toBe(true);
  });
});
