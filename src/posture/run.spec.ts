import { describe, expect, it } from 'vitest';
import type { CloudSnapshot } from '../core/cloud.js';
import { type PostureCheck, resourcesOf, result } from './check.js';
import { DEFAULT_PARAMS } from './params.js';
import { runChecks } from './run.js';

const snapshot: CloudSnapshot = {
  provider: 'aws',
  collectedAt: '2026-11-01T00:00:00.000Z',
  accounts: ['111122223333'],
  regions: ['us-east-1'],
  gaps: [],
  resources: [
    {
      provider: 'aws',
      account: '111122223333',
      region: 'us-east-1',
      type: 'AWS::KMS::Key',
      id: 'arn:aws:kms:us-east-1:111122223333:key/k1',
      name: 'k1',
      tags: {},
      configuration: {},
      supplementary: { keyRotationStatus: { keyRotationEnabled: false } },
      source: 'aws-sdk',
    },
  ],
};

const base = {
  provider: 'aws' as const,
  title: 't',
  severity: 'medium' as const,
  resourceType: 'AWS::KMS::Key',
  citations: ['164.312(a)(2)(iv)'],
  risk: 'r',
  remediation: { text: 'x' },
};

describe('runChecks', () => {
  it('runs the checks of the snapshot provider and counts statuses', () => {
    const rotation: PostureCheck = {
      ...base,
      id: 'kms-test',
      evaluate: (s) =>
        resourcesOf(s, 'AWS::KMS::Key').map((r) => result(rotation, r, 'fail', 'rotation off')),
    };
    const azure: PostureCheck = { ...rotation, id: 'azure-test', provider: 'azure' };
    const run = runChecks([rotation, azure], snapshot, DEFAULT_PARAMS);
    expect(run.results.map((r) => [r.checkId, r.status, r.findingId])).toEqual([
      ['kms-test', 'fail', 'kms-test|111122223333|us-east-1|arn:aws:kms:us-east-1:111122223333:key/k1'],
    ]);
    expect(run.counts).toEqual({ pass: 0, fail: 1, manual: 0, error: 0 });
  });

  it('a check that throws is an error result, and the others still run', () => {
    const broken: PostureCheck = {
      ...base,
      id: 'broken',
      evaluate: () => {
        throw new Error('boom');
      },
    };
    const ok: PostureCheck = { ...base, id: 'ok', evaluate: () => [] };
    const run = runChecks([broken, ok], snapshot, DEFAULT_PARAMS);
    expect(run.results).toEqual([
      expect.objectContaining({
        checkId: 'broken',
        status: 'error',
        message: expect.stringContaining('boom'),
      }),
    ]);
  });
});
