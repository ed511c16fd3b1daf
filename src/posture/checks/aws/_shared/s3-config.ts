/** Readers of S3 supplementary configuration shared by several checks. */
import { arr, obj } from './util.js';

/** The default-encryption algorithms of a ServerSideEncryptionConfiguration (`[]` when none). */
export function sseAlgorithms(sse: unknown): string[] {
  return arr(obj(sse)?.rules).flatMap((r) => {
    const a = obj(obj(r)?.applyServerSideEncryptionByDefault)?.sseAlgorithm;
    return typeof a === 'string' ? [a] : [];
  });
}
