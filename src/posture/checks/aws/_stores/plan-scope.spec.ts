import { describe, expect, it } from 'vitest';
import { byTag, plan, rule, snap, table, tableArn } from './fixtures.test-helpers.js';
import { planScope } from './plan-scope.js';

const daily = [rule('cron(0 5 ? * * *)', 35)];

describe('planScope', () => {
  it('is PHI when a selection assigns by a PHI tag, whatever the snapshot holds', () => {
    const p = plan('p', daily, [byTag('DataClassification', 'ePHI')]);
    expect(planScope(snap([p]), p)).toEqual({
      phi: true,
      why: 'selects by aws:ResourceTag/DataClassification = ePHI',
    });
    const legacy = plan('l', daily, [
      { listOfTags: [{ conditionType: 'STRINGEQUALS', conditionKey: 'PHI', conditionValue: 'yes' }] },
    ]);
    expect(planScope(snap([legacy]), legacy).phi).toBe(true);
  });
  it('is PHI when a selection takes a PHI-tagged resource of its region', () => {
    const p = plan('p', daily, [{ resources: ['arn:aws:dynamodb:*:*:table/pw-*'] }]);
    const s = snap([
      p,
      table('pw-patients', { tags: { PHI: 'true' } }),
      table('other', { tags: { PHI: 'true' } }),
    ]);
    expect(planScope(s, p)).toEqual({ phi: true, why: 'selects pw-patients, tagged PHI' });
  });
  it('is not PHI when nothing selected is PHI, and unknown when a selection could not be read', () => {
    const p = plan('p', daily, [{ resources: [tableArn('plain')] }, byTag('PHI', 'false')]);
    expect(planScope(snap([p, table('plain'), table('x', { tags: { PHI: 'true' } })]), p).phi).toBe(false);
    const unread = plan('u', daily, [undefined, { resources: [tableArn('plain')] }]);
    expect(planScope(snap([unread]), unread)).toEqual({
      phi: 'unknown',
      why: 'a selection could not be read',
    });
    const none = plan('n', daily, undefined);
    expect(planScope(snap([none]), none).phi).toBe('unknown');
  });
});
