import type { CalendarOverrideDto, CalendarOverrideRequest, CalendarYearDto } from '..';
import { del, get, put } from './endpoint';

/** calendar: the routes its controllers declare. */
export const calendarEndpoints = {
  calendar: get('/api/admin/calendar')<{ year: number }, CalendarYearDto>(),
  setCalendarOverride: put('/api/admin/calendar/overrides/:date')<
    CalendarOverrideRequest,
    CalendarOverrideDto
  >(),
  removeCalendarOverride: del('/api/admin/calendar/overrides/:date')(),
};
