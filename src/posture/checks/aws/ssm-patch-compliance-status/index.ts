/**
 * Systems Manager managed nodes are patch-compliant: no patch of their baseline Missing, Failed,
 * InstalledPendingReboot or InstalledRejected, whatever its severity (AWS Config
 * EC2_MANAGEDINSTANCE_PATCH_COMPLIANCE_STATUS_CHECK; Prowler ssm_managed_compliant_patching).
 * ssm-patch-compliance fails only on critical or security patches; this is the anchors' stricter
 * reading. Read off the Config item's `ComplianceSummary.Status` (ssm-config-items.ts).
 */
import { listingErrors, type PostureCheck, resourcesOf, result } from '../../../check.js';

import { obj, unreadable } from '../_shared/util.js';

const COUNTS = [
  'missingCount',
  'failedCount',
  'installedPendingRebootCount',
  'installedRejectedCount',
] as const;

export const check: PostureCheck = {
  id: 'ssm-patch-compliance-status',
  provider: 'aws',
  title: 'Managed instances comply with their patch baseline',
  severity: 'medium',
  resourceType: 'AWS::SSM::PatchCompliance',
  citations: ['164.308(a)(5)(ii)(B)', '164.308(a)(1)(ii)(B)'],
  risk: 'Patches the baseline approved but that are missing, failed or awaiting a reboot leave known defects in hosts near ePHI; the lower-severity ones are still steps in attack chains.',
  remediation: {
    text: 'Systems Manager → Patch Manager → Compliance reporting: for each non-compliant node run "Patch now" (Scan and install), reboot where patches wait for it, and fix failed installations; keep a patch policy scheduled.',
    cli: 'aws ssm send-command --document-name AWS-RunPatchBaseline --targets Key=InstanceIds,Values=INSTANCE_ID --parameters Operation=Install,RebootOption=RebootIfNeeded',
    terraform:
      'resource "aws_ssm_association" "patch" {\n  name                = "AWS-RunPatchBaseline"\n  schedule_expression = "rate(7 days)"\n  parameters = { Operation = "Install", RebootOption = "RebootIfNeeded" }\n  targets {\n    key    = "tag:PatchGroup"\n    values = ["prod"]\n  }\n}',
  },
  evaluate(snapshot) {
    const out = resourcesOf(snapshot, 'AWS::SSM::PatchCompliance').map((r) => {
      const summary = obj(
        obj(obj(obj(r.configuration['AWS:ComplianceItem'])?.Content)?.Patch)?.ComplianceSummary,
      );
      const status = summary?.Status;
      if (status !== 'COMPLIANT' && status !== 'NON_COMPLIANT')
        return unreadable(check, snapshot, r, 'ssm', 'patch compliance summary');
      const state = obj(r.supplementary.patchState) ?? {};
      const counts = Object.fromEntries(COUNTS.map((k) => [k, state[k] ?? null]));
      const evidence = { instanceId: r.name, status, ...counts };
      if (status === 'COMPLIANT')
        return result(check, r, 'pass', 'Compliant with its patch baseline', evidence);
      const detail = COUNTS.filter((k) => typeof state[k] === 'number' && (state[k] as number) > 0)
        .map(
          (k) =>
            `${String(state[k])} ${k
              .replace(/Count$/, '')
              .replace(/([A-Z])/g, ' $1')
              .toLowerCase()}`,
        )
        .join(', ');
      return result(
        check,
        r,
        'fail',
        `Not compliant with its patch baseline${detail ? `: ${detail}` : ''}`,
        evidence,
      );
    });
    return [
      ...out,
      ...listingErrors(
        check,
        snapshot,
        'ssm',
        ['DescribeInstanceInformation', 'DescribeInstancePatchStates'],
        'patch-compliance/*',
      ),
    ];
  },
};
