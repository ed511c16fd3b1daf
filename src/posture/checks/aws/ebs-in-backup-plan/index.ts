/**
 * EBS volumes are backed up by an AWS Backup plan, either as volumes (a selection assigns the
 * volume ARN; by `*` or tags only when EBS is opted in) or as part of an attached instance that a
 * plan backs up (an EC2 backup is an AMI holding every attached volume).
 *
 * Anchor: AWS Config `EBS_IN_BACKUP_PLAN`, read from the plans' selections rather than from
 * recovery points. Counting the attached instance's plan is our addition: Config looks at the
 * volume's own assignment only, so it fails volumes that are in fact backed up with their
 * instance.
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { listingErrors, operationGap, type PostureCheck, resourcesOf } from '../../../check.js';
import { list, record, str } from '../../../read.js';
import { backupCoverage, type Coverage } from '../_stores/backup-coverage.js';
import { coverageResult, phiEvidence } from '../_stores/util.js';

const TYPE = 'AWS::EC2::Volume';

function instanceCoverage(snapshot: CloudSnapshot, v: CloudResource, instanceId: string): Coverage {
  const partition = v.id.split(':')[1] ?? 'aws';
  const arn = `arn:${partition}:ec2:${v.region}:${v.account}:instance/${instanceId}`;
  const instance = resourcesOf(snapshot, 'AWS::EC2::Instance').find((i) => i.id === arn);
  // An instance not in the snapshot has unknown tags: only ARN selections can decide.
  const subject = { arn, tags: instance?.tags ?? {}, tagsReadable: instance !== undefined };
  const coverage = backupCoverage(snapshot, v, subject, 'EC2');
  if (instance === undefined && coverage.status !== 'covered') {
    const gap = operationGap(snapshot, 'ec2', ['DescribeInstances'], v.account, v.region);
    const why = `instance ${instanceId} ${gap === undefined ? 'is not in the snapshot' : `could not be read (${gap})`}`;
    return { status: 'unknown', plans: [], reason: why };
  }
  return coverage;
}

export const check: PostureCheck = {
  id: 'ebs-in-backup-plan',
  provider: 'aws',
  title: 'EBS volumes are protected by an AWS Backup plan (directly or with their instance)',
  severity: 'medium',
  resourceType: TYPE,
  citations: ['164.308(a)(7)(ii)(A)', '164.310(d)(2)(iv)'],
  risk: 'A volume no backup plan covers, directly or through its instance, has no restorable copy: ePHI on it is lost with the volume.',
  remediation: {
    text: 'AWS Backup console → Backup plans → plan → Assign resources → include the volume (by ID, resource type EBS, or a tag it carries) or the instance it is attached to; with tag-only assignments, also opt EBS or EC2 in under Settings → Service opt-in.',
    cli: 'aws backup create-backup-selection --backup-plan-id PLAN_ID --backup-selection \'{"SelectionName":"ebs","IamRoleArn":"arn:aws:iam::ACCOUNT:role/service-role/AWSBackupDefaultServiceRole","Resources":["arn:aws:ec2:REGION:ACCOUNT:volume/VOLUME_ID"]}\'',
    terraform:
      'resource "aws_backup_selection" "ebs" {\n  name         = "ebs"\n  plan_id      = aws_backup_plan.phi.id\n  iam_role_arn = aws_iam_role.backup.arn\n  resources    = [aws_ebs_volume.data.arn]\n}',
  },
  evaluate(snapshot) {
    const volumes = resourcesOf(snapshot, TYPE).map((v) => {
      const own = backupCoverage(snapshot, v, { arn: v.id, tags: v.tags, tagsReadable: true }, 'EBS');
      const attachedTo = list(v.configuration.attachments).flatMap((a) => {
        const id = str(record(a)?.instanceId);
        return id ? [id] : [];
      });
      const evidence = { attachedTo, phi: phiEvidence(v) };
      if (own.status === 'covered') return coverageResult(check, v, 'volume', own, evidence);
      const viaInstances = attachedTo.map((id) => ({ id, coverage: instanceCoverage(snapshot, v, id) }));
      const covered = viaInstances.find((x) => x.coverage.status === 'covered');
      if (covered) {
        const plans = covered.coverage.plans;
        return coverageResult(
          check,
          v,
          'volume',
          { ...covered.coverage, plans },
          { ...evidence, backedUpWith: covered.id },
        );
      }
      const unknown = [own, ...viaInstances.map((x) => x.coverage)].filter((c) => c.status === 'unknown');
      if (unknown.length > 0)
        return coverageResult(
          check,
          v,
          'volume',
          { status: 'unknown', plans: [], reason: unknown.map((c) => c.reason).join('; ') },
          evidence,
        );
      const reason =
        attachedTo.length > 0 ? `${own.reason}, nor its instance ${attachedTo.join(', ')}` : own.reason;
      return coverageResult(check, v, 'volume', { status: 'not-covered', plans: [], reason }, evidence);
    });
    return [...volumes, ...listingErrors(check, snapshot, 'ec2', ['DescribeVolumes'], 'volume/*')];
  },
};
