/**
 * GuardDuty collector (regional). Two resource types:
 * - `AWS::GuardDuty::Detector` per detector (ListDetectors, GetDetector): `configuration` is
 *   GetDetector camel-cased plus `detectorId` (`status` ENABLED | DISABLED, `features`,
 *   `dataSources`, `findingPublishingFrequency`); tags from GetDetector's `Tags`.
 *   `supplementary.highSeverityFindings` = `{findingIds, truncated}`: non-archived findings of
 *   severity ≥ 7 (High and Critical, GuardDuty User Guide "Severity levels"), first page only
 *   (ListFindings MaxResults 50) — enough to say "there are some" and name a few; missing when
 *   ListFindings was denied.
 * - `AWS::GuardDuty::RegionDetectors`, one per region where ListDetectors answered (NOT an AWS
 *   Config type): `configuration.detectorIds` lists what the region has, `[]` meaning "GuardDuty
 *   was never turned on here". The marker is what tells "no detector" (a fail) from "not read"
 *   (no marker: ListDetectors was denied, a gap says so, or the collector did not run).
 * ListDetectors pages with `nextToken` (GuardDuty API Reference).
 */
import {
  GetDetectorCommand,
  GuardDutyClient,
  ListFindingsCommand,
  paginateListDetectors,
} from '@aws-sdk/client-guardduty';
import { type CloudResource, tagRecord } from '../../../../core/cloud.js';
import type { AwsContext, AwsServiceCollector } from '../context.js';
import { allPages, cloudResource, configShape, regionalArn } from './compute-resource.js';

/** The marker type of a region's detector list (see the header). */
export const GUARDDUTY_REGION_TYPE = 'AWS::GuardDuty::RegionDetectors';

// GuardDuty's High band starts at 7.0; Critical (9.0–10.0) is above it.
const HIGH_SEVERITY = 7;
const FINDINGS_PAGE = 50;

/** Collects the region's GuardDuty detectors and the marker of its detector list. */
export const guarddutyCollector: AwsServiceCollector = {
  service: 'guardduty',
  scope: 'regional',
  async collect(ctx) {
    const gd = new GuardDutyClient(ctx.client);
    try {
      const ids = await ctx.guarded('guardduty', 'ListDetectors', () =>
        allPages(paginateListDetectors({ client: gd }, {}), (p) => p.DetectorIds),
      );
      if (ids === undefined) return [];
      const marker = cloudResource(ctx, {
        type: GUARDDUTY_REGION_TYPE,
        id: regionalArn(ctx, 'guardduty', 'detectors'),
        name: `GuardDuty detectors ${ctx.region}`,
        configuration: { detectorIds: ids },
      });
      const detectors: CloudResource[] = [];
      for (const id of ids) detectors.push(await detector(ctx, gd, id));
      return [marker, ...detectors];
    } finally {
      gd.destroy();
    }
  },
};

async function detector(ctx: AwsContext, gd: GuardDutyClient, DetectorId: string): Promise<CloudResource> {
  const got = await ctx.guarded('guardduty', 'GetDetector', () =>
    gd.send(new GetDetectorCommand({ DetectorId })),
  );
  const findings = await ctx.guarded('guardduty', 'ListFindings', () =>
    gd.send(
      new ListFindingsCommand({
        DetectorId,
        MaxResults: FINDINGS_PAGE,
        FindingCriteria: {
          Criterion: {
            severity: { GreaterThanOrEqual: HIGH_SEVERITY },
            'service.archived': { Equals: ['false'] },
          },
        },
      }),
    ),
  );
  const supplementary: Record<string, unknown> = {};
  if (findings !== undefined) {
    supplementary.highSeverityFindings = {
      findingIds: findings.FindingIds ?? [],
      truncated: Boolean(findings.NextToken),
    };
  }
  return cloudResource(ctx, {
    type: 'AWS::GuardDuty::Detector',
    id: regionalArn(ctx, 'guardduty', `detector/${DetectorId}`),
    name: DetectorId,
    tags: tagRecord(got?.Tags ?? {}),
    // GetDetector denied: keep the detector ListDetectors named, without a status.
    configuration: { detectorId: DetectorId, ...(got && configShape({ ...got, Tags: undefined })) },
    supplementary,
  });
}
