/**
 * Applying packs to a finding. One pack: the first rule whose condition is true decides (the
 * default rule always is). Several packs: each gives a deadline and the strictest wins — the
 * earliest date; a clock waiting for a patch comes next; "fix on system upgrade" (BOD 26-04's
 * deferral) is least strict; ties go to the first pack in the order given.
 */
import { AppError } from '../../core/errors.js';
import { DAY_MS } from '../../core/time.js';
import { fieldsOf } from './condition.js';
import { readField, truthOf } from './evaluate-condition.js';
import type { FieldValue } from './fields.js';
import type { PolicyInputs } from './inputs.js';
import { type ClockStart, FIX_ON_UPGRADE, type PolicyPack } from './pack.js';

/** What one pack decided for one finding, and why. */
export interface PackDecision {
  packId: string;
  version: string;
  digest: string;
  tier: string;
  /** Calendar days on the clock; null for fix-on-upgrade. */
  days: number | null;
  ruleId: string;
  explain: string;
  /** Every input the rules up to the deciding one read (earlier non-matches count too). */
  inputsUsed: Record<string, FieldValue>;
}

/** Decide tier and clock under one pack. Total: the default rule ends every pack. */
export function evaluatePack(pack: PolicyPack, inputs: PolicyInputs): PackDecision {
  const inputsUsed: Record<string, FieldValue> = {};
  for (const rule of pack.rules) {
    if (rule.when) for (const f of fieldsOf(rule.when)) inputsUsed[f] = readField(f, inputs);
    if (rule.when === null || truthOf(rule.when, inputs) === true) {
      return {
        packId: pack.id,
        version: pack.version,
        digest: pack.digest,
        tier: rule.tier,
        days: rule.days === FIX_ON_UPGRADE ? null : rule.days,
        ruleId: rule.id,
        explain: rule.explain,
        inputsUsed,
      };
    }
  }
  // parsePack always appends the default rule; a hand-built pack without one is a programming error.
  throw new AppError('POLICY_INVALID', {
    policy: `${pack.id}@${pack.version}`,
    reason: 'pack has no default rule',
  });
}

/** The events a clock can start from; `patchAvailable` null when no fix is published yet. */
export interface ClockEvents {
  identified: Date;
  patchAvailable: Date | null;
}

/** A deadline with its arithmetic spelled out, as data for `findings explain`. */
export interface Deadline {
  kind: 'date' | 'pending' | 'fix-on-upgrade';
  clock: ClockStart;
  clockStart: string | null;
  days: number | null;
  date: string | null;
  /** e.g. `2026-07-01 + 15 days = 2026-07-16`. */
  arithmetic: string;
}

/** One pack's decision with its deadline and a sentence saying why. */
export interface PackOutcome extends PackDecision {
  deadline: Deadline;
  reason: string;
}

/** Several packs' decisions: the winning deadline, the winner, and every pack's outcome in order. */
export interface PacksDecision {
  deadline: Deadline;
  winner: PackOutcome;
  all: PackOutcome[];
  reason: string;
}

const day = (d: Date) => {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
};

/** The deadline of a decision under a pack's clock rule. */
export function deadlineOf(days: number | null, clock: ClockStart, events: ClockEvents): Deadline {
  // HIPAA NPRM: "within 15 calendar days of identifying the need … or of a patch becoming
  // available" — the clock runs from the later of the two; without a patch it has not started.
  const start =
    clock === 'identified'
      ? events.identified
      : events.patchAvailable &&
        new Date(Math.max(events.identified.getTime(), events.patchAvailable.getTime()));
  const clockStart = start ? start.toISOString() : null;
  if (days === null) {
    return {
      kind: FIX_ON_UPGRADE,
      clock,
      clockStart,
      days: null,
      date: null,
      arithmetic:
        'fix on system upgrade: remediate at the next scheduled major upgrade or rebuild; no calendar date',
    };
  }
  if (!start) {
    return {
      kind: 'pending',
      clock,
      clockStart: null,
      days,
      date: null,
      arithmetic: `clock not started: ${days} days will run from the day a patch is available`,
    };
  }
  const date = new Date(start.getTime() + days * DAY_MS);
  return {
    kind: 'date',
    clock,
    clockStart,
    days,
    date: date.toISOString(),
    arithmetic: `${day(start)} + ${days} days = ${day(date)}`,
  };
}

const RANK = { date: 0, pending: 1, 'fix-on-upgrade': 2 } as const;

/** Negative when `a` is stricter than `b`: earlier date, then pending, then fix-on-upgrade. */
export function compareDeadlines(a: Deadline, b: Deadline): number {
  if (a.kind !== b.kind) return RANK[a.kind] - RANK[b.kind];
  if (a.kind === 'date') return Date.parse(a.date!) - Date.parse(b.date!);
  if (a.kind === 'pending') return (a.days ?? 0) - (b.days ?? 0);
  return 0;
}

/** Evaluate every pack; the strictest deadline wins, ties to the first pack given. */
export function evaluatePacks(
  packs: readonly PolicyPack[],
  inputs: PolicyInputs,
  clockStart: Date | ClockEvents,
): PacksDecision {
  if (packs.length === 0) throw new AppError('POLICY_INVALID', { reason: 'no policy pack to evaluate' });
  const events =
    clockStart instanceof Date ? { identified: clockStart, patchAvailable: clockStart } : clockStart;
  const all = packs.map((pack): PackOutcome => {
    const d = evaluatePack(pack, inputs);
    const deadline = deadlineOf(d.days, pack.clock.start, events);
    const reason = `${name(d)}: rule ${d.ruleId} → tier ${d.tier} (${daysText(d.days)}); ${deadline.arithmetic}`;
    return { ...d, deadline, reason };
  });
  let winner = all[0]!;
  for (const o of all.slice(1)) if (compareDeadlines(o.deadline, winner.deadline) < 0) winner = o;
  const others = all.filter((o) => o !== winner);
  const ties = others.filter((o) => compareDeadlines(o.deadline, winner.deadline) === 0);
  const reason =
    all.length === 1
      ? `only pack: ${winner.reason}`
      : [
          `strictest of ${all.length} packs: ${winner.reason}`,
          ties.length > 0 ? `tied with ${ties.map(name).join(', ')}; the first pack in order wins` : null,
          `others: ${others.map((o) => `${name(o)} ${label(o.deadline)}`).join('; ')}`,
        ]
          .filter(Boolean)
          .join('. ');
  return { deadline: winner.deadline, winner, all, reason };
}

const name = (d: PackDecision) => `${d.packId}@${d.version}`;
const daysText = (days: number | null) => (days === null ? 'fix on system upgrade' : `${days} days`);
const label = (d: Deadline) =>
  d.kind === 'date'
    ? `${day(new Date(d.date!))}`
    : d.kind === 'pending'
      ? `${d.days} days after a patch`
      : 'fix on upgrade';
