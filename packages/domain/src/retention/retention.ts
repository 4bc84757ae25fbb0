import { chinaDateKey, chinaMidnight } from '../time/china-time';

/** How long records are kept (the brief §12: two years), and whether the retention job runs at all. */
export interface RetentionPolicy {
  years: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { years: 2 };

/** What replaces a resident's free text once a record is past retention. */
export const ANONYMISED_TEXT = '（已超过保存期限，内容已匿名化）';

/**
 * The instant before which a finished record is past retention: midnight (China time) of today's date
 * `years` years back. 29 February goes back to 28 February in a year without it.
 */
export function retentionCutoff(now: Date, policy: RetentionPolicy = DEFAULT_RETENTION): Date {
  const [y, m, d] = chinaDateKey(now).split('-').map(Number);
  const year = y - policy.years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return chinaMidnight(
    `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`,
  );
}

/**
 * Whether a record is past retention: it is finished (a ticket closed, cancelled or judged invalid and
 * answered; a callback done or given up) and its last activity came before the cutoff. Open work is
 * never past retention, however old.
 */
export function isPastRetention(
  record: { finished: boolean; lastActivityAt: Date },
  now: Date,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): boolean {
  return (
    record.finished && record.lastActivityAt.getTime() < retentionCutoff(now, policy).getTime()
  );
}
