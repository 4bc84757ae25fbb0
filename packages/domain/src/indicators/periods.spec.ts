import {
  chinaMonthOf,
  lastClosedPeriods,
  monthFreezesAt,
  monthsEndingWith,
  periodWindow,
  previousWeekMonday,
} from './periods';

const iso = (d: Date | undefined) => d?.toISOString();

describe('periodWindow (China time, [from, to))', () => {
  it.each([
    ['monthly', '2026-11', '2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z', '2026年11月'],
    ['monthly', '2026-12', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z', '2026年12月'],
    [
      'quarterly',
      '2026-Q4',
      '2026-09-30T16:00:00.000Z',
      '2026-12-31T16:00:00.000Z',
      '2026年第4季度',
    ],
    [
      'quarterly',
      '2027-Q1',
      '2026-12-31T16:00:00.000Z',
      '2027-03-31T16:00:00.000Z',
      '2027年第1季度',
    ],
    ['annual', '2026', '2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z', '2026年'],
    [
      'weekly',
      '2026-11-23',
      '2026-11-22T16:00:00.000Z',
      '2026-11-29T16:00:00.000Z',
      '2026-11-23 起一周',
    ],
  ] as const)('%s %s', (kind, period, from, to, label) => {
    const w = periodWindow(kind, period);
    expect([iso(w?.from), iso(w?.to), w?.label]).toEqual([from, to, label]);
  });

  it.each([
    ['monthly', '2026-13'],
    ['monthly', '2026-1'],
    ['monthly', '<script>'],
    ['quarterly', '2026-Q5'],
    ['annual', '26'],
    ['weekly', '2026-11-24'], // a Tuesday
    ['weekly', '2026-02-30'],
  ] as const)('refuses %s %s', (kind, period) => {
    expect(periodWindow(kind, period)).toBeNull();
  });
});

describe('month helpers', () => {
  it('the China month of an instant: 2026-11-30 16:30 UTC is already December in China', () => {
    expect(chinaMonthOf(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(chinaMonthOf(new Date('2026-11-30T15:59:00Z'))).toBe('2026-11');
  });
  it('six months ending with February cross the year', () => {
    expect(monthsEndingWith('2027-02', 6)).toEqual([
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
  });
  it.each([
    ['2026-12-04T02:00:00Z', '2026-11-23'], // Friday → the Monday of last week
    ['2026-11-30T02:00:00Z', '2026-11-23'], // Monday
    ['2026-11-29T17:00:00Z', '2026-11-23'], // Monday 01:00 in China
    ['2026-11-29T15:00:00Z', '2026-11-16'], // still Sunday in China
  ])('previousWeekMonday(%s) = %s', (now, monday) => {
    expect(previousWeekMonday(new Date(now))).toBe(monday);
  });
});

describe('lastClosedPeriods (what the scheduled reports are issued for)', () => {
  it.each([
    // [now, month, quarter, year]
    ['2026-12-01T00:10:00+08:00', '2026-11', '2026-Q3', '2025'],
    ['2026-11-30T23:59:00+08:00', '2026-10', '2026-Q3', '2025'],
    ['2026-10-01T00:00:00+08:00', '2026-09', '2026-Q3', '2025'],
    ['2026-09-30T23:59:00+08:00', '2026-08', '2026-Q2', '2025'],
    ['2027-01-01T00:00:00+08:00', '2026-12', '2026-Q4', '2026'],
    // 2026-12-31 16:30 UTC is already 1 January in China.
    ['2026-12-31T16:30:00Z', '2026-12', '2026-Q4', '2026'],
    ['2026-03-31T23:00:00+08:00', '2026-02', '2025-Q4', '2025'],
  ])('at %s: %s, %s, %s', (now, monthly, quarterly, annual) => {
    expect(lastClosedPeriods(new Date(now))).toEqual({ monthly, quarterly, annual });
  });
});

describe('monthFreezesAt', () => {
  it('is the given number of days after the month closes, China time', () => {
    expect(iso(monthFreezesAt('2026-11') ?? undefined)).toBe('2026-12-07T16:00:00.000Z');
    expect(iso(monthFreezesAt('2026-12', 0) ?? undefined)).toBe('2026-12-31T16:00:00.000Z');
    expect(iso(monthFreezesAt('2026-02', 10) ?? undefined)).toBe('2026-03-10T16:00:00.000Z');
  });

  it('is null for a text that is not a month', () => {
    expect(monthFreezesAt('2026-13')).toBeNull();
  });
});
