/**
 * Whether a backup plan backs up PHI: one of its selections assigns by a PHI tag (a condition
 * like `aws:ResourceTag/PHI = true`, judged by the same rules as resources' tags, core/phi.ts),
 * or assigns a PHI-tagged resource of the snapshot in the plan's account and region. A selection
 * that could not be read leaves the answer unknown unless another one decides it.
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { classifyPhi } from '../../../../core/phi.js';
import { list, record } from '../../../read.js';
import { conditionTagKey, matchSelection, selectionConditions, type Tri } from './backup-selection.js';

export interface PlanScope {
  phi: Tri;
  /** Why: the PHI condition or the PHI resource, or what could not be read. */
  why: string;
}

function phiCondition(sel: Record<string, unknown>): string | undefined {
  const { all, any } = selectionConditions(sel);
  for (const [op, key, value] of [...all, ...any]) {
    if (op !== 'stringEquals' && !(op === 'stringLike' && !value.includes('*'))) continue;
    if (classifyPhi({ [conditionTagKey(key)]: value }).phi) return `${key} = ${value}`;
  }
  return undefined;
}

// Every plan asks for the PHI resources of its account and region: grouped once per snapshot.
const phiByUnit = new WeakMap<CloudSnapshot, Map<string, CloudResource[]>>();

function phiResourcesByUnit(snapshot: CloudSnapshot): Map<string, CloudResource[]> {
  let groups = phiByUnit.get(snapshot);
  if (groups) return groups;
  groups = new Map();
  for (const r of snapshot.resources) {
    if (!r.id.startsWith('arn:') || r.type.startsWith('AWS::Backup::') || !classifyPhi(r.tags).phi) continue;
    const key = `${r.account}\u0000${r.region}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  phiByUnit.set(snapshot, groups);
  return groups;
}

/** The plan's PHI scope from its selections. */
export function planScope(snapshot: CloudSnapshot, plan: CloudResource): PlanScope {
  const entries = plan.supplementary.backupSelections;
  if (!Array.isArray(entries)) return { phi: 'unknown', why: 'its selections could not be read' };
  const phiResources = phiResourcesByUnit(snapshot).get(`${plan.account}\u0000${plan.region}`) ?? [];
  let unread = false;
  for (const entry of list(entries)) {
    const sel = record(record(entry)?.backupSelection);
    if (!sel) {
      unread = true;
      continue;
    }
    const condition = phiCondition(sel);
    if (condition) return { phi: true, why: `selects by ${condition}` };
    const hit = phiResources.find(
      (r) => matchSelection(sel, { arn: r.id, tags: r.tags, tagsReadable: true }).match === true,
    );
    if (hit) return { phi: true, why: `selects ${hit.name}, tagged PHI` };
  }
  return unread
    ? { phi: 'unknown', why: 'a selection could not be read' }
    : { phi: false, why: 'selects no PHI-tagged resource' };
}
