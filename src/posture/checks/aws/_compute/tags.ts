/**
 * Which resources the tag checks judge: AWS resources a person tags. Derived resources (account
 * settings, SSM items) carry no tags of their own, and ECR images repeat their repository's tags,
 * so judging them would only repeat a repository's finding.
 */

import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { classifyPhi, type PhiClassification } from '../../../../core/phi.js';
import { type CheckResult, operationGap, type PostureCheck, result } from '../../../check.js';

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

/**
 * The tag checks' scope: `judge` for every taggable resource tagged PHI; an `error` for an
 * untagged one whose tags could not be read (it may be PHI); nothing for the others.
 */
export function judgePhiTagged(
  check: Pick<PostureCheck, 'id' | 'resourceType'>,
  snapshot: CloudSnapshot,
  judge: (r: CloudResource, phi: PhiClassification) => CheckResult,
): CheckResult[] {
  return snapshot.resources.flatMap((r) => {
    if (!taggable(r)) return [];
    const phi = classifyPhi(r.tags);
    if (phi.phi) return [judge(r, phi)];
    const gap = tagGap(snapshot, r);
    return gap ? [result(check, r, 'error', `The resource's tags could not be read: ${gap}.`, { gap })] : [];
  });
}
