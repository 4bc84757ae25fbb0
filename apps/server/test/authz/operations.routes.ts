// Outages (停水停电通知), duty shifts and the staff member's own card.
import type { Row } from './walk';

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

export const rows: Row[] = [
  { route: 'GET /api/outages', kind: 'own' },
  { route: 'GET /api/outages/current', kind: 'own' },
  // A notice is always the caller's own community's: naming a building outside it is a field error (400),
  // the same answer as for an id that does not exist, so it reveals nothing.
  {
    route: 'POST /api/outages',
    kind: 'foreign',
    refuse: [400, 403, 404],
    body: (w) => ({
      kind: 'power',
      title: '走查停电',
      body: '走查',
      buildingIds: [w.buildingId],
      startsAt: hours(30),
      endsAt: hours(32),
    }),
  },
  {
    route: 'POST /api/outages/:id/close',
    kind: 'foreign',
    params: (w) => ({ id: w.outageId }),
    body: () => ({ note: '走查结束' }),
  },
  { route: 'GET /api/duty-shifts', kind: 'own' },
  { route: 'GET /api/duty-shifts/assistants', kind: 'own' },
  // Likewise a shift is the caller's own community's (400 for a building outside it, as for none).
  {
    route: 'POST /api/duty-shifts',
    kind: 'foreign',
    refuse: [400, 403, 404],
    body: (w) => ({
      buildingId: w.buildingId,
      assistantId: w.assistantId,
      startsAt: hours(48),
      endsAt: hours(56),
    }),
  },
  { route: 'DELETE /api/duty-shifts/:id', kind: 'foreign', params: (w) => ({ id: w.dutyShiftId }) },
  { route: 'GET /api/me/staff-profile', kind: 'own' },
  // Someone else's photo may not become one's own card photo.
  { route: 'PUT /api/me/staff-profile', kind: 'foreign', body: (w) => ({ photoId: w.uploadId }) },
];
