/** The two public-bucket checks differ only in scope (PHI or not) and severity: one builder. */
import type { CloudSnapshot } from '../../../../core/cloud.js';
import { type CheckResult, type PostureCheck, resourcesOf, result } from '../../../check.js';
import { bucketExposure } from './s3-exposure.js';
import { has, phiScope } from './util.js';

/** Evaluate every bucket in scope (`phi` true: PHI buckets only; false: the others). */
export function evaluatePublicBuckets(
  check: Pick<PostureCheck, 'id' | 'resourceType'>,
  snapshot: CloudSnapshot,
  phi: boolean,
): CheckResult[] {
  return resourcesOf(snapshot, 'AWS::S3::Bucket').flatMap((b) => {
    const scope = phiScope(snapshot, b, 's3', has(b, 'BucketTaggingConfiguration'));
    if (scope.phi === 'unknown') {
      // Unclassifiable: only the PHI check reports it, so it is not reported twice.
      return phi ? [result(check, b, 'error', `PHI classification unknown: ${scope.reason}`, {})] : [];
    }
    if (scope.phi !== phi) return [];
    const e = bucketExposure(snapshot, b);
    const evidence = { ...e.evidence, phi: scope.source };
    if (e.exposure === 'unknown') return [result(check, b, 'error', e.reasons.join('; '), evidence)];
    if (e.exposure === 'public')
      return [result(check, b, 'fail', `Bucket is public: ${e.reasons.join('; ')}`, evidence)];
    return [result(check, b, 'pass', 'Bucket is not public (grants and policy blocked or absent)', evidence)];
  });
}
