/** CloudTrail trails have log file integrity validation (digest files) enabled. */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { unreadable } from '../_shared/util.js';

export const check: PostureCheck = {
  id: 'cloudtrail-log-file-validation',
  provider: 'aws',
  title: 'CloudTrail log file validation is enabled',
  severity: 'medium',
  resourceType: 'AWS::CloudTrail::Trail',
  citations: ['164.312(c)(1)', '164.312(b)', '164.312(c)(2)'],
  risk: 'Without digest files nobody can prove the audit trail was not altered or deleted after the fact, which undermines audit evidence about ePHI access.',
  remediation: {
    text: 'CloudTrail console → trail → General details → Edit → Log file validation: Enabled.',
    cli: 'aws cloudtrail update-trail --name TRAIL --enable-log-file-validation',
    terraform: 'resource "aws_cloudtrail" "this" {\n  # …\n  enable_log_file_validation = true\n}',
  },
  evaluate(snapshot) {
    return resourcesOf(snapshot, 'AWS::CloudTrail::Trail').map((t) => {
      // DescribeTrails always answers the flag: absent means the item was not read in full.
      if (typeof t.configuration.logFileValidationEnabled !== 'boolean')
        return unreadable(check, snapshot, t, 'cloudtrail', 'logFileValidationEnabled');
      const v = t.configuration.logFileValidationEnabled === true;
      const evidence = { logFileValidationEnabled: v };
      return v
        ? result(check, t, 'pass', 'Log file validation is enabled', evidence)
        : result(check, t, 'fail', 'Log file validation is disabled', evidence);
    });
  },
};
