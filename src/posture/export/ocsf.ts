/**
 * OCSF Compliance Finding export (class_uid 2003, category 2 Findings), schema 1.3.0: one event
 * per posture result, in a JSON array. The tests check every event against the OCSF 1.3.0
 * definitions of the class and its objects (schemas/ocsf-1.3.0/, ocsf-validate.test-helpers.ts).
 */
import type { CheckResult, CheckStatus, PostureCheck, Severity } from '../check.js';
import { awsPartition, checkLookup, type ExportInput } from './input.js';

/** The OCSF schema version the events declare in `metadata.version`. */
export const OCSF_VERSION = '1.3.0';

/** The OCSF profiles every event applies (metadata.profiles). */
export const OCSF_PROFILES = ['cloud'] as const;

const CLASS_UID = 2003;
const CATEGORY_UID = 2;
// activity_id 1 = Create (finding.json): each export is a fresh evaluation, not an update of a stored finding.
const ACTIVITY_ID = 1;

// base_event severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical.
const SEVERITY: Record<Severity, { id: number; name: string }> = {
  informational: { id: 1, name: 'Informational' },
  low: { id: 2, name: 'Low' },
  medium: { id: 3, name: 'Medium' },
  high: { id: 4, name: 'High' },
  critical: { id: 5, name: 'Critical' },
};

// compliance.status_id: 1 Pass, 2 Warning ("did not yield a result due to missing information"), 3 Fail.
const COMPLIANCE_STATUS: Record<CheckStatus, { id: number; name: string }> = {
  pass: { id: 1, name: 'Pass' },
  manual: { id: 2, name: 'Warning' },
  error: { id: 2, name: 'Warning' },
  fail: { id: 3, name: 'Fail' },
};

/** The standard every PatchWarden check maps to (its citations are the requirements). */
export const HIPAA_STANDARD = 'HIPAA Security Rule';

/** The OCSF events for the input, as a JSON array string. */
export function toOcsf(input: ExportInput): string {
  const checkOf = checkLookup(input.checks);
  const events = input.results.map((r) => ocsfEvent(input, r, checkOf(r.checkId)));
  return `${JSON.stringify(events, null, 2)}\n`;
}

/** One Compliance Finding event for one result. */
export function ocsfEvent(input: ExportInput, r: CheckResult, check: PostureCheck): Record<string, unknown> {
  const severity = SEVERITY[check.severity];
  const compliance = COMPLIANCE_STATUS[r.status];
  const time = input.generatedAt.getTime(); // timestamp_t: milliseconds since the epoch
  const partition = input.snapshot.provider === 'aws' ? awsPartition(r.resourceId) : undefined;
  const remediation: Record<string, unknown> = { desc: check.remediation.text };
  if (check.remediation.url !== undefined) remediation.references = [check.remediation.url];
  return {
    activity_id: ACTIVITY_ID,
    activity_name: 'Create',
    category_uid: CATEGORY_UID,
    category_name: 'Findings',
    class_uid: CLASS_UID,
    class_name: 'Compliance Finding',
    type_uid: CLASS_UID * 100 + ACTIVITY_ID, // base_event: type_uid = class_uid * 100 + activity_id
    type_name: 'Compliance Finding: Create',
    severity_id: severity.id,
    severity: severity.name,
    // finding.json status_id 1 = New: the finding is yet to be reviewed (triage happens downstream).
    status_id: 1,
    status: 'New',
    time,
    message: r.message,
    metadata: {
      version: OCSF_VERSION,
      // `cloud` (and resources[].region / cloud_partition) belong to the cloud profile, which an
      // event must declare to carry them.
      profiles: [...OCSF_PROFILES],
      product: {
        name: 'PatchWarden',
        vendor_name: 'PatchWarden',
        ...(input.productUri !== undefined ? { url_string: input.productUri } : {}),
      },
      ...(input.snapshot.id !== undefined ? { correlation_uid: input.snapshot.id } : {}),
    },
    finding_info: {
      uid: r.findingId,
      title: check.title,
      desc: check.risk,
      types: ['Posture Check', check.resourceType],
      created_time: time,
    },
    compliance: {
      standards: [HIPAA_STANDARD],
      requirements: [...check.citations],
      control: check.id,
      status_id: compliance.id,
      status: compliance.name,
      ...statusDetail(r),
    },
    remediation,
    resources: [
      {
        uid: r.resourceId,
        type: r.resourceType,
        region: r.region,
        ...(partition !== undefined ? { cloud_partition: partition } : {}),
      },
    ],
    cloud: {
      provider: input.snapshot.provider === 'aws' ? 'AWS' : 'Azure',
      account: { uid: r.account },
      region: r.region,
    },
    unmapped: { check_id: r.checkId, collected_at: input.snapshot.collectedAt, evidence: r.evidence },
  };
}

// manual and error both map to Warning; status_detail keeps them apart for the reader.
function statusDetail(r: CheckResult): { status_detail?: string } {
  if (r.status === 'manual') return { status_detail: `manual review required: ${r.message}` };
  if (r.status === 'error') return { status_detail: `not evaluated: ${r.message}` };
  return {};
}
