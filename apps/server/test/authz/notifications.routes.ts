// Messages (the inbox), phone tasks and WeChat subscriptions.
import type { Row } from './walk';

export const rows: Row[] = [
  { route: 'GET /api/notifications', kind: 'own' },
  { route: 'GET /api/notifications/unread-count', kind: 'own' },
  // Marks only the caller's own: the owner's notices stay unread (checked after the walk).
  {
    route: 'POST /api/notifications/read',
    kind: 'own',
    body: (w) => ({ ids: w.ownerNotificationIds }),
  },
  { route: 'GET /api/call-tasks', kind: 'own', query: () => 'status=open' },
  {
    route: 'POST /api/call-tasks/:id/done',
    kind: 'foreign',
    params: (w) => ({ id: w.callTaskId }),
    body: () => ({ outcome: '走查已联系' }),
  },
  { route: 'GET /api/wechat/subscribe-templates', kind: 'own' },
  { route: 'POST /api/wechat/subscriptions', kind: 'own', body: () => ({ results: {} }) },
];
