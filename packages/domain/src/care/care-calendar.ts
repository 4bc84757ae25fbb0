import { CareOccasion } from '@linli/contracts';
import { Lunar } from 'lunar-typescript';
import { addDays } from './dates';

/**
 * The care calendar (docs/domain-rules.md §10): the festivals a community greets its residents on. Lunar
 * festivals are converted with the maintained `lunar-typescript` package, never a hand-typed table.
 *
 * Not exported from the package index: the lunar tables weigh ~400 KB and the mini-program's main
 * package imports the index. The server imports `@linli/domain/dist/care/care-calendar`.
 */
export type OccasionRule =
  | { type: 'solar'; month: number; day: number }
  | { type: 'lunar'; month: number; day: number }
  /** The n-th `weekday` (0 = Sunday) of `month`, e.g. Mother's Day: the 2nd Sunday of May. */
  | { type: 'nth_weekday'; month: number; weekday: number; n: number };

export interface OccasionDefinition {
  occasion: CareOccasion;
  name: string;
  rule: OccasionRule;
}

export const BUILT_IN_OCCASIONS: readonly OccasionDefinition[] = [
  { occasion: CareOccasion.NewYear, name: '元旦', rule: { type: 'solar', month: 1, day: 1 } },
  {
    occasion: CareOccasion.SpringFestival,
    name: '春节',
    rule: { type: 'lunar', month: 1, day: 1 },
  },
  { occasion: CareOccasion.Lantern, name: '元宵节', rule: { type: 'lunar', month: 1, day: 15 } },
  { occasion: CareOccasion.WomensDay, name: '妇女节', rule: { type: 'solar', month: 3, day: 8 } },
  {
    occasion: CareOccasion.MothersDay,
    name: '母亲节',
    rule: { type: 'nth_weekday', month: 5, weekday: 0, n: 2 },
  },
  {
    occasion: CareOccasion.ChildrensDay,
    name: '儿童节',
    rule: { type: 'solar', month: 6, day: 1 },
  },
  { occasion: CareOccasion.DragonBoat, name: '端午节', rule: { type: 'lunar', month: 5, day: 5 } },
  { occasion: CareOccasion.MidAutumn, name: '中秋节', rule: { type: 'lunar', month: 8, day: 15 } },
  {
    occasion: CareOccasion.NationalDay,
    name: '国庆节',
    rule: { type: 'solar', month: 10, day: 1 },
  },
  { occasion: CareOccasion.DoubleNinth, name: '重阳节', rule: { type: 'lunar', month: 9, day: 9 } },
];

export const OCCASION_NAMES: Record<CareOccasion, string> = {
  ...(Object.fromEntries(BUILT_IN_OCCASIONS.map((o) => [o.occasion, o.name])) as Record<
    CareOccasion,
    string
  >),
  [CareOccasion.Custom]: '自定义',
};

/** Days before an occasion the supervisor is reminded to plan it (configurable per call). */
export const DEFAULT_REMINDER_DAYS = 14;

const pad = (n: number) => String(n).padStart(2, '0');
const key = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The Gregorian 'YYYY-MM-DD' an occasion falls on in `year` (for lunar rules: the lunar year that starts in `year`). */
export function occasionDate(rule: OccasionRule, year: number): string {
  switch (rule.type) {
    case 'solar':
      return key(year, rule.month, rule.day);
    case 'lunar': {
      const solar = Lunar.fromYmd(year, rule.month, rule.day).getSolar();
      return key(solar.getYear(), solar.getMonth(), solar.getDay());
    }
    case 'nth_weekday': {
      const firstWeekday = new Date(Date.UTC(year, rule.month - 1, 1)).getUTCDay();
      const day = 1 + ((rule.weekday - firstWeekday + 7) % 7) + (rule.n - 1) * 7;
      return key(year, rule.month, day);
    }
  }
}

/** A community's own occasion: a name and a solar or lunar day it recurs on every year. */
export interface CustomOccasion {
  name: string;
  rule: OccasionRule;
}

export interface CalendarEntry {
  occasion: CareOccasion;
  name: string;
  date: string;
  remindOn: string;
  lunar: boolean;
}

/** The year's care calendar, built-in and custom occasions, sorted by date. */
export function careCalendar(
  year: number,
  custom: readonly CustomOccasion[] = [],
  reminderDays = DEFAULT_REMINDER_DAYS,
): CalendarEntry[] {
  const defs: { occasion: CareOccasion; name: string; rule: OccasionRule }[] = [
    ...BUILT_IN_OCCASIONS,
    ...custom.map((c) => ({ occasion: CareOccasion.Custom, name: c.name, rule: c.rule })),
  ];
  return defs
    .map((d) => {
      const date = occasionDate(d.rule, year);
      return {
        occasion: d.occasion,
        name: d.name,
        date,
        remindOn: addDays(date, -reminderDays),
        lunar: d.rule.type === 'lunar',
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}

/** Occasions whose reminder day has come and whose date has not passed, as of China day `today`. */
export function occasionsToPlan(entries: readonly CalendarEntry[], today: string): CalendarEntry[] {
  return entries.filter((e) => e.remindOn <= today && e.date >= today);
}
