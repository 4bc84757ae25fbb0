import { getDayDetail } from 'chinese-days';
import { WorkingCalendar } from './working-calendar';

const published = new WorkingCalendar();

describe('working calendar on the published schedule (chinese-days)', () => {
  it.each([
    // 2026 National Day: 10-01..10-07 off, Saturday 10-10 a make-up working day (调休上班).
    ['2026-09-30', true],
    ['2026-10-01', false],
    ['2026-10-07', false],
    ['2026-10-08', true],
    ['2026-10-10', true],
    ['2026-10-11', false],
    // 2026 Spring Festival: 02-15..02-23 off, Saturdays 02-14 and 02-28 make-up working days.
    ['2026-02-13', true],
    ['2026-02-14', true],
    ['2026-02-16', false],
    ['2026-02-23', false],
    ['2026-02-24', true],
    ['2026-02-28', true],
    ['2026-03-01', false],
    // ordinary weekend and weekday
    ['2026-11-21', false],
    ['2026-11-23', true],
  ])('%s working: %s', (date, working) => {
    expect(published.isWorkingDay(date)).toBe(working);
  });

  it('agrees with chinese-days itself on every day of 2026', () => {
    const disagreements: string[] = [];
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
      const key = new Date(t).toISOString().slice(0, 10);
      if (getDayDetail(key).work !== published.isWorkingDay(key)) disagreements.push(key);
    }
    expect(disagreements).toEqual([]);
  });

  it.each([
    ['2026-09-30', '2026-10-08'],
    ['2026-10-09', '2026-10-10'],
    ['2026-10-10', '2026-10-12'],
    ['2026-02-13', '2026-02-14'],
    ['2026-02-14', '2026-02-24'],
  ])('next working day after %s is %s', (date, next) => {
    expect(published.nextWorkingDay(date)).toBe(next);
  });

  it('counts working days forward', () => {
    expect(published.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(() => published.addWorkingDays('2026-09-30', 0)).toThrow(RangeError);
  });

  it('knows which years have published data', () => {
    expect(published.hasPublishedSchedule(2004)).toBe(true);
    expect(published.hasPublishedSchedule(2026)).toBe(true);
    expect(published.hasPublishedSchedule(2027)).toBe(false);
    expect(published.yearsWithoutData(2025, 2028)).toEqual([2027, 2028]);
  });

  it('falls back to weekends only in a year without data', () => {
    // 2027-01-01 (a Friday, New Year's Day) and 2027-10-01 (a Friday, National Day) are not published yet.
    expect(published.dayInfo('2027-01-01')).toEqual({
      date: '2027-01-01',
      working: true,
      source: 'weekday',
    });
    expect(published.isWorkingDay('2027-10-01')).toBe(true);
    expect(published.isWorkingDay('2027-10-02')).toBe(false);
  });

  it('rejects malformed date keys', () => {
    expect(() => published.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => published.isWorkingDay('2026-2-3')).toThrow(RangeError);
  });
});

describe('company overrides win over the published schedule', () => {
  const company = new WorkingCalendar({
    overrides: [
      { date: '2026-10-08', working: false, note: '公司加休' },
      { date: '2026-10-05', working: true, note: '节日值班' },
      { date: '2027-10-01', working: false, note: '国庆（未发布年份手工补录）' },
    ],
  });

  it.each([
    ['2026-10-08', false, 'override'],
    ['2026-10-05', true, 'override'],
    ['2027-10-01', false, 'override'],
    ['2026-10-09', true, 'weekday'],
    ['2026-10-10', true, 'published'],
  ])('%s working: %s (%s)', (date, working, source) => {
    expect(company.dayInfo(date)).toMatchObject({ working, source });
  });

  it('walks over the overrides', () => {
    expect(company.nextWorkingDay('2026-10-04')).toBe('2026-10-05');
    expect(company.nextWorkingDay('2026-10-05')).toBe('2026-10-09');
  });

  it('reports published-data gaps regardless of overrides', () => {
    expect(company.hasPublishedSchedule(2027)).toBe(false);
  });
});

describe('working time between instants', () => {
  const at = (iso: string) => Date.parse(iso);

  it('counts only the parts on working days', () => {
    // 2026-09-30 20:00 China → 2026-10-08 04:00 China: 4 h on 09-30 and 4 h on 10-08.
    expect(published.workingMsBetween(at('2026-09-30T12:00:00Z'), at('2026-10-07T20:00:00Z'))).toBe(
      8 * 3_600_000,
    );
  });

  it('walks forward skipping non-working days and lands on 24:00 exactly', () => {
    // from 2026-09-30 20:00 China, 10 h: 4 h left on 09-30, then 6 h into 10-08.
    expect(
      new Date(published.addWorkingMs(at('2026-09-30T12:00:00Z'), 10 * 3_600_000)).toISOString(),
    ).toBe('2026-10-07T22:00:00.000Z');
    // exactly the 4 h left on 09-30: ends at 24:00 of 09-30, not at 00:00 of 10-08
    expect(
      new Date(published.addWorkingMs(at('2026-09-30T12:00:00Z'), 4 * 3_600_000)).toISOString(),
    ).toBe('2026-09-30T16:00:00.000Z');
  });
});
