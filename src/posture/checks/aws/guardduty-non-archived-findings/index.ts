/**
 * GuardDuty detectors hold no open high-severity findings: Prowler
 * `guardduty_no_high_severity_findings`. A finding left unarchived is one nobody has triaged;
 * 164.308(a)(6)(ii) asks that suspected incidents be identified and responded to.
 *
 * Reads `supplementary.highSeverityFindings` (non-archived findings of severity ≥ 7, the High and
 * Critical bands; the collector keeps the first page of ids). Prowler queries severity equal to 8
 * only (it predates the Critical band); ours counts everything from High up. Only what the
 * snapshot carries is judged: a detector without the key (ListFindings denied, or a snapshot from
 * another source) is an error, never a pass.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { list, record } from '../../../read.js';
import { has, unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'guardduty-non-archived-findings',
  provider: 'aws',
  title: 'GuardDuty has no open high-severity findings',
  severity: 'high',
  resourceType: 'AWS::GuardDuty::Detector',
  citations: ['164.308(a)(6)(ii)', '164.308(a)(1)(ii)(D)'],
  risk: 'An open high-severity GuardDuty finding is a likely compromise (stolen credentials, malware, exfiltration) that nobody has investigated; every day it stays open ePHI may be leaving.',
  remediation: {
    text: 'GuardDuty console → Findings → filter Severity High/Critical, not archived → investigate each, contain (rotate credentials, isolate the instance), then archive it with a note; add suppression rules only for understood benign patterns.',
    cli: 'aws guardduty list-findings --detector-id DETECTOR_ID --finding-criteria \'{"Criterion":{"severity":{"GreaterThanOrEqual":7},"service.archived":{"Equals":["false"]}}}\' && aws guardduty archive-findings --detector-id DETECTOR_ID --finding-ids FINDING_ID',
    terraform:
      '# Findings are triaged, not declared. Route them to responders:\nresource "aws_cloudwatch_event_rule" "guardduty_high" {\n  event_pattern = jsonencode({ source = ["aws.guardduty"], detail = { severity = [{ numeric = [">=", 7] }] } })\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::GuardDuty::Detector').map((d) => {
      if (!has(d, 'highSeverityFindings'))
        return unreadable(check, snapshot, d, 'guardduty', 'high-severity findings (ListFindings)');
      const found = record(d.supplementary.highSeverityFindings);
      const ids = list(found?.findingIds);
      const truncated = found?.truncated === true;
      const evidence = {
        findingIds: ids,
        truncated,
        minimumSeverity: 7,
        status: d.configuration.status ?? null,
      };
      if (ids.length === 0) return result(check, d, 'pass', 'No open high-severity findings', evidence);
      const count = truncated ? `at least ${ids.length}` : String(ids.length);
      return result(check, d, 'fail', `${count} open high-severity findings`, evidence);
    });
  },
};
