/** Tiny inline posture run shared by the export specs: every status, and one hostile resource. */
import type { CheckResult, CheckStatus, PostureCheck } from '../check.js';
import { findingId } from '../check.js';
import type { ExportInput } from './input.js';

const noEvaluate = (): CheckResult[] => [];

export const CHECKS: readonly PostureCheck[] = [
  {
    id: 's3-bucket-encrypted',
    provider: 'aws',
    title: 'S3 buckets encrypt data at rest',
    severity: 'high',
    resourceType: 'AWS::S3::Bucket',
    citations: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
    risk: 'Unencrypted PHI at rest is readable by anyone who obtains the storage.',
    remediation: {
      text: 'Enable default encryption with SSE-KMS.',
      cli: 'aws s3api put-bucket-encryption --bucket NAME ...',
      url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html',
    },
    evaluate: noEvaluate,
  },
  {
    id: 'iam-password-policy',
    provider: 'aws',
    title: 'IAM password policy meets the organisation minimum',
    severity: 'low',
    resourceType: 'AWS::IAM::AccountPasswordPolicy',
    citations: ['164.308(a)(5)(ii)(D)'],
    risk: 'Weak passwords are guessed.',
    remediation: { text: 'Set a password policy with <length> >= 14 & rotation.' },
    evaluate: noEvaluate,
  },
];

export const HOSTILE_ID = `=HYPERLINK("http://x","a,b")\n<script>alert('x')</script>`;

function res(
  checkId: string,
  status: CheckStatus,
  id: string,
  message: string,
  resourceType = 'AWS::S3::Bucket',
  region = 'us-east-1',
): CheckResult {
  return {
    findingId: findingId(checkId, { account: '111122223333', region, id }),
    checkId,
    status,
    account: '111122223333',
    region,
    resourceId: id,
    resourceType,
    message,
    evidence: { serverSideEncryption: status === 'pass' },
  };
}

export const RESULTS: readonly CheckResult[] = [
  res('s3-bucket-encrypted', 'pass', 'arn:aws:s3:::good-bucket', 'bucket encrypts with SSE-KMS'),
  res('s3-bucket-encrypted', 'fail', 'arn:aws:s3:::phi-bucket', 'bucket has no default encryption'),
  res('s3-bucket-encrypted', 'fail', HOSTILE_ID, 'name with "quotes", commas\r\nand <b>tags</b>'),
  res('s3-bucket-encrypted', 'error', 'arn:aws:s3:::locked', 'GetBucketEncryption: AccessDenied'),
  res(
    'iam-password-policy',
    'manual',
    'arn:aws:iam::111122223333:root',
    'password policy is managed by the identity provider',
    'AWS::IAM::AccountPasswordPolicy',
    'global',
  ),
];

export const INPUT: ExportInput = {
  snapshot: {
    id: 'snap-1',
    provider: 'aws',
    collectedAt: '2026-01-02T03:04:05.000Z',
    accounts: ['111122223333'],
  },
  results: RESULTS,
  checks: CHECKS,
  generatedAt: new Date('2026-01-02T04:00:00.000Z'),
  productUri: 'https://patchwarden.example/docs',
};
