import { CareOccasion } from '@linli/contracts';
import { addDays } from './dates';
import { careCalendar, occasionDate, occasionsToPlan, BUILT_IN_OCCASIONS } from './care-calendar';

const rule = (o: CareOccasion) => BUILT_IN_OCCASIONS.find((d) => d.occasion === o)!.rule;

/**
 * Expected Gregorian dates of the lunar festivals, 2025–2030, taken from the Hong Kong Observatory's
 * Gregorian–Lunar Calendar Conversion Tables (https://www.hko.gov.hk/en/gts/time/conversion1_text.htm),
 * a source independent of the package under test. Spring Festival, Dragon Boat and Mid-Autumn agree
 * with the State Council's holiday notices for 2025 and 2026.
 */
const PUBLISHED: [number, string, string, string, string, string][] = [
  // year, Spring Festival, Lantern, Dragon Boat, Mid-Autumn, Double Ninth
  [2025, '2025-01-29', '2025-02-12', '2025-05-31', '2025-10-06', '2025-10-29'],
  [2026, '2026-02-17', '2026-03-03', '2026-06-19', '2026-09-25', '2026-10-18'],
  [2027, '2027-02-06', '2027-02-20', '2027-06-09', '2027-09-15', '2027-10-08'],
  [2028, '2028-01-26', '2028-02-09', '2028-05-28', '2028-10-03', '2028-10-26'],
  [2029, '2029-02-13', '2029-02-27', '2029-06-16', '2029-09-22', '2029-10-16'],
  [2030, '2030-02-03', '2030-02-17', '2030-06-05', '2030-09-12', '2030-10-05'],
];

describe('lunar festivals', () => {
  it.each(PUBLISHED)(
    '%i: 春节 %s, 元宵 %s, 端午 %s, 中秋 %s, 重阳 %s',
    (year, spring, lantern, dragon, midAutumn, doubleNinth) => {
      expect(occasionDate(rule(CareOccasion.SpringFestival), year)).toBe(spring);
      expect(occasionDate(rule(CareOccasion.Lantern), year)).toBe(lantern);
      expect(occasionDate(rule(CareOccasion.DragonBoat), year)).toBe(dragon);
      expect(occasionDate(rule(CareOccasion.MidAutumn), year)).toBe(midAutumn);
      expect(occasionDate(rule(CareOccasion.DoubleNinth), year)).toBe(doubleNinth);
    },
  );
});

describe('solar festivals', () => {
  it.each([
    [CareOccasion.NewYear, 2026, '2026-01-01'],
    [CareOccasion.WomensDay, 2026, '2026-03-08'],
    [CareOccasion.ChildrensDay, 2027, '2027-06-01'],
    [CareOccasion.NationalDay, 2028, '2028-10-01'],
    // Mother's Day, the second Sunday of May
    [CareOccasion.MothersDay, 2025, '2025-05-11'],
    [CareOccasion.MothersDay, 2026, '2026-05-10'],
    [CareOccasion.MothersDay, 2027, '2027-05-09'],
    [CareOccasion.MothersDay, 2028, '2028-05-14'],
    [CareOccasion.MothersDay, 2029, '2029-05-13'],
    [CareOccasion.MothersDay, 2030, '2030-05-12'],
  ])('%s %i falls on %s', (occasion, year, date) => {
    expect(occasionDate(rule(occasion), year)).toBe(date);
  });
});

describe('careCalendar', () => {
  it('lists the ten occasions and custom ones in date order, each with its reminder day', () => {
    const cal = careCalendar(
      2026,
      [{ name: '社区十周年', rule: { type: 'solar', month: 9, day: 20 } }],
      10,
    );
    expect(cal).toHaveLength(11);
    expect(cal.map((e) => e.date)).toEqual([...cal.map((e) => e.date)].sort());
    const anniversary = cal.find((e) => e.name === '社区十周年')!;
    expect(anniversary).toEqual({
      occasion: CareOccasion.Custom,
      name: '社区十周年',
      date: '2026-09-20',
      remindOn: '2026-09-10',
      lunar: false,
    });
    expect(cal.find((e) => e.occasion === CareOccasion.MidAutumn)).toMatchObject({
      date: '2026-09-25',
      remindOn: '2026-09-15',
      lunar: true,
    });
  });

  it('a custom lunar occasion is converted too', () => {
    const cal = careCalendar(2027, [{ name: '腊八', rule: { type: 'lunar', month: 12, day: 8 } }]);
    // Laba of lunar year 2027 falls in January 2028.
    expect(cal.find((e) => e.name === '腊八')!.date).toBe('2028-01-04');
  });

  it.each([
    ['2026-09-10', []],
    ['2026-09-11', ['中秋节']],
    ['2026-09-17', ['中秋节', '国庆节']],
    ['2026-09-26', ['国庆节']],
    ['2026-10-02', []],
  ])('on %s the supervisor is reminded to plan %j', (today, names) => {
    const cal = careCalendar(2026).filter(
      (e) => e.occasion === CareOccasion.MidAutumn || e.occasion === CareOccasion.NationalDay,
    );
    expect(occasionsToPlan(cal, today).map((e) => e.name)).toEqual(names);
  });

  it('addDays crosses months and years', () => {
    expect(addDays('2026-01-03', -14)).toBe('2025-12-20');
    expect(() => addDays('nope', 1)).toThrow(RangeError);
  });
});
