/**
 * Which resources the tag checks judge: AWS resources a person tags. Derived resources (account
 * settings, SSM items) carry no tags of their own, and ECR images repeat their repository's tags,
 * so judging them would only repeat a repository's finding.
 */

import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { operationGap } from '../../../check.js';

const UNTAGGABLE = new Set([
  'AWS::EC2::EBSEncryptionByDefault',
  'AWS::SSM::ManagedInstanceInventory',
  'AWS::SSM::PatchCompliance',
  'AWS::ECR::Image',
  'AWS::S3::AccountPublicAccessBlock',
  'AWS::IAM::PasswordPolicy',
  'AWS::IAM::RootAccount',
]);

/** Whether the tag checks should judge this resource. */
export function taggable(r: CloudResource): boolean {
  return r.provider === 'aws' && !UNTAGGABLE.has(r.type);
}

// Where a type's tags come from a separate call that can be denied on its own.
const TAG_READS: Record<string, [service: string, operations: string[]]> = {
  'AWS::Lambda::Function': ['lambda', ['ListTags']],
  'AWS::ECR::Repository': ['ecr', ['ListTagsForResource']],
  'AWS::S3::Bucket': ['s3', ['GetBucketTagging']],
};

/** Why a resource without tags may in fact have some: its tag read failed (a gap), else undefined. */
export function tagGap(snapshot: CloudSnapshot, r: CloudResource): string | undefined {
  if (Object.keys(r.tags).length > 0) return undefined;
  const read = TAG_READS[r.type];
  return read ? operationGap(snapshot, read[0], read[1], r.account, r.region) : undefined;
}
