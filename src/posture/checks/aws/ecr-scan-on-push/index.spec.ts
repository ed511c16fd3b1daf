import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../params.js';
import { gap, res, snap, statuses } from '../_compute/fixtures.test-helpers.js';
import { check } from './index.js';

const arn = (n: string) => `arn:aws:ecr:us-east-1:111122223333:repository/${n}`;
const repo = (n: string, ScanOnPush: boolean) =>
  res('AWS::ECR::Repository', arn(n), {
    configuration: { RepositoryName: n, ImageScanningConfiguration: { ScanOnPush } },
  });

describe('ecr-scan-on-push', () => {
  it('passes ehr-api and fails legacy-worker (the fixture account)', () => {
    expect(
      statuses(check.evaluate(snap([repo('ehr-api', true), repo('legacy-worker', false)]), DEFAULT_PARAMS)),
    ).toEqual({
      [arn('ehr-api')]: 'pass',
      [arn('legacy-worker')]: 'fail',
    });
  });
  it('says nothing about an empty snapshot', () => {
    expect(check.evaluate(snap([]), DEFAULT_PARAMS)).toEqual([]);
  });
  it('is an error when repositories could not be listed', () => {
    const out = check.evaluate(
      snap([], [gap('ecr', 'DescribeRepositories: AccessDeniedException')]),
      DEFAULT_PARAMS,
    );
    expect(out.map((r) => [r.resourceId, r.status])).toEqual([[arn('*'), 'error']]);
  });
});
