/**
 * Every collected region of every account has an enabled GuardDuty detector: AWS Config
 * `GUARDDUTY_ENABLED_CENTRALIZED` (without its optional CentralMonitoringAccount parameter) and
 * Prowler `guardduty_is_enabled`. One result per (account, region), the account as subject.
 *
 * "No detector" is told from "not read" by the collector's per-region marker
 * `AWS::GuardDuty::RegionDetectors` (src/sources/cloud/aws/services/guardduty.ts): a marker with
 * `detectorIds: []` fails; no marker and no detector is an error naming the ListDetectors gap. An
 * account for which the snapshot has no GuardDuty data and no GuardDuty gap at all was collected
 * without the `guardduty` service: nothing is said about it. A detector whose GetDetector was
 * denied (no `status`) is an error unless another detector of the region is enabled.
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { type CheckResult, gapFor, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { list, str } from '../../../read.js';
import { accountSubject } from '../_shared/util.js';

const DETECTOR = 'AWS::GuardDuty::Detector';
/** The collector's marker of a region's detector list (not an AWS Config type). */
const REGION_MARKER = 'AWS::GuardDuty::RegionDetectors';

export const check: PostureCheck = {
  id: 'guardduty-enabled',
  provider: 'aws',
  title: 'GuardDuty is enabled in every region',
  severity: 'high',
  resourceType: 'AWS::::Account',
  citations: ['164.308(a)(1)(ii)(D)', '164.308(a)(5)(ii)(C)', '164.308(a)(6)(ii)', '164.312(b)'],
  risk: 'Without GuardDuty nobody is told about credential misuse, crypto-mining or data exfiltration from the account; a region without a detector is where an attacker works unseen.',
  remediation: {
    text: 'GuardDuty console → (each region) → Get started → Enable GuardDuty. In an organization, delegate a GuardDuty administrator and turn on auto-enable for all member accounts.',
    cli: 'aws guardduty create-detector --enable --finding-publishing-frequency FIFTEEN_MINUTES --region REGION',
    terraform:
      'resource "aws_guardduty_detector" "this" {\n  enable                       = true\n  finding_publishing_frequency = "FIFTEEN_MINUTES"\n}',
  },
  evaluate(snapshot) {
    return snapshot.accounts.flatMap((account) => {
      if (!collected(snapshot, account)) return [];
      return snapshot.regions.map((region) => judgeRegion(snapshot, account, region));
    });
  },
};

function collected(snapshot: CloudSnapshot, account: string): boolean {
  return (
    [DETECTOR, REGION_MARKER].some((type) =>
      resourcesOf(snapshot, type).some((r) => r.account === account),
    ) || snapshot.gaps.some((g) => g.account === account && g.service === 'guardduty')
  );
}

function judgeRegion(snapshot: CloudSnapshot, account: string, region: string): CheckResult {
  const subject: CloudResource = { ...accountSubject(account), region };
  const here = (type: string) =>
    resourcesOf(snapshot, type).filter((r) => r.account === account && r.region === region);
  const marker = here(REGION_MARKER)[0];
  const detectors = here(DETECTOR);
  const evidence = {
    detectorIds: marker ? list(marker.configuration.detectorIds) : detectors.map((d) => d.name),
    detectors: detectors.map((d) => ({
      detectorId: d.name,
      status: str(d.configuration.status) ?? 'unreadable',
    })),
  };
  const enabled = detectors.find((d) => d.configuration.status === 'ENABLED');
  if (enabled)
    return result(check, subject, 'pass', `Detector ${enabled.name} is enabled in ${region}`, evidence);
  const gap = gapFor(snapshot, 'guardduty', account, region);
  if (detectors.some((d) => d.configuration.status === undefined))
    return result(
      check,
      subject,
      'error',
      `Detector status could not be read (${gap ?? 'not in the snapshot'})`,
      evidence,
    );
  if (detectors.length > 0)
    return result(check, subject, 'fail', `GuardDuty is suspended in ${region}`, evidence);
  if (marker === undefined)
    return result(
      check,
      subject,
      'error',
      gap === undefined
        ? `GuardDuty detectors of ${region} are not in the snapshot`
        : `GuardDuty detectors of ${region} could not be read (${gap})`,
      evidence,
    );
  return result(check, subject, 'fail', `GuardDuty has no detector in ${region}`, evidence);
}
