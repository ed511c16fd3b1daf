/**
 * Systems Manager patch compliance (pattern #24): an instance's `AWS::SSM::PatchCompliance` item
 * with critical or security patches missing or failed fails. EC2 instances without a patch state
 * (not managed by SSM, or never scanned) are `manual`: nothing says whether they are patched.
 */
import type { CloudResource } from '../../../../core/cloud.js';
import type { PostureCheck } from '../../../check.js';
import { operationGap, resourcesOf, result } from '../../../check.js';
import { num, rec, scoped, str } from '../_compute/util.js';

const TYPE = 'AWS::SSM::PatchCompliance';
// States that leave a patch uninstalled (SSM User Guide, "Patch compliance state values").
const BAD_STATES = new Set(['Missing', 'Failed']);
const CRITICAL_SEVERITY = new Set(['critical']);
// Linux classification `Security`, Windows `SecurityUpdates` / `CriticalUpdates`.
const SECURITY_CLASSES = new Set(['security', 'securityupdates', 'criticalupdates']);

interface Offending {
  id: string;
  title?: string;
  state: string;
  severity?: string;
  classification?: string;
  cves?: string;
}

/** The critical or security patches of a compliance item that are missing or failed. */
function offending(r: CloudResource): Offending[] {
  const patch = rec(rec(rec(r.configuration['AWS:ComplianceItem'])?.Content)?.Patch) ?? {};
  return Object.entries(patch).flatMap(([key, v]) => {
    const p = rec(v);
    if (key === 'ComplianceSummary' || !p) return [];
    const state = str(p.PatchState) ?? '';
    const severity = str(p.PatchSeverity);
    const classification = str(p.Classification);
    const important =
      CRITICAL_SEVERITY.has((severity ?? '').toLowerCase()) ||
      SECURITY_CLASSES.has((classification ?? '').toLowerCase());
    if (!BAD_STATES.has(state) || !important) return [];
    const out: Offending = { id: str(p.Id) ?? key, state };
    const title = str(p.Title);
    const cves = str(p.CVEIds);
    if (title) out.title = title;
    if (severity) out.severity = severity;
    if (classification) out.classification = classification;
    if (cves) out.cves = cves;
    return [out];
  });
}

export const check: PostureCheck = {
  id: 'ssm-patch-compliance',
  provider: 'aws',
  title: 'Instances have no missing or failed critical or security patches',
  severity: 'high',
  resourceType: TYPE,
  citations: ['164.308(a)(5)(ii)(B)', '164.308(a)(1)(ii)(B)', '164.308(a)(1)(ii)(A)'],
  risk: 'Missing or failed critical and security patches leave known, often actively exploited vulnerabilities on hosts that process ePHI; unmanaged instances have no patch evidence at all.',
  remediation: {
    text: 'Systems Manager → Patch Manager: run "Patch now" (Scan and install) for the instance, investigate failed patches, and schedule a patch policy (Quick Setup) for its patch group. Install the SSM Agent and an instance profile with AmazonSSMManagedInstanceCore on unmanaged instances.',
    cli: 'aws ssm send-command --document-name AWS-RunPatchBaseline --targets Key=InstanceIds,Values=<instance-id> --parameters Operation=Install,RebootOption=RebootIfNeeded\naws ssm describe-instance-patches --instance-id <instance-id> --filters Key=State,Values=Missing,Failed',
    terraform:
      'resource "aws_ssm_association" "patch" {\n  name                = "AWS-RunPatchBaseline"\n  schedule_expression = "rate(7 days)"\n  parameters = { Operation = "Install" }\n  targets {\n    key    = "tag:PatchGroup"\n    values = ["prod-linux"]\n  }\n}',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-manager.html',
  },
  evaluate(snapshot) {
    const items = resourcesOf(snapshot, TYPE);
    const covered = new Set(items.map((r) => scoped(r, r.name)));
    const out = items.map((r) => {
      const bad = offending(r);
      const state = rec(r.supplementary.patchState) ?? {};
      const critical = num(state.criticalNonCompliantCount) ?? 0;
      const security = num(state.securityNonCompliantCount) ?? 0;
      const summary = rec(
        rec(rec(rec(r.configuration['AWS:ComplianceItem'])?.Content)?.Patch)?.ComplianceSummary,
      );
      const evidence = {
        instanceId: r.name,
        status: summary?.Status,
        criticalNonCompliantCount: state.criticalNonCompliantCount,
        securityNonCompliantCount: state.securityNonCompliantCount,
        missingCount: state.missingCount,
        failedCount: state.failedCount,
        patches: bad,
      };
      if (bad.length > 0 || critical + security > 0) {
        const n = Math.max(bad.length, critical + security);
        return result(check, r, 'fail', `${n} critical or security patch(es) missing or failed.`, evidence);
      }
      return result(check, r, 'pass', 'No critical or security patch is missing or failed.', evidence);
    });
    for (const i of resourcesOf(snapshot, 'AWS::EC2::Instance')) {
      const id = str(i.configuration.instanceId);
      if (!id || covered.has(scoped(i, id))) continue;
      const evidence = { instanceId: id, state: rec(i.configuration.state)?.name };
      const gap = operationGap(
        snapshot,
        'ssm',
        ['DescribeInstanceInformation', 'DescribeInstancePatchStates'],
        i.account,
        i.region,
      );
      out.push(
        gap
          ? result(check, i, 'error', `Patch state could not be read: ${gap}.`, { ...evidence, gap })
          : result(
              check,
              i,
              'manual',
              'No patch state: the instance is not managed by Systems Manager or was never scanned.',
              evidence,
            ),
      );
    }
    return out;
  },
};
