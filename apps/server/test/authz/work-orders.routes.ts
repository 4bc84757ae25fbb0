// Work orders (工作安排通知单): the second company's order on its owner's complaint.
import type { Row } from './walk';

const order = (w: { workOrderId: string }) => ({ id: w.workOrderId });

export const rows: Row[] = [
  { route: 'GET /api/work-orders', kind: 'own' },
  {
    route: 'POST /api/work-orders',
    kind: 'foreign',
    body: (w) => ({
      department: 'engineering',
      instructions: '走查下达',
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      ticketId: w.complaintId,
    }),
  },
  { route: 'POST /api/work-orders/:id/accept', kind: 'foreign', params: order },
  {
    route: 'POST /api/work-orders/:id/done',
    kind: 'foreign',
    params: order,
    body: () => ({ result: '走查完成' }),
  },
];
