import { SkipReason } from '@linli/contracts';
import {
  careSendableAt,
  DEFAULT_TIMING_GUARD,
  householdSkipReason,
  renovationUnderWay,
} from './timing-guard';

const NOW = new Date('2026-09-24T02:00:00.000Z'); // 10:00 China time
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

describe('householdSkipReason', () => {
  it.each<[string, Date[], boolean, number, SkipReason | null]>([
    ['nothing open', [], false, 30, null],
    ['complaint open 3 days', [daysAgo(3)], false, 30, SkipReason.OpenComplaint],
    ['complaint open 40 days, window 30', [daysAgo(40)], false, 30, null],
    ['complaint open 40 days, window 60', [daysAgo(40)], false, 60, SkipReason.OpenComplaint],
    ['renovating', [], true, 30, SkipReason.Renovation],
    ['both: the complaint is named', [daysAgo(1)], true, 30, SkipReason.OpenComplaint],
  ])('%s → %s', (_n, complaints, renovating, windowDays, expected) => {
    expect(
      householdSkipReason({ openComplaintsAt: complaints, renovating }, NOW, {
        ...DEFAULT_TIMING_GUARD,
        complaintWindowDays: windowDays,
      }),
    ).toBe(expected);
  });
});

describe('quiet hours (default 22:00–08:00 China time)', () => {
  it.each([
    ['2026-09-24T13:59:00.000Z', '2026-09-24T13:59:00.000Z'], // 21:59: sent now
    ['2026-09-24T14:00:00.000Z', '2026-09-25T00:00:00.000Z'], // 22:00 → 08:00 next day
    ['2026-09-24T18:30:00.000Z', '2026-09-25T00:00:00.000Z'], // 02:30 → 08:00 same day
    ['2026-09-25T00:00:00.000Z', '2026-09-25T00:00:00.000Z'], // 08:00
  ])('at %s a greeting may go from %s', (at, next) => {
    expect(careSendableAt(new Date(at)).toISOString()).toBe(next);
  });
});

describe('renovationUnderWay', () => {
  it.each<[string, Date | null, boolean]>([
    ['no start application', null, false],
    ['started 10 days ago', daysAgo(10), true],
    ['started 90 days ago', daysAgo(90), true],
    ['started 91 days ago', daysAgo(91), false],
  ])('%s → %s', (_n, at, expected) => expect(renovationUnderWay(at, NOW)).toBe(expected));
});
