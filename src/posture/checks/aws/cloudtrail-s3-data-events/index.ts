/**
 * Every account records S3 object-level (data) events, reads and writes, for all its buckets
 * (AWS Config CLOUDTRAIL_S3_DATAEVENTS_ENABLED; Prowler cloudtrail_s3_dataevents_read_enabled and
 * cloudtrail_s3_dataevents_write_enabled). Management events say who changed a bucket; only data
 * events say who read or wrote which object of ePHI.
 *
 * One result per account. Read and write may come from different trails; a trail counts only
 * while logging (the anchors do not ask, but a stopped trail records nothing). A single-region
 * trail records only its own region's buckets, so without a multi-region trail every region that
 * holds one of the account's buckets needs a covering trail. Selectors are read as
 * trail-selectors.ts explains. An organisation trail in another collected account may cover this
 * one; membership cannot be read from the snapshot, so that is `manual`.
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { accountHasResources, operationGap, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { partitionOf } from '../_hardening/iam.js';

import { type Direction, recordsS3Objects, selectorsOf, TRAIL_READS } from '../_hardening/trail-selectors.js';
import { accountSubject } from '../_shared/util.js';

const DIRECTIONS: readonly Direction[] = ['read', 'write'];

function covers(t: CloudResource, direction: Direction): boolean {
  const selectors = selectorsOf(t.supplementary);
  return (
    t.configuration.isLogging === true &&
    selectors !== undefined &&
    recordsS3Objects(selectors, direction, partitionOf(t.id))
  );
}

const homeRegion = (t: CloudResource) =>
  typeof t.configuration.homeRegion === 'string' ? t.configuration.homeRegion : t.region;

/**
 * Regions holding buckets that no covering trail records (empty: all covered); `none` without any
 * covering trail; `unknown` when only single-region trails cover and the buckets' regions are not
 * all known.
 */
function uncovered(
  trails: CloudResource[],
  direction: Direction,
  buckets: { regions: Set<string>; known: boolean },
): string[] | 'none' | 'unknown' {
  const covering = trails.filter((t) => covers(t, direction));
  if (covering.length === 0) return 'none';
  if (covering.some((t) => t.configuration.isMultiRegionTrail === true)) return [];
  if (!buckets.known) return 'unknown';
  const homes = new Set(covering.map(homeRegion));
  return [...buckets.regions].filter((r) => !homes.has(r)).sort();
}

function evidenceOf(trails: CloudResource[], bucketRegions: Set<string>) {
  return {
    trails: trails.map((t) => ({
      name: t.name,
      homeRegion: homeRegion(t),
      isMultiRegionTrail: t.configuration.isMultiRegionTrail ?? null,
      isLogging: t.configuration.isLogging ?? 'unreadable',
      selectorsRead: selectorsOf(t.supplementary) !== undefined,
      s3Read: covers(t, 'read'),
      s3Write: covers(t, 'write'),
    })),
    bucketRegions: [...bucketRegions].sort(),
  };
}

function evaluateAccount(snapshot: CloudSnapshot, account: string) {
  const subject = accountSubject(account);
  const trails = resourcesOf(snapshot, 'AWS::CloudTrail::Trail').filter((t) => t.account === account);
  const own = resourcesOf(snapshot, 'AWS::S3::Bucket').filter((b) => b.account === account);
  const bucketsUnlisted = operationGap(snapshot, 's3', ['ListBuckets', 'GetBucketLocation'], account);
  // A bucket whose region could not be read is recorded under `global`.
  const buckets = {
    regions: new Set(own.map((b) => b.region)),
    known: bucketsUnlisted === undefined && own.every((b) => b.region !== 'global'),
  };
  const evidence = evidenceOf(trails, buckets.regions);
  const gaps = DIRECTIONS.map((d) => ({ d, left: uncovered(trails, d, buckets) }));
  if (gaps.every((g) => Array.isArray(g.left) && g.left.length === 0))
    return result(
      check,
      subject,
      'pass',
      'S3 data events (read and write) are recorded for all buckets',
      evidence,
    );
  const trailGap = operationGap(snapshot, 'cloudtrail', TRAIL_READS, account);
  const unread =
    trailGap !== undefined ||
    trails.some(
      (t) => selectorsOf(t.supplementary) === undefined || typeof t.configuration.isLogging !== 'boolean',
    );
  if (unread)
    return result(
      check,
      subject,
      'error',
      trailGap ?? 'Trail status or event selectors not in the snapshot',
      evidence,
    );
  if (gaps.some((g) => g.left === 'unknown'))
    return result(
      check,
      subject,
      'error',
      `Only single-region trails record S3 data events and the buckets' regions are not all known${bucketsUnlisted ? ` (${bucketsUnlisted})` : ''}`,
      evidence,
    );
  const orgTrail = resourcesOf(snapshot, 'AWS::CloudTrail::Trail').find(
    (t) =>
      t.account !== account &&
      t.configuration.isOrganizationTrail === true &&
      t.configuration.isMultiRegionTrail === true &&
      DIRECTIONS.every((d) => covers(t, d)),
  );
  if (orgTrail !== undefined)
    return result(
      check,
      subject,
      'manual',
      `No trail of this account records S3 data events; organisation trail ${orgTrail.id} does if this account is in its organisation`,
      evidence,
    );
  if (trails.length === 0 && !accountHasResources(snapshot, account)) return undefined;
  const missing = gaps.map(({ d, left }) =>
    left === 'none'
      ? `${d}: no trail`
      : Array.isArray(left) && left.length > 0
        ? `${d}: not in ${left.join(', ')}`
        : undefined,
  );
  return result(
    check,
    subject,
    'fail',
    `S3 data events not recorded for all buckets (${missing.filter((m) => m !== undefined).join('; ')})`,
    evidence,
  );
}

export const check: PostureCheck = {
  id: 'cloudtrail-s3-data-events',
  provider: 'aws',
  title: 'CloudTrail records S3 data events (reads and writes) for all buckets',
  severity: 'medium',
  resourceType: 'AWS::::Account',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)', '164.308(a)(3)(ii)(A)', '164.308(a)(6)(ii)'],
  risk: 'Without S3 data events nobody can tell which principal read, changed or deleted which ePHI object, so a breach cannot be scoped and access reviews have no evidence.',
  remediation: {
    text: 'CloudTrail console → Trails → (multi-region trail) → Data events → Add data event type "S3", log selector template "Log all events" (exclude the trail\'s own log bucket to avoid recursion).',
    cli: 'aws cloudtrail put-event-selectors --trail-name TRAIL --advanced-event-selectors \'[{"Name":"S3 objects","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]}]}]\'',
    terraform:
      'resource "aws_cloudtrail" "this" {\n  # …\n  is_multi_region_trail = true\n  advanced_event_selector {\n    name = "S3 objects"\n    field_selector {\n      field  = "eventCategory"\n      equals = ["Data"]\n    }\n    field_selector {\n      field  = "resources.type"\n      equals = ["AWS::S3::Object"]\n    }\n  }\n}',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html',
  },
  evaluate(snapshot) {
    return snapshot.accounts.flatMap((account) => {
      const r = evaluateAccount(snapshot, account);
      return r === undefined ? [] : [r];
    });
  },
};
