/** PHI scope of a log group: tags come from ListTagsForResource, which can be denied (a gap). */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { phiScope } from './util.js';

/** PHI scope of a log group; tags are unreadable when the logs collector recorded a tag-read gap. */
export function logGroupScope(snapshot: CloudSnapshot, r: CloudResource) {
  const tagsDenied = snapshot.gaps.some(
    (g) =>
      g.service === 'logs' &&
      g.account === r.account &&
      g.region === r.region &&
      g.reason.startsWith('ListTagsForResource'),
  );
  return phiScope(snapshot, r, 'logs', !tagsDenied);
}
