/**
 * How far apart the backups of an AWS Backup rule can be. `ScheduleExpression` is a cron or
 * rate expression in EventBridge's syntax (AWS Backup API Reference, BackupRule; EventBridge
 * User Guide, "Cron expressions" and "Rate expressions"):
 *
 * - `rate(<n> minute|minutes|hour|hours|day|days)`: every n units.
 * - `cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>)`: six fields, UTC.
 *   Values, `,` lists, `a-b` ranges, `/` steps and `*`; month names JAN–DEC; day-of-week 1–7 or
 *   SUN–SAT (1 is Sunday); exactly one of day-of-month and day-of-week is `?`. Day-of-month also
 *   takes `L` (last day), `LW` (last weekday) and `nW` (weekday nearest day n, never leaving
 *   the month). Day-of-week takes `L` (Saturday), `nL` (last day n of the month) and `n#k`
 *   (k-th day n of the month).
 *
 * A cron schedule's gaps vary (a monthly backup is 28 to 31 days apart), so the answer is the
 * longest gap between consecutive backups over eight years from a start time. Eight years hold
 * two 29 Februaries, the rarest day a schedule can name. The time before the first backup and
 * after the last one count as gaps too. That makes a schedule that has stopped (a year field in
 * the past) or not yet started show its real gap. The rule's `ScheduleExpressionTimezone` is
 * ignored: a time zone shifts the backups without changing their spacing, except by an hour
 * around daylight-saving changes.
 */

export type ScheduleInterval =
  /** The longest gap between backups, in days (fractions for sub-day schedules). */
  | { kind: 'interval'; days: number }
  /** The schedule never fires within the eight years looked at. */
  | { kind: 'never' }
  | { kind: 'invalid'; reason: string };

const DAY_MS = 86_400_000;
/** Eight years, so that a 29 February schedule fires at least twice. */
export const HORIZON_DAYS = 8 * 366;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

class CronError extends Error {}

/** The longest gap between the backups of `expression`, looking eight years from `fromIso`. */
export function scheduleInterval(
  expression: string,
  fromIso: string,
  horizonDays = HORIZON_DAYS,
): ScheduleInterval {
  const text = expression.trim();
  const rate = /^rate\(\s*(\d+)\s+(minutes?|hours?|days?)\s*\)$/i.exec(text);
  if (rate) {
    const n = Number(rate[1]);
    if (n <= 0) return { kind: 'invalid', reason: `${text}: the rate must be positive` };
    const unit = (rate[2] as string).toLowerCase();
    const perDay = unit.startsWith('minute') ? 1440 : unit.startsWith('hour') ? 24 : 1;
    return { kind: 'interval', days: n / perDay };
  }
  const cron = /^cron\((.*)\)$/i.exec(text);
  if (!cron) return { kind: 'invalid', reason: `${text}: not a cron() or rate() expression` };
  const start = Date.parse(fromIso);
  if (Number.isNaN(start)) return { kind: 'invalid', reason: `unreadable start time ${fromIso}` };
  try {
    return longestGap(parseCron(cron[1] as string), start, horizonDays);
  } catch (err) {
    if (err instanceof CronError) return { kind: 'invalid', reason: `${text}: ${err.message}` };
    throw err;
  }
}

interface DaysOfMonth {
  days: Set<number>;
  last: boolean;
  lastWeekday: boolean;
  nearestWeekday: number[];
}

interface DaysOfWeek {
  /** 1 (Sunday) to 7 (Saturday), as the expression spells them. */
  days: Set<number>;
  /** `nL`: the last day n of the month. */
  lastOf: number[];
  /** `n#k`: the k-th day n of the month. */
  nth: [number, number][];
}

interface Cron {
  minutes: Set<number>;
  hours: Set<number>;
  dom: DaysOfMonth | undefined;
  months: Set<number>;
  dow: DaysOfWeek | undefined;
  /** Undefined: every year. */
  years: Set<number> | undefined;
}

function parseCron(body: string): Cron {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) throw new CronError(`expected 6 fields, found ${fields.length}`);
  const [min, hour, dom, month, dow, year] = fields as [string, string, string, string, string, string];
  if ((dom === '?') === (dow === '?'))
    throw new CronError('exactly one of day-of-month and day-of-week must be "?"');
  return {
    minutes: parseField(min, 0, 59),
    hours: parseField(hour, 0, 23),
    dom: dom === '?' ? undefined : parseDaysOfMonth(dom),
    months: parseField(month, 1, 12, MONTHS),
    dow: dow === '?' ? undefined : parseDaysOfWeek(dow),
    years: year === '*' ? undefined : parseField(year, 1970, 2199),
  };
}

function parseDaysOfMonth(field: string): DaysOfMonth {
  const out: DaysOfMonth = { days: new Set(), last: false, lastWeekday: false, nearestWeekday: [] };
  for (const item of field.split(',')) {
    const u = item.toUpperCase();
    if (u === 'L') out.last = true;
    else if (u === 'LW') out.lastWeekday = true;
    else if (/^\d+W$/.test(u)) out.nearestWeekday.push(bounded(Number.parseInt(u, 10), 1, 31, item));
    else for (const d of parseField(item, 1, 31)) out.days.add(d);
  }
  return out;
}

function parseDaysOfWeek(field: string): DaysOfWeek {
  const out: DaysOfWeek = { days: new Set(), lastOf: [], nth: [] };
  for (const item of field.split(',')) {
    const u = item.toUpperCase();
    const nth = /^([A-Z]+|\d+)#(\d)$/.exec(u);
    const lastOf = /^([A-Z]+|\d+)L$/.exec(u);
    if (u === 'L') out.days.add(7);
    else if (nth)
      out.nth.push([value(nth[1] as string, 1, 7, WEEKDAYS), bounded(Number(nth[2]), 1, 5, item)]);
    else if (lastOf) out.lastOf.push(value(lastOf[1] as string, 1, 7, WEEKDAYS));
    else for (const d of parseField(item, 1, 7, WEEKDAYS)) out.days.add(d);
  }
  return out;
}

/** A plain field: `*`, values, `a-b` ranges (wrapping, as FRI-MON), `/` steps, `,` lists. */
function parseField(field: string, min: number, max: number, names?: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const item of field.split(',')) {
    const [range, stepText, extra] = item.split('/');
    if (range === undefined || range === '' || extra !== undefined) throw new CronError(`bad item "${item}"`);
    const step = stepText === undefined ? 1 : bounded(Number(stepText), 1, max, item);
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [min, max];
    else if (range.includes('-')) {
      const [a, b] = range.split('-');
      from = value(a ?? '', min, max, names);
      to = value(b ?? '', min, max, names);
    } else {
      from = value(range, min, max, names);
      // `a/n` runs from a to the end of the field; a lone value is itself.
      to = stepText === undefined ? from : max;
    }
    const span = to >= from ? to - from : max - from + 1 + to - min;
    for (let i = 0; i <= span; i += step) out.add(((from - min + i) % (max - min + 1)) + min);
  }
  return out;
}

function value(text: string, min: number, max: number, names?: readonly string[]): number {
  const named = names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return named + min;
  if (!/^\d+$/.test(text)) throw new CronError(`bad value "${text}"`);
  return bounded(Number(text), min, max, text);
}

function bounded(n: number, min: number, max: number, text: string): number {
  if (!Number.isInteger(n) || n < min || n > max) throw new CronError(`"${text}" is outside ${min}–${max}`);
  return n;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 (Sunday) to 6. */
function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

// Nearest weekday to `n` without leaving the month; a day the month lacks never fires.
function nearestWeekday(year: number, month: number, n: number): number | undefined {
  const last = daysInMonth(year, month);
  if (n > last) return undefined;
  const w = weekday(year, month, n);
  if (w === 6) return n === 1 ? n + 2 : n - 1;
  if (w === 0) return n === last ? n - 2 : n + 1;
  return n;
}

function lastWeekday(year: number, month: number): number {
  const last = daysInMonth(year, month);
  const w = weekday(year, month, last);
  return w === 6 ? last - 1 : w === 0 ? last - 2 : last;
}

function firesOn(c: Cron, year: number, month: number, day: number): boolean {
  if (c.years && !c.years.has(year)) return false;
  if (!c.months.has(month)) return false;
  const last = daysInMonth(year, month);
  if (c.dom) {
    const d = c.dom;
    return (
      d.days.has(day) ||
      (d.last && day === last) ||
      (d.lastWeekday && day === lastWeekday(year, month)) ||
      d.nearestWeekday.some((n) => nearestWeekday(year, month, n) === day)
    );
  }
  const w = c.dow as DaysOfWeek;
  const dow = weekday(year, month, day) + 1;
  return (
    w.days.has(dow) ||
    w.lastOf.some((x) => x === dow && day + 7 > last) ||
    w.nth.some(([x, k]) => x === dow && Math.ceil(day / 7) === k)
  );
}

function longestGap(c: Cron, start: number, horizonDays: number): ScheduleInterval {
  const times = [...c.hours].flatMap((h) => [...c.minutes].map((m) => h * 60 + m)).sort((a, b) => a - b);
  const firstDay = Date.UTC(
    new Date(start).getUTCFullYear(),
    new Date(start).getUTCMonth(),
    new Date(start).getUTCDate(),
  );
  const end = start + horizonDays * DAY_MS;
  let previous = start;
  let longest = 0;
  let fired = false;
  for (let day = firstDay; day < end; day += DAY_MS) {
    const date = new Date(day);
    if (!firesOn(c, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())) continue;
    for (const minute of times) {
      const at = day + minute * 60_000;
      if (at < start || at >= end) continue;
      longest = Math.max(longest, at - previous);
      previous = at;
      fired = true;
    }
  }
  if (!fired) return { kind: 'never' };
  longest = Math.max(longest, end - previous);
  return { kind: 'interval', days: longest / DAY_MS };
}
