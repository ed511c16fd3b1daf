/**
 * CloudTrail trails deliver to CloudWatch Logs, and did so in the 24 hours before collection
 * (AWS Config CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED asks for the log group; Prowler
 * cloudtrail_cloudwatch_logging_enabled also for a delivery within a day). Delivery to CloudWatch
 * is what lets metric filters and alarms react to activity on ePHI while it happens, rather than
 * when someone reads the S3 archive.
 */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { daysBetween, has, obj, unreadable } from '../_shared/util.js';

const MAX_SILENCE_DAYS = 1;

export const check: PostureCheck = {
  id: 'cloudtrail-cloudwatch-logs',
  provider: 'aws',
  title: 'CloudTrail trails deliver events to CloudWatch Logs',
  severity: 'medium',
  resourceType: 'AWS::CloudTrail::Trail',
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)', '164.308(a)(6)(ii)'],
  risk: 'A trail that only writes to S3 cannot drive real-time alarms, so unauthorised access to ePHI or tampering with security controls goes unnoticed until someone reads the archive.',
  remediation: {
    text: 'CloudTrail console → trail → CloudWatch Logs → Edit → Enabled, choose or create a log group and an IAM role that CloudTrail can assume to write to it; then confirm "Last log delivered" updates.',
    cli: 'aws cloudtrail update-trail --name TRAIL --cloud-watch-logs-log-group-arn arn:aws:logs:REGION:ACCOUNT:log-group:cloudtrail:* --cloud-watch-logs-role-arn arn:aws:iam::ACCOUNT:role/CloudTrailToCloudWatch',
    terraform:
      'resource "aws_cloudtrail" "this" {\n  # …\n  cloud_watch_logs_group_arn = format("%s:*", aws_cloudwatch_log_group.trail.arn)\n  cloud_watch_logs_role_arn  = aws_iam_role.trail_to_cwl.arn\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::CloudTrail::Trail').map((t) => {
      const group = t.configuration.cloudWatchLogsLogGroupArn;
      if (typeof group !== 'string' || group === '')
        return result(check, t, 'fail', 'No CloudWatch Logs log group is configured', {
          cloudWatchLogsLogGroupArn: null,
        });
      if (!has(t, 'trailStatus'))
        return unreadable(check, snapshot, t, 'cloudtrail', 'trail status (GetTrailStatus)');
      const status = obj(t.supplementary.trailStatus) ?? {};
      const last = status.latestCloudWatchLogsDeliveryTime;
      const evidence = {
        cloudWatchLogsLogGroupArn: group,
        latestCloudWatchLogsDeliveryTime: last ?? null,
        latestCloudWatchLogsDeliveryError: status.latestCloudWatchLogsDeliveryError ?? null,
        isLogging: t.configuration.isLogging ?? null,
      };
      const silence = typeof last === 'string' ? daysBetween(last, snapshot.collectedAt) : Number.NaN;
      if (Number.isNaN(silence))
        return result(check, t, 'fail', `Configured for ${group} but nothing was ever delivered`, evidence);
      return silence <= MAX_SILENCE_DAYS
        ? result(check, t, 'pass', `Delivering to ${group}`, evidence)
        : result(
            check,
            t,
            'fail',
            `Configured for ${group} but no delivery in the ${Math.floor(silence)} days before collection`,
            evidence,
          );
    });
  },
};
