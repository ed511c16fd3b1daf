/** The account-level S3 public access block has all four settings on. */
import { type PostureCheck, resourcesOf, result } from '../../../check.js';
import { accountSubject, missingReason } from '../_shared/util.js';

const FLAGS = ['blockPublicAcls', 'ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'] as const;

export const check: PostureCheck = {
  id: 's3-account-public-access-block',
  provider: 'aws',
  title: 'S3 account-level public access block is fully enabled',
  severity: 'high',
  resourceType: 'AWS::S3::AccountPublicAccessBlock',
  citations: ['164.308(a)(3)(i)', '164.308(a)(4)(i)', '164.312(a)(1)'],
  risk: 'Without the account-wide block, any new bucket, ACL or policy can make ePHI public; it is the one switch that protects buckets created tomorrow.',
  remediation: {
    text: 'S3 console → Block Public Access settings for this account → Edit → turn on all four settings.',
    cli: 'aws s3control put-public-access-block --account-id ACCOUNT --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    terraform:
      'resource "aws_s3_account_public_access_block" "this" {\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
  },
  evaluate(snapshot) {
    const blocks = resourcesOf(snapshot, 'AWS::S3::AccountPublicAccessBlock');
    const out = blocks.map((r) => {
      const configured = r.supplementary.configured !== false;
      const values = Object.fromEntries(FLAGS.map((f) => [f, configured && r.configuration[f] === true]));
      const off = FLAGS.filter((f) => !values[f]);
      const evidence = { configured, ...values };
      if (!configured)
        return result(check, r, 'fail', 'No account-level public access block is configured', evidence);
      return off.length === 0
        ? result(check, r, 'pass', 'All four account-level settings are on', evidence)
        : result(check, r, 'fail', `Account-level settings off: ${off.join(', ')}`, evidence);
    });
    // An account whose block could not be read: say so, never pass it.
    for (const account of snapshot.accounts) {
      if (blocks.some((b) => b.account === account)) continue;
      const subject = accountSubject(account);
      if (!snapshot.gaps.some((g) => g.account === account && g.service === 's3')) continue;
      out.push(
        result(
          check,
          subject,
          'error',
          missingReason(snapshot, subject, 's3', 'account public access block'),
        ),
      );
    }
    return out;
  },
};
