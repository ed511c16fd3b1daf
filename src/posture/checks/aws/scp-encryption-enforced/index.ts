/**
 * The organization enforces encryption with service control policies: an SCP attached to the
 * root, an OU or an account denies unencrypted writes — S3 uploads without server-side
 * encryption, unencrypted EBS volumes, unencrypted RDS instances (guarantees.ts reads the
 * statements). POSTURE-ANCHORS.md seed pattern #23; no anchor pack inspects SCP content (Prowler
 * `organizations_scp_check_deny_regions` only reads region denies). Per-resource checks
 * (s3-bucket-default-encryption, ebs-volume-encrypted, rds-storage-encrypted) find what is
 * unencrypted today; an SCP stops the next one being created, in every account, whoever asks.
 *
 * Judged once per organization, on its management account (where the collector reads SCPs);
 * `pass` when all three guarantees are enforced, `fail` naming the missing ones. Attachment
 * anywhere counts: the evidence lists each policy's targets so a reader sees whether an OU-level
 * policy covers the PHI accounts. Where SCPs could not be read — a member account whose
 * management account is not in this collection, ListPolicies denied, an account in no
 * organization, a policy whose content or targets were denied while a guarantee is missing —
 * the result is `manual` with the reason, never pass or fail. The organization data is the
 * collector's `AWS::Organizations::AccountMembership` marker (organizations.ts).
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { type CheckResult, gapFor, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { list, record, str } from '../../../read.js';
import { accountSubject } from '../_shared/util.js';
import { type Enforcement, enforcementsOf, GUARANTEES, type GuaranteeId } from './guarantees.js';

const MEMBERSHIP = 'AWS::Organizations::AccountMembership';
const POLICY = 'AWS::Organizations::Policy';

export const check: PostureCheck = {
  id: 'scp-encryption-enforced',
  provider: 'aws',
  title: 'Service control policies deny unencrypted writes',
  severity: 'medium',
  resourceType: 'AWS::::Account',
  citations: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)', '164.308(a)(1)(ii)(B)'],
  risk: 'Without an organization-wide deny, any account, role or pipeline can still create an unencrypted volume, database or object holding ePHI; per-resource checks only find it afterwards.',
  remediation: {
    text: 'In the management account: AWS Organizations → Policies → Service control policies → Create policy with Deny statements for s3:PutObject without s3:x-amz-server-side-encryption (Null = true), ec2:CreateVolume with ec2:Encrypted = false and rds:CreateDBInstance with rds:StorageEncrypted = false; attach it to the root or the OUs holding PHI accounts.',
    cli: 'aws organizations create-policy --type SERVICE_CONTROL_POLICY --name deny-unencrypted-writes --description "Require encryption" --content file://deny-unencrypted.json && aws organizations attach-policy --policy-id POLICY_ID --target-id ROOT_OR_OU_ID',
    terraform:
      'resource "aws_organizations_policy" "encryption" {\n  name    = "deny-unencrypted-writes"\n  type    = "SERVICE_CONTROL_POLICY"\n  content = data.aws_iam_policy_document.deny_unencrypted.json\n}\n\nresource "aws_organizations_policy_attachment" "root" {\n  policy_id = aws_organizations_policy.encryption.id\n  target_id = aws_organizations_organization.this.roots[0].id\n}',
  },
  evaluate(snapshot) {
    return snapshot.accounts.flatMap((account) => judgeAccount(snapshot, account));
  },
};

function judgeAccount(snapshot: CloudSnapshot, account: string): CheckResult[] {
  const subject = accountSubject(account);
  const manual = (message: string, evidence: Record<string, unknown> = {}) => [
    result(check, subject, 'manual', message, evidence),
  ];
  const marker = resourcesOf(snapshot, MEMBERSHIP).find((r) => r.account === account);
  const gap = gapFor(snapshot, 'organizations', account);
  if (marker === undefined)
    return gap === undefined ? [] : manual(`Organization data could not be read (${gap})`);
  const organization = marker.configuration.organization;
  if (organization === null)
    return manual(
      'The account is in no AWS Organization, so no SCP can apply; encryption rests on per-resource settings',
    );
  const org = record(organization);
  const management = str(org?.masterAccountId);
  if (management !== undefined && management !== account) {
    if (snapshot.accounts.includes(management)) return [];
    return manual(
      `SCPs are readable only from the management account ${management}, which this collection does not include`,
      { organizationId: org?.id ?? null, managementAccount: management },
    );
  }
  if (marker.configuration.policiesRead !== true)
    return manual(`SCPs could not be read (${gap ?? 'ListPolicies not in the snapshot'})`);
  return [judgePolicies(snapshot, subject, org)];
}

interface Holder {
  policy: string;
  id: string;
  targets: unknown[];
  sid: string | null;
  alsoRequires: string[];
}

function judgePolicies(
  snapshot: CloudSnapshot,
  subject: CloudResource,
  org: Record<string, unknown> | undefined,
): CheckResult {
  const policies = resourcesOf(snapshot, POLICY).filter((r) => r.account === subject.account);
  const unreadable = policies.filter(
    (p) => record(p.configuration.content) === undefined || !Array.isArray(p.configuration.targetIds),
  );
  const enforcedBy = new Map<GuaranteeId, Holder[]>(GUARANTEES.map((g) => [g.id, []]));
  const unattached = new Map<GuaranteeId, string[]>(GUARANTEES.map((g) => [g.id, []]));
  for (const p of policies) {
    const content = record(p.configuration.content);
    if (content === undefined || !Array.isArray(p.configuration.targetIds)) continue;
    const attached = p.configuration.targetIds.length > 0;
    for (const e of enforcementsOf(content)) {
      if (attached) enforcedBy.get(e.guarantee)?.push(holder(p, e));
      else unattached.get(e.guarantee)?.push(p.name);
    }
  }
  const missing = GUARANTEES.filter((g) => (enforcedBy.get(g.id) ?? []).length === 0);
  const evidence = {
    organizationId: org?.id ?? null,
    guarantees: Object.fromEntries(
      GUARANTEES.map((g) => [
        g.id,
        {
          requirement: g.label,
          enforced: (enforcedBy.get(g.id) ?? []).length > 0,
          enforcedBy: enforcedBy.get(g.id) ?? [],
          unattachedPolicies: unattached.get(g.id) ?? [],
        },
      ]),
    ),
    unreadablePolicies: unreadable.map((p) => p.name),
  };
  if (missing.length === 0)
    return result(
      check,
      subject,
      'pass',
      'Attached SCPs deny unencrypted S3 uploads, EBS volumes and RDS instances',
      evidence,
    );
  const names = missing.map((g) => g.id).join(', ');
  if (unreadable.length > 0)
    return result(
      check,
      subject,
      'manual',
      `Not enforced by the readable SCPs: ${names}; ${unreadable.length} SCPs could not be read (${gapFor(snapshot, 'organizations', subject.account) ?? 'content or targets missing'})`,
      evidence,
    );
  return result(check, subject, 'fail', `No attached SCP enforces: ${names}`, evidence);
}

function holder(p: CloudResource, e: Enforcement): Holder {
  // Target details when ListTargetsForPolicy gave them, else the bare ids.
  const detailed = list(p.supplementary.targets).map((t) => {
    const o = record(t);
    return o === undefined ? t : { targetId: o.targetId ?? null, name: o.name ?? null, type: o.type ?? null };
  });
  const targets = detailed.length > 0 ? detailed : list(p.configuration.targetIds);
  return { policy: p.name, id: p.id, targets, sid: e.sid, alsoRequires: e.alsoRequires };
}
