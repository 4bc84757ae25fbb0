import type { SlaLimit } from '@linli/contracts';
import { getDayDetail } from 'chinese-days';
import { WorkingCalendar } from '../calendar/working-calendar';
import { formatChinaDateTime } from '../time/china-time';
import { computeDeadline, type SlaPause } from './deadline';
import { halfDay, wallHours, wallMinutes, workingDays } from './durations';

/** A China-time wall-clock reading 'YYYY-MM-DD HH:mm' as a UTC instant. */
const cn = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const pause = (from: string, to: string | null): SlaPause => ({
  from: cn(from),
  to: to === null ? null : cn(to),
});
const calendar = new WorkingCalendar();

function deadlineOf(
  start: string,
  limit: SlaLimit,
  pauses: SlaPause[] = [],
  cal = calendar,
): string {
  const result = computeDeadline(cn(start), limit, cal, pauses);
  if (result.paused) throw new Error('unexpectedly paused');
  return formatChinaDateTime(result.deadline);
}

describe('the published facts these tests rely on (printed from chinese-days, not remembered)', () => {
  it.each([
    // 2026 National Day: Thu 10-01 .. Wed 10-07 off; Sat 10-10 a make-up working day.
    ['2026-09-30', true],
    ['2026-10-01', false],
    ['2026-10-07', false],
    ['2026-10-08', true],
    ['2026-10-09', true],
    ['2026-10-10', true],
    ['2026-10-11', false],
    // 2026 Spring Festival: Sun 02-15 .. Mon 02-23 off; Sat 02-14 and Sat 02-28 make-up working days.
    ['2026-02-13', true],
    ['2026-02-14', true],
    ['2026-02-15', false],
    ['2026-02-23', false],
    ['2026-02-24', true],
    ['2026-02-28', true],
    ['2026-03-01', false],
  ])('chinese-days says %s working = %s', (date, work) => {
    expect(getDayDetail(date).work).toBe(work);
  });
});

describe('working-day limits: the start day is not counted, the limit ends at 24:00 of the N-th working day', () => {
  it.each([
    // Reported Wed 2026-09-30 17:00, the last working day before National Day. 09-30 itself is not
    // counted; 10-01..10-07 are holidays; working day 1 = Thu 10-08, 2 = Fri 10-09, 3 = Sat 10-10
    // (make-up working day). The limit ends at 24:00 of 10-10, i.e. 2026-10-11 00:00.
    ['other common-area repair before National Day', '2026-09-30 17:00', 3, '2026-10-11 00:00'],
    // Thu 02-12 16:00: 1 = Fri 02-13, 2 = Sat 02-14 (make-up), Spring Festival 02-15..02-23 off,
    // 3 = 02-24, 4 = 02-25, 5 = 02-26, 6 = 02-27, 7 = Sat 02-28 (make-up) → 24:00 of 02-28.
    ['home repair before Spring Festival', '2026-02-12 16:00', 7, '2026-03-01 00:00'],
    // Fri 02-13 18:00: 1 = 02-14, 2..6 = 02-24..02-28, 7 = Mon 03-02 → 24:00 of 03-02.
    [
      'home repair on the last day before Spring Festival',
      '2026-02-13 18:00',
      7,
      '2026-03-03 00:00',
    ],
    // Started on a holiday: counting starts with the next working day, 10-08 → same end as above.
    ['started on a holiday', '2026-10-03 10:00', 3, '2026-10-11 00:00'],
    // Started on Saturday 11-21: 1 = Mon 11-23, 2 = 11-24, 3 = 11-25.
    ['started on a Saturday', '2026-11-21 10:00', 3, '2026-11-26 00:00'],
    ['started on the Friday before', '2026-11-20 10:00', 3, '2026-11-26 00:00'],
    // Started on the make-up Saturday 10-10 (a working day, not counted): 1 = Mon 10-12.
    ['started on a make-up working day', '2026-10-10 09:00', 1, '2026-10-13 00:00'],
    ['invalid complaint explained within 1 working day', '2026-09-30 17:00', 1, '2026-10-09 00:00'],
    [
      'started one minute before midnight still does not count the day',
      '2026-11-20 23:59',
      1,
      '2026-11-24 00:00',
    ],
    ['started at midnight: that day is the start day', '2026-11-23 00:00', 1, '2026-11-25 00:00'],
  ])('%s: %s + %i working days → %s', (_case, start, days, expected) => {
    expect(deadlineOf(start, workingDays(days))).toBe(expected);
  });
});

describe('wall-clock limits run day and night, holidays included', () => {
  it.each([
    ['emergency at 02:00 on National Day', '2026-10-01 02:00', wallMinutes(30), '2026-10-01 02:30'],
    [
      'on-site in 10 min across midnight in Spring Festival',
      '2026-02-17 23:55',
      wallMinutes(10),
      '2026-02-18 00:05',
    ],
    ['half a day (4 h) into a holiday', '2026-09-30 22:00', halfDay(), '2026-10-01 02:00'],
    [
      'serious attitude complaint: 2 days = 48 h',
      '2026-09-30 17:00',
      wallHours(48),
      '2026-10-02 17:00',
    ],
    ['complex complaint 72 h', '2026-10-01 09:00', wallHours(72), '2026-10-04 09:00'],
  ])('%s: %s → %s', (_case, start, limit, expected) => {
    expect(deadlineOf(start, limit)).toBe(expected);
  });
});

describe('pauses', () => {
  it.each([
    // Paused and resumed inside National Day: no working time in the pause.
    [
      '3 wd, pause inside the holiday',
      '2026-09-30 17:00',
      workingDays(3),
      [pause('2026-10-02 10:00', '2026-10-05 18:00')],
      '2026-10-11 00:00',
    ],
    // The same pause shifts a wall-clock limit by all of its 80 h: 10-04 09:00 + 80 h.
    [
      '72 h, pause inside the holiday',
      '2026-10-01 09:00',
      wallHours(72),
      [pause('2026-10-02 10:00', '2026-10-05 18:00')],
      '2026-10-07 17:00',
    ],
    // 10 working hours on Thu 10-08 push 24:00 of 10-10 by 10 h: Sun 10-11 is skipped → Mon 10-12 10:00.
    [
      '3 wd, 10 working hours paused',
      '2026-09-30 17:00',
      workingDays(3),
      [pause('2026-10-08 08:00', '2026-10-08 18:00')],
      '2026-10-12 10:00',
    ],
    // 10-08 14:00 → 10-09 10:00 holds 10 h + 10 h = 20 working hours → Mon 10-12 20:00.
    [
      '3 wd, pause over a night',
      '2026-09-30 17:00',
      workingDays(3),
      [pause('2026-10-08 14:00', '2026-10-09 10:00')],
      '2026-10-12 20:00',
    ],
    // 10-09 14:00 → Mon 10-12 10:00 holds 10 h (Fri) + 24 h (make-up Sat) + 0 (Sun) + 10 h (Mon) = 44 h
    // → from 24:00 of 10-10: Sun skipped, 24 h of Mon, 20 h of Tue → 10-13 20:00.
    [
      '3 wd, pause across the deadline',
      '2026-09-30 17:00',
      workingDays(3),
      [pause('2026-10-09 14:00', '2026-10-12 10:00')],
      '2026-10-13 20:00',
    ],
    // The start day is not counted, so a pause on it does not move a working-day deadline...
    [
      '3 wd, pause on the uncounted start day',
      '2026-09-30 17:00',
      workingDays(3),
      [pause('2026-09-30 18:00', '2026-09-30 20:00')],
      '2026-10-11 00:00',
    ],
    // ...and of a pause from the start day into 10-08 only 10-08 00:00–10:00 counts.
    [
      '3 wd, pause from the start day into counting',
      '2026-09-30 17:00',
      workingDays(3),
      [pause('2026-09-30 20:00', '2026-10-08 10:00')],
      '2026-10-12 10:00',
    ],
    [
      'wall, pause on the start day',
      '2026-09-30 17:00',
      wallHours(4),
      [pause('2026-09-30 18:00', '2026-09-30 20:00')],
      '2026-09-30 23:00',
    ],
    // A pause that begins after the deadline cannot cure the breach.
    [
      'wall, pause after the deadline',
      '2026-10-01 02:00',
      wallMinutes(30),
      [pause('2026-10-01 03:00', '2026-10-01 05:00')],
      '2026-10-01 02:30',
    ],
    // Overlapping pauses count once (10:10–10:40 = 30 min), whatever their order.
    [
      'wall, overlapping pauses',
      '2026-11-23 10:00',
      wallMinutes(60),
      [
        pause('2026-11-23 10:20', '2026-11-23 10:40'),
        pause('2026-11-23 10:10', '2026-11-23 10:30'),
      ],
      '2026-11-23 11:30',
    ],
    [
      'wall, pause before the start is ignored',
      '2026-11-23 10:00',
      wallMinutes(60),
      [pause('2026-11-23 08:00', '2026-11-23 09:00')],
      '2026-11-23 11:00',
    ],
  ])('%s', (_case, start, limit, pauses, expected) => {
    expect(deadlineOf(start, limit, pauses)).toBe(expected);
  });

  it('an open pause stops the clock: no deadline, the working time left, and the deadline if resumed now', () => {
    // Left at 10-08 14:00: 10 h of 10-08, 24 h of 10-09, 24 h of 10-10 = 58 working hours.
    // Resumed Mon 10-12 09:00: 15 h of 10-12, 24 h of 10-13, 19 h of 10-14 → 10-14 19:00.
    const result = computeDeadline(
      cn('2026-09-30 17:00'),
      workingDays(3),
      calendar,
      [pause('2026-10-08 14:00', null)],
      cn('2026-10-12 09:00'),
    );
    expect(result).toEqual({
      paused: true,
      deadline: null,
      pausedSince: cn('2026-10-08 14:00'),
      remainingMs: 58 * 3_600_000,
      deadlineIfResumedNow: cn('2026-10-14 19:00'),
    });
  });

  it('an open wall-clock pause keeps the minutes left', () => {
    const result = computeDeadline(cn('2026-10-01 02:00'), wallMinutes(30), calendar, [
      pause('2026-10-01 02:10', null),
    ]);
    expect(result).toEqual({
      paused: true,
      deadline: null,
      pausedSince: cn('2026-10-01 02:10'),
      remainingMs: 20 * 60_000,
      deadlineIfResumedNow: null,
    });
  });

  it('an open pause that began after the deadline leaves the breach standing', () => {
    const result = computeDeadline(cn('2026-10-01 02:00'), wallMinutes(30), calendar, [
      pause('2026-10-01 03:00', null),
    ]);
    expect(result).toEqual({ paused: false, deadline: cn('2026-10-01 02:30') });
  });
});

describe('company overrides and unpublished years', () => {
  it.each([
    // The company gives 10-08 off too: 1 = 10-09, 2 = 10-10 (make-up), 3 = Mon 10-12.
    [
      'published working day made a day off',
      [{ date: '2026-10-08', working: false }],
      '2026-10-13 00:00',
    ],
    // The company works on holiday 10-05: 1 = 10-05, 2 = 10-08, 3 = 10-09.
    [
      'published holiday made a working day',
      [{ date: '2026-10-05', working: true }],
      '2026-10-10 00:00',
    ],
  ])('%s', (_case, overrides, expected) => {
    expect(
      deadlineOf('2026-09-30 17:00', workingDays(3), [], new WorkingCalendar({ overrides })),
    ).toBe(expected);
  });

  it('a year without published data counts weekends only, and says so', () => {
    // chinese-days 1.5.7 has no 2027 data: New Year's Day, Fri 2027-01-01, counts as a working day.
    // Thu 2026-12-31 10:00 + 2 working days: 1 = Fri 01-01, 2 = Mon 01-04 → 2027-01-05 00:00.
    expect(calendar.yearsWithoutData(2026, 2027)).toEqual([2027]);
    expect(deadlineOf('2026-12-31 10:00', workingDays(2))).toBe('2027-01-05 00:00');
    // Fri 2028-09-29 + 3: Mon 10-02, Tue 10-03, Wed 10-04 (National Day not known) → 10-05 00:00.
    expect(deadlineOf('2028-09-29 10:00', workingDays(3))).toBe('2028-10-05 00:00');
  });
});

it.each([
  [{ kind: 'wall', minutes: -1 } as SlaLimit],
  [{ kind: 'wall', minutes: 1.5 } as SlaLimit],
  [{ kind: 'workingDays', days: 0 } as SlaLimit],
])('refuses the unusable limit %j', (limit) => {
  expect(() => computeDeadline(cn('2026-10-01 02:00'), limit, calendar)).toThrow(RangeError);
});
