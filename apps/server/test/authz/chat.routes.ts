// The WeChat customer-service conversation on a ticket: the second company's owner's complaint.
import type { Row } from './walk';

const complaint = (w: { complaintId: string }) => ({ id: w.complaintId });

export const rows: Row[] = [
  { route: 'GET /api/tickets/:id/chat', kind: 'foreign', params: complaint },
  {
    route: 'POST /api/tickets/:id/chat-replies',
    kind: 'foreign',
    params: complaint,
    body: () => ({ text: '走查回复' }),
  },
];
