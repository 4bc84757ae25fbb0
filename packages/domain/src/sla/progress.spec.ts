import { WorkingCalendar } from '../calendar/working-calendar';
import type { SlaPause } from './deadline';
import { wallMinutes, workingDays } from './durations';
import { elapsedShare, evaluateSla, milestoneState } from './progress';

const cn = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const calendar = new WorkingCalendar();

describe('wall-clock share and state: 100 min from 2026-10-01 02:00, deadline 03:40', () => {
  const start = cn('2026-10-01 02:00');
  const deadline = cn('2026-10-01 03:40');
  it.each([
    ['2026-10-01 02:00', 0, 'ok'],
    ['2026-10-01 03:19', 0.79, 'ok'],
    ['2026-10-01 03:20', 0.8, 'warning'],
    ['2026-10-01 03:40', 1, 'warning'], // at the deadline instant the limit is still met
    ['2026-10-01 03:41', 1.01, 'breached'],
  ])('at %s: share %d, %s', (now, share, state) => {
    const s = elapsedShare(start, deadline, [], cn(now));
    expect(s).toBeCloseTo(share, 10);
    expect(milestoneState(cn(now), deadline, s)).toBe(state);
  });
});

describe('paused time is not used time', () => {
  // 100 min from 02:00 with 02:10–02:30 paused: deadline 04:00.
  const start = cn('2026-10-01 02:00');
  const deadline = cn('2026-10-01 04:00');
  const pauses: SlaPause[] = [{ from: cn('2026-10-01 02:10'), to: cn('2026-10-01 02:30') }];
  it.each([
    ['2026-10-01 02:20', 0.1], // inside the pause: 10 min used
    ['2026-10-01 03:39', 0.79],
    ['2026-10-01 03:40', 0.8],
    ['2026-10-01 04:00', 1],
  ])('at %s: share %d', (now, share) => {
    expect(elapsedShare(start, deadline, pauses, cn(now))).toBeCloseTo(share, 10);
  });

  it('a pause after the deadline does not hide the breach', () => {
    const late: SlaPause[] = [{ from: cn('2026-10-01 04:10'), to: null }];
    // 02:00 → 05:00 is 180 min of a 100-min limit; the pause from 04:10 is after the deadline and not deducted.
    expect(elapsedShare(start, cn('2026-10-01 03:40'), late, cn('2026-10-01 05:00'))).toBeCloseTo(
      1.8,
      10,
    );
  });
});

describe('working-day share: 3 working days from 2026-09-30 17:00 (72 working hours, deadline 10-11 00:00)', () => {
  const start = cn('2026-09-30 17:00');
  const deadline = cn('2026-10-11 00:00');
  it.each([
    ['2026-09-30 23:00', 0, 'ok'], // the start day is not counted
    ['2026-10-05 12:00', 0, 'ok'], // National Day holiday
    ['2026-10-09 00:00', 1 / 3, 'ok'],
    ['2026-10-10 09:00', 57 / 72, 'ok'], // 79.2%
    ['2026-10-10 09:36', 0.8, 'warning'], // 57.6 of 72 working hours
    ['2026-10-11 00:00', 1, 'warning'],
    ['2026-10-12 01:00', 73 / 72, 'breached'], // Sunday 10-11 adds no working time, Monday does
  ])('at %s: share %d, %s', (now, share, state) => {
    const s = elapsedShare(start, deadline, [], cn(now), calendar);
    expect(s).toBeCloseTo(share, 10);
    expect(milestoneState(cn(now), deadline, s)).toBe(state);
  });
});

describe('evaluateSla: the sweep and countdown in one call', () => {
  it.each([
    ['2026-10-01 02:23', 'ok', 23 / 30, 7],
    ['2026-10-01 02:24', 'warning', 0.8, 6],
    ['2026-10-01 02:31', 'breached', 31 / 30, -1],
  ])('30-min emergency from 02:00 on National Day, at %s: %s', (now, state, share, minutesLeft) => {
    const evaluation = evaluateSla(cn('2026-10-01 02:00'), wallMinutes(30), calendar, [], cn(now));
    expect(evaluation).toMatchObject({
      state,
      deadline: cn('2026-10-01 02:30'),
      remainingMs: minutesLeft * 60_000,
    });
    expect(evaluation.share).toBeCloseTo(share, 10);
  });

  it('uses working time for working-day limits', () => {
    const evaluation = evaluateSla(
      cn('2026-09-30 17:00'),
      workingDays(3),
      calendar,
      [],
      cn('2026-10-10 09:36'),
    );
    expect(evaluation).toMatchObject({ state: 'warning', deadline: cn('2026-10-11 00:00') });
  });

  it('reports a paused clock with the share used before the pause', () => {
    // 10-08 14:00: 14 of 72 working hours used, 58 left.
    const pauses: SlaPause[] = [{ from: cn('2026-10-08 14:00'), to: null }];
    const evaluation = evaluateSla(
      cn('2026-09-30 17:00'),
      workingDays(3),
      calendar,
      pauses,
      cn('2026-10-20 09:00'),
    );
    expect(evaluation).toMatchObject({
      state: 'paused',
      deadline: null,
      pausedSince: cn('2026-10-08 14:00'),
      remainingMs: 58 * 3_600_000,
    });
    expect(evaluation.share).toBeCloseTo(14 / 72, 10);
  });

  it('honours a company warning share', () => {
    expect(
      evaluateSla(
        cn('2026-10-01 02:00'),
        wallMinutes(30),
        calendar,
        [],
        cn('2026-10-01 02:20'),
        0.5,
      ).state,
    ).toBe('warning');
  });
});
