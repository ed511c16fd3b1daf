/**
 * Each account has a logging trail that records Amazon Bedrock API calls: write management events
 * (Bedrock's control plane is among them) or Bedrock data events (Prowler
 * cloudtrail_bedrock_logging_enabled, in Prowler's HIPAA mapping under 164.312(b)). Models and
 * agents fed clinical text are a new path to ePHI; their configuration changes and invocations
 * must be attributable. As in Prowler, any logging trail of the account counts, whatever its region.
 */
import { accountHasResources, operationGap, type PostureCheck, resourcesOf, result } from '../../../check.js';

import { recordsBedrock, selectorsOf, TRAIL_READS } from '../_hardening/trail-selectors.js';
import { accountSubject } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'cloudtrail-bedrock-logging',
  provider: 'aws',
  title: 'CloudTrail records Amazon Bedrock API calls',
  severity: 'low',
  resourceType: 'AWS::::Account',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  risk: 'Without a trail recording Bedrock calls, changes to models, agents and guardrails that may process ePHI, and who invoked them, leave no audit record.',
  remediation: {
    text: 'CloudTrail console → trail → Management events: include write events (and, to record model invocations, add Bedrock data events such as AWS::Bedrock::Model); make sure the trail is logging.',
    cli: 'aws cloudtrail put-event-selectors --trail-name TRAIL --event-selectors \'[{"ReadWriteType":"All","IncludeManagementEvents":true}]\' && aws cloudtrail start-logging --name TRAIL',
    terraform:
      'resource "aws_cloudtrail" "this" {\n  # …\n  event_selector {\n    read_write_type           = "All"\n    include_management_events = true\n  }\n}',
  },
  evaluate(snapshot) {
    const trails = resourcesOf(snapshot, 'AWS::CloudTrail::Trail');
    return snapshot.accounts.flatMap((account) => {
      const subject = accountSubject(account);
      const own = trails.filter((t) => t.account === account);
      const records = (t: (typeof own)[number]) => {
        const s = selectorsOf(t.supplementary);
        return t.configuration.isLogging === true && s !== undefined && recordsBedrock(s);
      };
      const evidence = {
        trails: own.map((t) => ({
          name: t.name,
          isLogging: t.configuration.isLogging ?? 'unreadable',
          selectorsRead: selectorsOf(t.supplementary) !== undefined,
          recordsBedrock: records(t),
        })),
      };
      const ok = own.find(records);
      if (ok !== undefined)
        return [result(check, subject, 'pass', `Trail ${ok.name} records Bedrock API calls`, evidence)];
      const trailGap = operationGap(snapshot, 'cloudtrail', TRAIL_READS, account);
      const unread =
        trailGap !== undefined ||
        own.some(
          (t) => selectorsOf(t.supplementary) === undefined || typeof t.configuration.isLogging !== 'boolean',
        );
      if (unread)
        return [
          result(
            check,
            subject,
            'error',
            trailGap ?? 'Trail status or event selectors not in the snapshot',
            evidence,
          ),
        ];
      if (own.length === 0 && !accountHasResources(snapshot, account)) return [];
      return [result(check, subject, 'fail', 'No logging trail records Bedrock API calls', evidence)];
    });
  },
};
