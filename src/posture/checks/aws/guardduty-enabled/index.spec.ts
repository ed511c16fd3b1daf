import { describe, expect, it } from 'vitest';
import { ACCOUNT, gap, P, res, snap } from '../_shared/snapshots.test-helpers.js';
import { check } from './index.js';

const marker = (region: string, ids: string[]) =>
  res('AWS::GuardDuty::RegionDetectors', `arn:aws:guardduty:${region}:${ACCOUNT}:detectors`, {
    region,
    configuration: { detectorIds: ids },
  });
const detector = (region: string, id: string, status?: string) =>
  res('AWS::GuardDuty::Detector', `arn:aws:guardduty:${region}:${ACCOUNT}:detector/${id}`, {
    region,
    name: id,
    configuration: { detectorId: id, ...(status !== undefined && { status }) },
  });
const twoRegions = (resources: Parameters<typeof snap>[0], gaps: Parameters<typeof snap>[1] = []) => ({
  ...snap(resources, gaps),
  regions: ['eu-west-1', 'us-east-1'],
});

describe('guardduty-enabled', () => {
  it('passes each region with an enabled detector, one result per region', () => {
    const out = check.evaluate(
      twoRegions([
        marker('us-east-1', ['d1']),
        detector('us-east-1', 'd1', 'ENABLED'),
        marker('eu-west-1', ['d2']),
        detector('eu-west-1', 'd2', 'ENABLED'),
      ]),
      P,
    );
    expect(out.map((r) => [r.region, r.status, r.resourceId])).toEqual([
      ['eu-west-1', 'pass', ACCOUNT],
      ['us-east-1', 'pass', ACCOUNT],
    ]);
  });

  it('fails a region whose detector list is empty, and one whose detector is suspended', () => {
    const out = check.evaluate(
      twoRegions([
        marker('us-east-1', ['d1']),
        detector('us-east-1', 'd1', 'DISABLED'),
        marker('eu-west-1', []),
      ]),
      P,
    );
    expect(out).toMatchObject([
      { region: 'eu-west-1', status: 'fail', message: 'GuardDuty has no detector in eu-west-1' },
      {
        region: 'us-east-1',
        status: 'fail',
        evidence: { detectors: [{ detectorId: 'd1', status: 'DISABLED' }] },
      },
    ]);
  });

  it('has no results on an empty snapshot, or when GuardDuty was not collected', () => {
    expect(check.evaluate(snap([]), P)).toEqual([]);
    expect(check.evaluate(snap([res('AWS::KMS::Key', 'k')]), P)).toEqual([]);
  });

  it('reports error for a region whose ListDetectors was denied or whose GetDetector was denied', () => {
    const out = check.evaluate(
      twoRegions(
        [marker('us-east-1', ['d1']), detector('us-east-1', 'd1')],
        [
          gap('guardduty', 'ListDetectors: AccessDeniedException', 'eu-west-1'),
          gap('guardduty', 'GetDetector: AccessDeniedException'),
        ],
      ),
      P,
    );
    expect(out.map((r) => [r.region, r.status])).toEqual([
      ['eu-west-1', 'error'],
      ['us-east-1', 'error'],
    ]);
    expect(out[0]?.message).toContain('ListDetectors: AccessDeniedException');
    expect(out[1]?.message).toContain('GetDetector: AccessDeniedException');
  });
});
