/**
 * Every EBS volume — root volumes of long-running instances included, which predate encryption by
 * default and are the usual survivors (pattern #6) — is encrypted. A volume attached to a PHI
 * instance is reported with `phi: true` and a raised `effectiveSeverity`.
 */
import type { PostureCheck } from '../../../check.js';
import { listingErrors, operationGap, resourcesOf, result } from '../../../check.js';
import { indexBy, isPhi, list, rec, scoped, str } from '../_compute/util.js';

const TYPE = 'AWS::EC2::Volume';

export const check: PostureCheck = {
  id: 'ebs-volume-encrypted',
  provider: 'aws',
  title: 'EBS volumes are encrypted at rest',
  severity: 'high',
  resourceType: TYPE,
  citations: ['164.312(a)(2)(iv)', '164.310(d)(1)', '164.308(a)(1)(ii)(B)'],
  risk: 'An unencrypted volume, its snapshots and any copy of them expose ePHI to anyone who obtains the snapshot or the media; root volumes of old instances often carry application data and logs.',
  remediation: {
    text: 'Volumes cannot be encrypted in place: snapshot the volume, copy the snapshot with encryption (KMS key), create a volume from it and swap it in (for a root volume: stop the instance, detach, attach the encrypted one as the root device). Turn on EBS encryption by default so new volumes are encrypted.',
    cli: 'aws ec2 create-snapshot --volume-id <vol-id>\naws ec2 copy-snapshot --source-region <region> --source-snapshot-id <snap-id> --encrypted --kms-key-id <key-arn>\naws ec2 create-volume --snapshot-id <encrypted-snap-id> --availability-zone <az>',
    terraform:
      'resource "aws_ebs_volume" "data" {\n  availability_zone = var.az\n  size              = 80\n  encrypted         = true\n  kms_key_id        = aws_kms_key.ebs.arn\n}',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
  },
  evaluate(snapshot) {
    const instances = indexBy(snapshot, 'AWS::EC2::Instance', 'instanceId');
    const out = resourcesOf(snapshot, TYPE).map((r) => {
      const attachments = list(r.configuration.attachments).flatMap((a) => {
        const o = rec(a);
        const instanceId = str(o?.instanceId);
        return instanceId ? [{ instanceId, device: str(o?.device) }] : [];
      });
      const attached = attachments.map((a) => ({ ...a, instance: instances.get(scoped(r, a.instanceId)) }));
      const unknown = attached.some((a) => a.instance === undefined);
      const phi = attached.some((a) => a.instance && isPhi(a.instance));
      const root = attached.some(
        (a) => a.device !== undefined && a.device === str(a.instance?.configuration.rootDeviceName),
      );
      const instanceGap = unknown
        ? operationGap(snapshot, 'ec2', ['DescribeInstances'], r.account, r.region)
        : undefined;
      const encrypted = r.configuration.encrypted;
      const evidence = {
        encrypted,
        kmsKeyId: r.configuration.kmsKeyId,
        attachedTo: attachments.map((a) => a.instanceId),
        rootVolume: root,
        phi: phi ? true : unknown ? 'unknown' : false,
        effectiveSeverity: phi ? 'critical' : 'high',
        ...(instanceGap !== undefined && { instanceGap }),
      };
      if (encrypted === true) return result(check, r, 'pass', 'The volume is encrypted.', evidence);
      if (encrypted === false) {
        const what = `${root ? 'root ' : ''}volume${phi ? ' attached to a PHI instance' : ''}`;
        return result(check, r, 'fail', `The ${what} is not encrypted.`, evidence);
      }
      return result(check, r, 'error', "The volume's encryption was not recorded.", evidence);
    });
    return [...out, ...listingErrors(check, snapshot, 'ec2', ['DescribeVolumes'], 'volume/*')];
  },
};
