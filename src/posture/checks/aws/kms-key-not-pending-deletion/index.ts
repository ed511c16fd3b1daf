/**
 * No customer-managed KMS key is scheduled for deletion (AWS Config
 * KMS_CMK_NOT_SCHEDULED_FOR_DELETION). Once the waiting period ends the key is gone, and with it
 * every ciphertext it protects — ePHI, backups, logs. AWS-managed keys cannot be scheduled for
 * deletion and give no result.
 */
import { listingErrors, type PostureCheck, resourcesOf, result } from '../../../check.js';

import { unreadable } from '../_shared/util.js';

const PENDING = new Set(['PendingDeletion', 'PendingReplicaDeletion']);

export const check: PostureCheck = {
  id: 'kms-key-not-pending-deletion',
  provider: 'aws',
  title: 'Customer-managed KMS keys are not scheduled for deletion',
  severity: 'high',
  resourceType: 'AWS::KMS::Key',
  citations: ['164.312(a)(2)(iv)', '164.308(a)(7)(ii)(A)', '164.312(c)(1)'],
  risk: 'When a scheduled key is deleted, all data encrypted under it — including ePHI and its backups — becomes permanently unreadable; scheduling is also a known ransom and sabotage move.',
  remediation: {
    text: 'KMS console → Customer managed keys → key → Key actions → Cancel key deletion (then re-enable the key). Confirm with the owners that nothing still needs it before letting a deletion proceed.',
    cli: 'aws kms cancel-key-deletion --key-id KEY_ID && aws kms enable-key --key-id KEY_ID',
    terraform:
      'resource "aws_kms_key" "phi" {\n  # …\n  deletion_window_in_days = 30\n  lifecycle { prevent_destroy = true }\n}',
  },
  evaluate(snapshot) {
    const out = resourcesOf(snapshot, 'AWS::KMS::Key').flatMap((k) => {
      const manager = k.configuration.keyManager;
      if (manager === 'AWS') return [];
      const state = k.configuration.keyState;
      if (manager === undefined || typeof state !== 'string')
        return [unreadable(check, snapshot, k, 'kms', 'key metadata (DescribeKey)')];
      const evidence = { keyState: state, deletionDate: k.configuration.deletionDate ?? null };
      return PENDING.has(state)
        ? [
            result(
              check,
              k,
              'fail',
              `Scheduled for deletion (${String(evidence.deletionDate ?? 'date unknown')})`,
              evidence,
            ),
          ]
        : [result(check, k, 'pass', `Key state ${state}`, evidence)];
    });
    return [...out, ...listingErrors(check, snapshot, 'kms', ['ListKeys'], 'key/*')];
  },
};
