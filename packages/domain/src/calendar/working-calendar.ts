/**
 * The working calendar (docs/domain-rules.md §6): weekends and public holidays off, make-up working days (调休)
 * on, as published each year; a company's own override table wins over the published schedule.
 * Years the schedule does not cover fall back to weekends only, and are reported so an admin can
 * add overrides. Date keys are China-time days 'YYYY-MM-DD'; instants are UTC.
 */
import { CHINESE_DAYS_SCHEDULE, type PublishedSchedule } from './published-schedule';
import { dateKeyOfDay, dayIndexOf, dayIndexOfKey, dayStartMs, isWeekendDay } from './day-index';

export interface CalendarOverride {
  date: string;
  working: boolean;
  note?: string;
}

export type DaySource = 'override' | 'published' | 'weekend' | 'weekday';

export interface DayInfo {
  date: string;
  working: boolean;
  source: DaySource;
  note?: string;
}

export interface WorkingCalendarOptions {
  /** Defaults to the chinese-days schedule. */
  published?: PublishedSchedule;
  overrides?: readonly CalendarOverride[];
}

/** No calendar goes this long without a working day; a guard against a broken override table. */
const MAX_DAYS_WITHOUT_WORK = 366;

interface Published {
  days: Map<number, boolean>;
  years: Set<number>;
}

const publishedCache = new WeakMap<PublishedSchedule, Published>();

function indexPublished(schedule: PublishedSchedule): Published {
  let indexed = publishedCache.get(schedule);
  if (!indexed) {
    const days = new Map<number, boolean>();
    const years = new Set<number>();
    for (const key of schedule.holidays) {
      days.set(dayIndexOfKey(key), false);
      years.add(Number(key.slice(0, 4)));
    }
    for (const key of schedule.workdays) days.set(dayIndexOfKey(key), true);
    indexed = { days, years };
    publishedCache.set(schedule, indexed);
  }
  return indexed;
}

export class WorkingCalendar {
  private readonly published: Published;
  private readonly overrides = new Map<number, CalendarOverride>();

  constructor(options: WorkingCalendarOptions = {}) {
    this.published = indexPublished(options.published ?? CHINESE_DAYS_SCHEDULE);
    for (const o of options.overrides ?? []) this.overrides.set(dayIndexOfKey(o.date), o);
  }

  isWorkingDay(dateKey: string): boolean {
    return this.isWorkingDayIndex(dayIndexOfKey(dateKey));
  }

  /** Why a day is (not) a working day, for the admin calendar view. */
  dayInfo(dateKey: string): DayInfo {
    const day = dayIndexOfKey(dateKey);
    const override = this.overrides.get(day);
    if (override)
      return { date: dateKey, working: override.working, source: 'override', note: override.note };
    const published = this.published.days.get(day);
    if (published !== undefined) return { date: dateKey, working: published, source: 'published' };
    return isWeekendDay(day)
      ? { date: dateKey, working: false, source: 'weekend' }
      : { date: dateKey, working: true, source: 'weekday' };
  }

  /** The first working day strictly after `dateKey`. */
  nextWorkingDay(dateKey: string): string {
    return dateKeyOfDay(this.nextWorkingDayIndex(dayIndexOfKey(dateKey)));
  }

  /** The `n`-th working day strictly after `dateKey` (n ≥ 1). */
  addWorkingDays(dateKey: string, n: number): string {
    return dateKeyOfDay(this.nthWorkingDayAfter(dayIndexOfKey(dateKey), n));
  }

  /** True when the published schedule has data for `year`; otherwise that year is weekends-only. */
  hasPublishedSchedule(year: number): boolean {
    return this.published.years.has(year);
  }

  /** Years in [fromYear, toYear] without published data, for the admin view's warning. */
  yearsWithoutData(fromYear: number, toYear: number): number[] {
    const missing: number[] = [];
    for (let y = fromYear; y <= toYear; y++) if (!this.published.years.has(y)) missing.push(y);
    return missing;
  }

  // Day-index and instant API used by the SLA clock: integers and epoch milliseconds, no allocation.

  isWorkingDayIndex(day: number): boolean {
    const override = this.overrides.get(day);
    if (override) return override.working;
    return this.published.days.get(day) ?? !isWeekendDay(day);
  }

  nextWorkingDayIndex(day: number): number {
    for (let d = day + 1; d <= day + MAX_DAYS_WITHOUT_WORK; d++)
      if (this.isWorkingDayIndex(d)) return d;
    throw new RangeError(
      `no working day within ${MAX_DAYS_WITHOUT_WORK} days after ${dateKeyOfDay(day)}`,
    );
  }

  nthWorkingDayAfter(day: number, n: number): number {
    if (!Number.isInteger(n) || n < 1)
      throw new RangeError(`working days must be a positive integer: ${n}`);
    let d = day;
    for (let i = 0; i < n; i++) d = this.nextWorkingDayIndex(d);
    return d;
  }

  /** Milliseconds of working-day time in [fromMs, toMs) (0 when toMs ≤ fromMs). */
  workingMsBetween(fromMs: number, toMs: number): number {
    let total = 0;
    for (let day = dayIndexOf(fromMs); fromMs < toMs; day++) {
      const dayEnd = dayStartMs(day + 1);
      const end = dayEnd < toMs ? dayEnd : toMs;
      if (this.isWorkingDayIndex(day)) total += end - fromMs;
      fromMs = end;
    }
    return total;
  }

  /**
   * The earliest instant at which `ms` of working-day time has passed since `fromMs`, walking
   * forward and skipping non-working days. Time used up exactly at a day's end lands on that
   * day's 24:00, not on the start of the next working day.
   */
  addWorkingMs(fromMs: number, ms: number): number {
    let t = fromMs;
    let remaining = ms;
    let idle = 0;
    for (let day = dayIndexOf(t); remaining > 0; day++) {
      const dayEnd = dayStartMs(day + 1);
      if (this.isWorkingDayIndex(day)) {
        idle = 0;
        if (remaining <= dayEnd - t) return t + remaining;
        remaining -= dayEnd - t;
      } else if (++idle > MAX_DAYS_WITHOUT_WORK) {
        throw new RangeError(
          `no working day within ${MAX_DAYS_WITHOUT_WORK} days after ${dateKeyOfDay(day - idle)}`,
        );
      }
      t = dayEnd;
    }
    return t;
  }
}
