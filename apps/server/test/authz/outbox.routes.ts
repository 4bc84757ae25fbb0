// The WeChat outbox: the platform's admin only (messages go to every company's people).
import { randomUUID } from 'node:crypto';
import type { Row } from './walk';

export const rows: Row[] = [
  { route: 'GET /api/admin/outbox', kind: 'own' },
  // No walker is the platform's admin: refused before the id is even looked up.
  {
    route: 'POST /api/admin/outbox/:id/retry',
    kind: 'foreign',
    params: () => ({ id: randomUUID() }),
  },
];
