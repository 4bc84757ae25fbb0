// Tickets, their actions, classification, escalation slips, extensions and the community list.
// The foreign resource is the second company's owner's complaint (accepted, with an extension pending).
import { Channel, HoldReason, TicketAction } from '@linli/contracts';
import { encodeCursor } from '@linli/domain';
import type { Row } from './walk';

const complaint = (w: { complaintId: string }) => ({ id: w.complaintId });
const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

export const rows: Row[] = [
  // A resident's own submission: nothing foreign to name (the household is the caller's); an empty body.
  { route: 'POST /api/tickets', kind: 'own', body: () => ({}) },
  {
    route: 'POST /api/tickets/on-behalf',
    kind: 'foreign',
    body: (w) => ({
      householdId: w.householdId,
      categoryCode: 'common_repair',
      description: '走查代报：楼道灯不亮',
      photoIds: [],
      idempotencyKey: 'walk-on-behalf',
      channel: Channel.Hotline,
      contactName: '走查',
      contactPhone: '13722220001',
    }),
  },
  { route: 'GET /api/tickets/mine', kind: 'own' },
  { route: 'GET /api/tickets/queue', kind: 'own' },
  // A cursor naming the second company's ticket only positions the page (its deadline, urgency, age and
  // code): the page is still the caller's own queue.
  {
    route: 'GET /api/tickets/queue',
    kind: 'own',
    query: (w) => `cursor=${encodeCursor({ at: new Date(), id: w.complaintId })}`,
  },
  { route: 'GET /api/tickets/community', kind: 'own', query: () => 'filter=all' },
  { route: 'GET /api/tickets/:id', kind: 'foreign', params: complaint },
  { route: 'GET /api/tickets/:id', kind: 'foreign', params: (w) => ({ id: w.repairId }) },
  { route: 'GET /api/tickets/:id/assignees', kind: 'foreign', params: complaint },
  {
    route: 'POST /api/tickets/:id/actions',
    kind: 'foreign',
    params: complaint,
    body: (w) => ({
      action: TicketAction.Assign,
      version: w.complaintVersion,
      assigneeId: w.assistantId,
    }),
  },
  {
    route: 'POST /api/tickets/:id/actions',
    kind: 'foreign',
    params: complaint,
    body: (w) => ({
      action: TicketAction.Hold,
      version: w.complaintVersion,
      note: '走查挂起',
      holdReason: HoldReason.WaitingParts,
    }),
  },
  {
    route: 'POST /api/tickets/:id/actions',
    kind: 'foreign',
    params: (w) => ({ id: w.repairId }),
    body: () => ({ action: TicketAction.Cancel, version: 1 }),
  },
  {
    route: 'POST /api/tickets/:id/escalation-slip',
    kind: 'foreign',
    params: complaint,
    body: (w) => ({ version: w.complaintVersion, reason: '走查越级' }),
  },
  {
    route: 'POST /api/tickets/:id/classification',
    kind: 'foreign',
    params: complaint,
    body: (w) => ({ version: w.complaintVersion, urgent: true, serious: true, note: '走查' }),
  },
  {
    route: 'POST /api/tickets/:id/extensions',
    kind: 'foreign',
    params: complaint,
    body: () => ({ until: later(9), reason: '走查延期' }),
  },
  { route: 'GET /api/ticket-extensions/pending', kind: 'own' },
  {
    route: 'POST /api/ticket-extensions/:id/decision',
    kind: 'foreign',
    params: (w) => ({ id: w.extensionId }),
    body: () => ({ approve: true, note: '走查批准' }),
  },
];
