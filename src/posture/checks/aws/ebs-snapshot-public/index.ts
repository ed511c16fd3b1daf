/**
 * EBS snapshots the account owns are not public: their createVolumePermission does not include
 * the group `all`. Account ids in it share the snapshot with those accounts only; the evidence
 * lists them. Anchors: AWS Config `EBS_SNAPSHOT_PUBLIC_RESTORABLE_CHECK` and Prowler
 * `ec2_ebs_public_snapshot`. The collector bounds how many private snapshots it reads but always
 * reads the public ones (ebs-snapshots.ts), so no public snapshot goes unjudged.
 */
import { listingErrors, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { list, record, str } from '../../../read.js';
import { has } from '../_shared/util.js';
import { phiEvidence, unreadableBy } from '../_stores/util.js';

const TYPE = 'AWS::EC2::Snapshot';

export const check: PostureCheck = {
  id: 'ebs-snapshot-public',
  provider: 'aws',
  title: 'EBS snapshots are not publicly restorable',
  severity: 'critical',
  resourceType: TYPE,
  citations: ['164.312(a)(1)', '164.308(a)(3)(i)', '164.308(a)(1)(ii)(B)'],
  risk: 'Any AWS account can create a volume from a public snapshot and read the disk, including any ePHI, logs and credentials on it.',
  remediation: {
    text: 'EC2 console → Snapshots → snapshot → Actions → Snapshot settings → Modify permissions → Private (keep only the account ids that must use it). Turn on "Block public access for snapshots" in EC2 → Data protection and security.',
    cli: 'aws ec2 modify-snapshot-attribute --snapshot-id SNAPSHOT_ID --attribute createVolumePermission --operation-type remove --group-names all\naws ec2 enable-snapshot-block-public-access --state block-all-sharing',
    terraform: 'resource "aws_ebs_snapshot_block_public_access" "this" {\n  state = "block-all-sharing"\n}',
  },
  evaluate(snapshot) {
    const snapshots = resourcesOf(snapshot, TYPE).map((s) => {
      if (!has(s, 'createVolumePermissions'))
        return unreadableBy(
          check,
          snapshot,
          s,
          'ec2',
          'DescribeSnapshotAttribute',
          'create-volume permissions',
        );
      const permissions = list(s.supplementary.createVolumePermissions).map((p) => record(p) ?? {});
      const accounts = permissions.flatMap((p) => (str(p.userId) ? [p.userId as string] : []));
      const open = permissions.some((p) => p.group === 'all');
      const evidence = {
        public: open,
        sharedWith: accounts,
        encrypted: s.configuration.encrypted ?? null,
        phi: phiEvidence(s),
      };
      if (open)
        return result(
          check,
          s,
          'fail',
          'The snapshot is public: any AWS account can create a volume from it.',
          evidence,
        );
      return result(
        check,
        s,
        'pass',
        accounts.length > 0 ? `Shared with ${accounts.join(', ')} only.` : 'The snapshot is private.',
        evidence,
      );
    });
    return [...snapshots, ...listingErrors(check, snapshot, 'ec2', ['DescribeSnapshots'], 'snapshot/*')];
  },
};
