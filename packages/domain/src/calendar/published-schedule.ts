/**
 * The published Chinese working schedule (国务院办公厅 holiday notices), as shipped by the
 * `chinese-days` package: public holidays (days off) and make-up working days (调休上班).
 * We read its data file rather than its functions: the functions format dates with the host's
 * local time zone, the data is plain 'YYYY-MM-DD' keys.
 */
import data from 'chinese-days/dist/chinese-days.json';

export interface PublishedSchedule {
  /** Days off by public holiday, 'YYYY-MM-DD'. Ordinary weekends are not listed. */
  holidays: readonly string[];
  /** Make-up working days (usually a Saturday or Sunday), 'YYYY-MM-DD'. */
  workdays: readonly string[];
}

const raw = data as { holidays: Record<string, string>; workdays: Record<string, string> };

/** The schedule from chinese-days@1.5.7: data for 2004–2026. */
export const CHINESE_DAYS_SCHEDULE: PublishedSchedule = {
  holidays: Object.keys(raw.holidays),
  workdays: Object.keys(raw.workdays),
};
