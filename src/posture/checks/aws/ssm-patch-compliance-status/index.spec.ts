import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, res, snap } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const item = (id: string, Status: string | undefined, patchState: Record<string, number> = {}) =>
  res('AWS::SSM::PatchCompliance', `arn:aws:ssm:us-east-1:111122223333:patch-compliance/${id}`, {
    name: id,
    configuration: {
      'AWS:ComplianceItem': {
        SchemaVersion: '1.0',
        ComplianceType: 'Patch',
        Content: {
          Patch: { ComplianceSummary: Status === undefined ? {} : { ComplianceType: 'Patch', Status } },
        },
      },
    },
    supplementary: { patchState: { instanceId: id, ...patchState } },
  });

describe('ssm-patch-compliance-status', () => {
  it('fails any non-compliant node, low-severity patches and pending reboots included', () => {
    const out = check.evaluate(
      snap([
        item('i-1', 'COMPLIANT', { installedCount: 40 }),
        item('i-2', 'NON_COMPLIANT', {
          missingCount: 0,
          installedPendingRebootCount: 2,
          otherNonCompliantCount: 2,
        }),
      ]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => r.status)).toEqual(['pass', 'fail']);
    expect(out[1]?.message).toBe('Not compliant with its patch baseline: 2 installed pending reboot');
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('reports error for an item without a summary and for unread patch states', () => {
    const out = check.evaluate(
      snap([item('i-3', undefined)], [gap('ssm', 'DescribeInstancePatchStates: AccessDeniedException')]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => r.status)).toEqual(['error', 'error']);
    expect(out[1]?.resourceId).toBe('arn:aws:ssm:us-east-1:111122223333:patch-compliance/*');
  });
});
