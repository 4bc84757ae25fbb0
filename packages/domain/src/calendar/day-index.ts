/**
 * China-time calendar days as integers (days since 1970-01-01 in China time), so the SLA clock can
 * walk over days without allocating strings or Dates.
 */
import { CHINA_OFFSET_MS } from '../time/china-time';

export const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** The China day containing the instant `ms` (UTC epoch milliseconds). */
export function dayIndexOf(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS);
}

/** UTC epoch milliseconds of China-time 00:00 starting day `day`. */
export function dayStartMs(day: number): number {
  return day * DAY_MS - CHINA_OFFSET_MS;
}

export function dayIndexOfKey(dateKey: string): number {
  const ms = DATE_KEY.test(dateKey) ? Date.parse(`${dateKey}T00:00:00.000Z`) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== dateKey) {
    throw new RangeError(`not a date key (YYYY-MM-DD): ${dateKey}`);
  }
  return ms / DAY_MS;
}

export function dateKeyOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Saturday or Sunday. Day 0 (1970-01-01) was a Thursday. */
export function isWeekendDay(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}
