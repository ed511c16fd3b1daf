import { describe, expect, it } from 'vitest';
import { doc, group, role } from '../_hardening/iam.test-helpers.js';
import { gap, P, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

describe('iam-inline-policy-no-marketplace-subscribe', () => {
  it('fails an inline Subscribe on "*" and passes the rest', () => {
    const out = check.evaluate(
      snap([
        role('ml', { models: doc({ Effect: 'Allow', Action: 'aws-marketplace:Subscribe', Resource: '*' }) }),
        group('readers', { ro: doc({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }) }),
      ]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['fail', 'pass']);
  });
  it('has no results on an empty snapshot', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
  });
  it('reports error when the inline list could not be read', () => {
    const out = check.evaluate(
      snap([role('ml', null)], [gap('iam', 'GetAccountAuthorizationDetails: Throttling', 'global')]),
      P,
    );
    expect(out.map((r) => r.status)).toEqual(['error', 'error']);
  });
});
