// Company settings: categories, time-limit policies, the working calendar. Each acts on the caller's own
// company (no company id in the request), so there is nothing foreign to name: 'own' rows.
import type { Row } from './walk';

export const rows: Row[] = [
  { route: 'GET /api/ticket-categories', kind: 'own' },
  { route: 'GET /api/ticket-categories/manage', kind: 'own' },
  // An empty change: categories are one catalogue shared by every company (see docs/access.md).
  {
    route: 'PUT /api/ticket-categories/:code',
    kind: 'own',
    params: () => ({ code: 'complaint_general' }),
    body: () => ({}),
  },
  { route: 'GET /api/admin/sla-policies', kind: 'own' },
  {
    route: 'PUT /api/admin/sla-policies/:code',
    kind: 'own',
    params: () => ({ code: 'complaint_general' }),
    body: () => ({ milestones: {} }),
  },
  {
    route: 'DELETE /api/admin/sla-policies/:code',
    kind: 'own',
    params: () => ({ code: 'complaint_general' }),
  },
  { route: 'GET /api/admin/calendar', kind: 'own' },
  {
    route: 'PUT /api/admin/calendar/overrides/:date',
    kind: 'own',
    params: () => ({ date: '2027-01-04' }),
    body: () => ({ working: true, note: '走查调班' }),
  },
  {
    route: 'DELETE /api/admin/calendar/overrides/:date',
    kind: 'own',
    params: () => ({ date: '2027-01-04' }),
  },
];
