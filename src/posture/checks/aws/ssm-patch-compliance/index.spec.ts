import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, instance, res, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const pcArn = (id: string) => `arn:aws:ssm:us-east-1:111122223333:patch-compliance/${id}`;
const compliance = (id: string, patches: Record<string, unknown>, state: Record<string, number>) =>
  res('AWS::SSM::PatchCompliance', pcArn(id), {
    name: id,
    configuration: {
      'AWS:ComplianceItem': {
        SchemaVersion: '1.0',
        ComplianceType: 'Patch',
        Content: { Patch: { ComplianceSummary: { Status: 'NON_COMPLIANT' }, ...patches } },
      },
    },
    supplementary: { patchState: state },
  });

describe('ssm-patch-compliance', () => {
  it('fails missing critical/security patches, passes a clean item, and is manual for an unmanaged instance', () => {
    const s = snap([
      compliance(
        'i-1',
        {
          'openssl-libs.x86_64': {
            Id: 'openssl-libs.x86_64',
            PatchSeverity: 'Critical',
            Classification: 'Security',
            PatchState: 'Missing',
            CVEIds: 'CVE-2024-0727',
          },
          'kernel.x86_64': {
            Id: 'kernel.x86_64',
            PatchSeverity: 'Important',
            Classification: 'Security',
            PatchState: 'Failed',
          },
        },
        { criticalNonCompliantCount: 1, securityNonCompliantCount: 2 },
      ),
      compliance(
        'i-2',
        { 'vim.x86_64': { Id: 'vim.x86_64', Classification: 'Bugfix', PatchState: 'Missing' } },
        { criticalNonCompliantCount: 0, securityNonCompliantCount: 0 },
      ),
      instance('i-1', {}),
      instance('i-2', {}),
      instance('i-3', {}),
    ]);
    const out = check.evaluate(s, DEFAULT_PARAMS);
    expect(statuses(out)).toEqual({
      [pcArn('i-1')]: 'fail',
      [pcArn('i-2')]: 'pass',
      'arn:aws:ec2:us-east-1:111122223333:instance/i-3': 'manual',
    });
    expect(out[0]?.evidence.patches).toEqual([
      {
        id: 'openssl-libs.x86_64',
        state: 'Missing',
        severity: 'Critical',
        classification: 'Security',
        cves: 'CVE-2024-0727',
      },
      { id: 'kernel.x86_64', state: 'Failed', severity: 'Important', classification: 'Security' },
    ]);
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('is an error for instances when SSM could not be read', () => {
    const out = check.evaluate(
      snap([instance('i-3', {})], [gap('ssm', 'DescribeInstanceInformation: AccessDeniedException')]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => [r.status, r.message])).toEqual([
      ['error', 'Patch state could not be read: DescribeInstanceInformation: AccessDeniedException.'],
    ]);
  });
});
