/**
 * The working calendar behind every "N working days" time limit: the published Chinese schedule
 * (holidays off, make-up days on) and the company's own adjustments, which win over it.
 */

/** Why a day is or is not a working day. */
export type CalendarDaySource = 'override' | 'published' | 'weekend' | 'weekday';

export interface CalendarDayDto {
  /** China-time day, 'YYYY-MM-DD'. */
  date: string;
  working: boolean;
  source: CalendarDaySource;
  note: string | null;
}

/** One company adjustment: a day made working or made a day off. */
export interface CalendarOverrideDto {
  date: string;
  working: boolean;
  note: string | null;
  updatedByName: string | null;
  updatedAt: string;
}

/** PUT /api/admin/calendar/overrides/:date */
export interface CalendarOverrideRequest {
  working: boolean;
  note?: string;
}

/** GET /api/admin/calendar?year=YYYY */
export interface CalendarYearDto {
  year: number;
  /** The published schedule covers this year. */
  published: boolean;
  /** Shown to admins when this year or the next has no published schedule: counted as weekends only. */
  warnings: string[];
  /** Days that differ from a plain Monday–Friday week (holidays, make-up days, adjustments), in order. */
  specialDays: CalendarDayDto[];
  overrides: CalendarOverrideDto[];
  /** Staff may read; only company admins change it. */
  canEdit: boolean;
}
