import { describe, expect, it } from 'vitest';
import { scheduleInterval } from './schedule.js';

// A Tuesday, early in the year: the leading gap before a schedule's first run is realistic.
const FROM = '2025-01-07T09:00:00Z';
const days = (expr: string, from = FROM) => {
  const out = scheduleInterval(expr, from);
  return out.kind === 'interval' ? Math.round(out.days * 1000) / 1000 : out.kind;
};

describe('scheduleInterval', () => {
  it('reads rate expressions in minutes, hours and days', () => {
    expect(days('rate(1 day)')).toBe(1);
    expect(days('rate(7 days)')).toBe(7);
    expect(days('rate(12 hours)')).toBe(0.5);
    expect(days('rate(30 minutes)')).toBe(0.021);
    expect(scheduleInterval('rate(0 days)', FROM)).toMatchObject({ kind: 'invalid' });
  });

  it('finds the longest gap of daily, twice-daily, hourly and weekly crons', () => {
    expect(days('cron(0 5 ? * * *)')).toBe(1);
    expect(days('cron(0 5,17 ? * * *)')).toBe(0.5);
    expect(days('cron(15 * ? * * *)')).toBe(0.042);
    expect(days('cron(0 3 ? * SUN *)')).toBe(7);
    expect(days('cron(0 3 ? * 1 *)')).toBe(7);
    // Weekdays only: Friday to Monday.
    expect(days('cron(0 5 ? * MON-FRI *)')).toBe(3);
    expect(days('cron(0 5 ? * 2-6 *)')).toBe(3);
    // A wrapping range: Friday to Monday runs; Monday to Friday is the gap.
    expect(days('cron(0 5 ? * FRI-MON *)')).toBe(4);
  });

  it('measures monthly schedules by their longest month, and steps across months', () => {
    expect(days('cron(0 5 1 * ? *)')).toBe(31);
    expect(days('cron(0 5 L * ? *)')).toBe(31);
    expect(days('cron(0 2 1 */2 ? *)')).toBe(62);
    expect(days('cron(0 2 1 1/3 ? *)')).toBe(92);
    expect(days('cron(0 0 1,15 * ? *)')).toBe(17);
    // First Monday of January and July: Jan → Jul, or Jul → next Jan.
    expect(days('cron(0 5 ? JAN,JUL MON#1 *)')).toBeGreaterThan(180);
  });

  it('knows nearest weekdays, last weekdays and last or nth days of the week', () => {
    // The weekday nearest the 15th moves by up to two days each way: at most 31 + 2 days apart.
    const nearest = days('cron(0 5 15W * ? *)');
    expect(nearest).toBeGreaterThanOrEqual(30);
    expect(nearest).toBeLessThanOrEqual(33);
    expect(days('cron(0 5 LW * ? *)')).toBeLessThanOrEqual(33);
    expect(days('cron(0 5 ? * 6L *)')).toBe(35);
    expect(days('cron(0 5 ? * 6#3 *)')).toBe(35);
    expect(days('cron(0 5 ? * L *)')).toBe(7);
  });

  it('sees a 29 February schedule four years apart', () => {
    expect(days('cron(0 5 29 2 ? *)')).toBe(1461);
  });

  it('counts the time after the last run of a schedule that ends, and says when one never runs', () => {
    expect(scheduleInterval('cron(0 5 ? * * 2020-2024)', FROM)).toEqual({ kind: 'never' });
    expect(days('cron(0 5 ? * * 2025)')).toBeGreaterThan(2500);
    // Not started yet: the wait until 2027 is the first gap.
    expect(days('cron(0 5 ? * * 2027-2199)')).toBeGreaterThan(700);
  });

  it('rejects malformed expressions with a reason', () => {
    for (const bad of [
      'daily',
      'cron(0 5 * * *)',
      'cron(0 5 * * * *)',
      'cron(0 5 ? * ? *)',
      'cron(61 5 ? * * *)',
      'cron(0 5 ? * MOX *)',
      'cron(0 5 32 * ? *)',
      'cron(0 5 ? * 2#6 *)',
      'cron(0 5/ ? * * *)',
    ]) {
      const out = scheduleInterval(bad, FROM);
      expect(out.kind, bad).toBe('invalid');
      expect(out.kind === 'invalid' && out.reason.length, bad).toBeGreaterThan(5);
    }
    expect(scheduleInterval('cron(0 5 ? * * *)', 'not a date')).toMatchObject({ kind: 'invalid' });
  });
});
