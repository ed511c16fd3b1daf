/**
 * The AMI an instance runs, as the EC2 collector attaches it (`supplementary.image`), or why it
 * cannot be judged: DescribeImages denied (a gap → `error`) or the image gone or unshared
 * (`supplementary.imageUnavailable` → `manual`: a person must find out what it was).
 */

import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import type { CheckStatus } from '../../../check.js';
import { operationGap } from '../../../check.js';
import { rec, str } from './util.js';

export type AmiLookup =
  | { image: Record<string, unknown> }
  | { status: Extract<CheckStatus, 'manual' | 'error'>; reason: string };

/** The instance's AMI facts, or the status and reason when they are not available. */
export function amiOf(snapshot: CloudSnapshot, instance: CloudResource): AmiLookup {
  const image = rec(instance.supplementary.image);
  if (image) return { image };
  const gap = operationGap(snapshot, 'ec2', ['DescribeImages'], instance.account, instance.region);
  if (gap) return { status: 'error', reason: gap };
  const unavailable = str(instance.supplementary.imageUnavailable);
  return { status: 'manual', reason: unavailable ?? 'The AMI was not recorded with the instance.' };
}
