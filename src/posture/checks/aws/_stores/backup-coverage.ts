/**
 * Whether a resource is protected by an AWS Backup plan of its account and region, from the
 * plans' selections (backup-selection.ts) and the region's opt-in settings. AWS Backup is
 * regional: a plan backs up resources of its own region only. A resource matched by `*`, by a
 * service-only pattern or by tags is protected only when its resource type is opted in; Aurora
 * always needs the opt-in ("Assigning resources to a backup plan", AWS Backup Developer Guide).
 *
 * Unreadable data gives `unknown`, never `not-covered`: plans that could not be listed,
 * selections that could not be read, tags that could not be read, or opt-in settings that could
 * not be read for a match that needs them. A region where AWS Backup was not collected at all
 * (no settings item, no plan, no backup gap) is `unknown` as well.
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { resourcesOf } from '../../../check.js';
import { list, record, str } from '../../../read.js';
import { type BackupSubject, matchSelection } from './backup-selection.js';

export const BACKUP_PLAN = 'AWS::Backup::BackupPlan';
export const BACKUP_REGION_SETTINGS = 'AWS::Backup::RegionSettings';

export interface Coverage {
  status: 'covered' | 'not-covered' | 'unknown';
  /** Names of the plans that back the resource up. */
  plans: string[];
  /** One sentence: why not covered, or why unknown. */
  reason: string;
}

const sameUnit = (a: CloudResource, b: Pick<CloudResource, 'account' | 'region'>) =>
  a.account === b.account && a.region === b.region;

interface BackupUnit {
  plans: CloudResource[];
  settings: CloudResource | undefined;
  gaps: CloudSnapshot['gaps'];
}

// Every resource asks for its unit: computed once per account and region of a snapshot.
const units = new WeakMap<CloudSnapshot, Map<string, BackupUnit>>();

/** The backup plans and settings of the resource's account and region, and what could not be read. */
export function backupUnit(
  snapshot: CloudSnapshot,
  where: Pick<CloudResource, 'account' | 'region'>,
): BackupUnit {
  let cache = units.get(snapshot);
  if (!cache) {
    cache = new Map();
    units.set(snapshot, cache);
  }
  const key = `${where.account}\u0000${where.region}`;
  let unit = cache.get(key);
  if (!unit) {
    unit = {
      plans: resourcesOf(snapshot, BACKUP_PLAN).filter((p) => sameUnit(p, where)),
      settings: resourcesOf(snapshot, BACKUP_REGION_SETTINGS).find((s) => sameUnit(s, where)),
      gaps: snapshot.gaps.filter(
        (g) => g.service === 'backup' && g.account === where.account && g.region === where.region,
      ),
    };
    cache.set(key, unit);
  }
  return unit;
}

/** Why the unit's plans cannot be known, if they cannot. */
function unitUnreadable(unit: ReturnType<typeof backupUnit>): string | undefined {
  const listing = unit.gaps.find((g) => g.reason.startsWith('ListBackupPlans:'));
  if (listing) return `AWS Backup plans could not be read (${listing.reason})`;
  if (!unit.settings && unit.plans.length === 0 && unit.gaps.length === 0)
    return 'AWS Backup was not collected in this region';
  return undefined;
}

function planName(p: CloudResource): string {
  return str(record(p.configuration.backupPlan)?.backupPlanName) ?? p.name;
}

/**
 * Coverage of `subject` (in `where`'s account and region) by the unit's plans. `optInType` is
 * AWS Backup's name of the resource type (`DynamoDB`, `EFS`, `EC2`, `EBS`, `RDS`, `Aurora`).
 */
export function backupCoverage(
  snapshot: CloudSnapshot,
  where: Pick<CloudResource, 'account' | 'region'>,
  subject: BackupSubject,
  optInType: string,
  alwaysNeedsOptIn = false,
): Coverage {
  const unit = backupUnit(snapshot, where);
  const unreadable = unitUnreadable(unit);
  if (unreadable) return { status: 'unknown', plans: [], reason: unreadable };
  const optIn = record(unit.settings?.configuration.resourceTypeOptInPreference)?.[optInType];
  const covered = new Set<string>();
  const notOptedIn = new Set<string>();
  const unknown: string[] = [];
  for (const plan of unit.plans) {
    const name = planName(plan);
    if (!Array.isArray(plan.supplementary.backupSelections)) {
      unknown.push(`the selections of plan ${name} could not be read`);
      continue;
    }
    for (const entry of list(plan.supplementary.backupSelections)) {
      const sel = record(record(entry)?.backupSelection);
      if (!sel) {
        unknown.push(`a selection of plan ${name} could not be read`);
        continue;
      }
      const m = matchSelection(sel, subject);
      if (m.match === 'unknown') unknown.push(`its tags could not be read for plan ${name}`);
      if (m.match !== true) continue;
      if (!alwaysNeedsOptIn && m.byType) covered.add(name);
      else if (optIn === true) covered.add(name);
      else if (optIn === false) notOptedIn.add(name);
      else unknown.push(`the ${optInType} opt-in of AWS Backup could not be read`);
    }
  }
  if (covered.size > 0) return { status: 'covered', plans: [...covered].sort(), reason: '' };
  if (unknown.length > 0) return { status: 'unknown', plans: [], reason: [...new Set(unknown)].join('; ') };
  if (notOptedIn.size > 0)
    return {
      status: 'not-covered',
      plans: [],
      reason: `selected by ${[...notOptedIn].sort().join(', ')}, but ${optInType} is not opted in to AWS Backup in this region`,
    };
  return { status: 'not-covered', plans: [], reason: 'no AWS Backup plan selects it' };
}
