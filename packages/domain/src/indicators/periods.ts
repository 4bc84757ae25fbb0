/**
 * The periods figures and reports are computed over, on the China-time calendar: a month 'YYYY-MM',
 * a week (its Monday 'YYYY-MM-DD'), a quarter 'YYYY-Qn', a year 'YYYY'. Windows are [from, to).
 */
import { chinaDateKey, chinaMidnight } from '../time/china-time';

export interface PeriodWindow {
  period: string;
  from: Date;
  to: Date;
  /** How a person reads it: 2026年11月, 2026年第4季度 … */
  label: string;
}

export type PeriodKind = 'weekly' | 'monthly' | 'quarterly' | 'annual';

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (year: number, month: number) =>
  chinaMidnight(`${year + Math.floor((month - 1) / 12)}-${pad(((month - 1) % 12) + 1)}-01`);

/** The China-time month containing `now`, as 'YYYY-MM'. */
export function chinaMonthOf(now: Date): string {
  return chinaDateKey(now).slice(0, 7);
}

/** The window of a period of the given kind, or null when the text is not such a period. */
export function periodWindow(kind: PeriodKind, period: string): PeriodWindow | null {
  let m: RegExpMatchArray | null;
  switch (kind) {
    case 'monthly':
      if (!(m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period))) return null;
      return {
        period,
        from: monthStart(+m[1], +m[2]),
        to: monthStart(+m[1], +m[2] + 1),
        label: `${+m[1]}年${+m[2]}月`,
      };
    case 'quarterly':
      if (!(m = /^(\d{4})-Q([1-4])$/.exec(period))) return null;
      return {
        period,
        from: monthStart(+m[1], (+m[2] - 1) * 3 + 1),
        to: monthStart(+m[1], +m[2] * 3 + 1),
        label: `${+m[1]}年第${+m[2]}季度`,
      };
    case 'annual':
      if (!(m = /^(\d{4})$/.exec(period))) return null;
      return {
        period,
        from: monthStart(+m[1], 1),
        to: monthStart(+m[1] + 1, 1),
        label: `${+m[1]}年`,
      };
    case 'weekly': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(period)) return null;
      const day = new Date(`${period}T00:00:00Z`);
      if (
        Number.isNaN(day.getTime()) ||
        day.toISOString().slice(0, 10) !== period ||
        day.getUTCDay() !== 1
      )
        return null;
      const from = chinaMidnight(period);
      const to = new Date(from.getTime() + 7 * 86_400_000);
      return { period, from, to, label: `${period} 起一周` };
    }
  }
}

/** The `count` months ending with `month` ('YYYY-MM'), oldest first. */
export function monthsEndingWith(month: string, count: number): string[] {
  const [year, mon] = month.split('-').map(Number);
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 12 + (mon - 1) - i;
    out.push(`${Math.floor(index / 12)}-${pad((index % 12) + 1)}`);
  }
  return out;
}

/** The Monday ('YYYY-MM-DD', China time) of the week before the one containing `now`. */
export function previousWeekMonday(now: Date): string {
  const today = new Date(`${chinaDateKey(now)}T00:00:00Z`);
  const sinceMonday = (today.getUTCDay() + 6) % 7;
  return new Date(today.getTime() - (sinceMonday + 7) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The month, quarter and year (China time) that most recently closed before `now`: what the scheduled
 * monthly, quarterly and annual reports are issued for. On 1 January 00:00 all three close at once.
 */
export function lastClosedPeriods(now: Date): {
  monthly: string;
  quarterly: string;
  annual: string;
} {
  const [year, month] = chinaDateKey(now).split('-').map(Number);
  const prevMonthIndex = year * 12 + (month - 1) - 1;
  const monthly = `${Math.floor(prevMonthIndex / 12)}-${String((prevMonthIndex % 12) + 1).padStart(2, '0')}`;
  const quarter = Math.floor((month - 1) / 3); // this quarter, 0-based
  const quarterly = quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
  return { monthly, quarterly, annual: String(year - 1) };
}

/** Days after a month's close at which its figures are frozen, unless a company says otherwise. */
export const DEFAULT_FREEZE_DAYS = 7;

/**
 * When a month's figures freeze: `freezeDays` whole days after the month closes (China time). Until then
 * the month is read live (its last tickets are still within their limits, ratings and callbacks still
 * arrive); from then on its figures are computed once, as of this instant, and kept — like an issued
 * report — so a past month does not change when today's data does. Null for a text that is not a month.
 */
export function monthFreezesAt(month: string, freezeDays = DEFAULT_FREEZE_DAYS): Date | null {
  const w = periodWindow('monthly', month);
  return w ? new Date(w.to.getTime() + freezeDays * 86_400_000) : null;
}
