import { IndicatorTicket, responsibleDepartment } from '@linli/domain';
import { TicketEvent } from '../tickets/entities/ticket-event.entity';
import { TicketExtension } from '../tickets/entities/ticket-extension.entity';
import { TicketMilestone } from '../tickets/entities/ticket-milestone.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { WorkOrder } from '../work-orders/entities/work-order.entity';

/** The columns of a cohort's tickets the indicators read. */
export type CohortTicket = Pick<
  Ticket,
  | 'id'
  | 'code'
  | 'kind'
  | 'categoryCode'
  | 'channel'
  | 'buildingId'
  | 'emergency'
  | 'serious'
  | 'status'
  | 'createdAt'
  | 'pauses'
>;

/** The ticket columns a cohort reads (CohortTicket's). */
export const COHORT_TICKET_SELECT = {
  id: true,
  code: true,
  kind: true,
  categoryCode: true,
  channel: true,
  buildingId: true,
  emergency: true,
  serious: true,
  status: true,
  createdAt: true,
  pauses: true,
} as const;

/** The history rows of a cohort's tickets, with the columns the indicators read. */
export interface CohortHistory {
  events: Pick<TicketEvent, 'ticketId' | 'action' | 'at' | 'actorId'>[];
  milestones: Pick<
    TicketMilestone,
    'ticketId' | 'milestone' | 'limitSpec' | 'startAt' | 'metAt' | 'warnedAt' | 'breachedAt'
  >[];
  extensions: Pick<TicketExtension, 'ticketId' | 'status' | 'requestedAt'>[];
  orders: Pick<WorkOrder, 'ticketId' | 'department' | 'issuedAt'>[];
}

/** Rows grouped by their ticket, in the order given. */
function byTicket<T extends { ticketId: string | null }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const key = row.ticketId as string;
    (map.get(key) ?? map.set(key, []).get(key)!).push(row);
  }
  return map;
}

/**
 * The tickets in the domain's terms, each with its own history rows and the department responsible for
 * it as of `asOf` (its category's, `departmentOf`, else customer service, moved by its work orders).
 */
export function toIndicatorTickets(
  tickets: readonly CohortTicket[],
  history: CohortHistory,
  departmentOf: (categoryCode: string) => string | undefined,
  asOf: Date,
): IndicatorTicket[] {
  const events = byTicket(history.events);
  const milestones = byTicket(history.milestones);
  const extensions = byTicket(history.extensions);
  const orders = byTicket(history.orders);
  return tickets.map((t) => ({
    id: t.id,
    code: t.code,
    kind: t.kind,
    categoryCode: t.categoryCode,
    channel: t.channel,
    buildingId: t.buildingId,
    department: responsibleDepartment(
      departmentOf(t.categoryCode) ?? 'customer_service',
      orders.get(t.id) ?? [],
      asOf,
    ),
    emergency: t.emergency,
    serious: t.serious,
    status: t.status,
    createdAt: t.createdAt,
    pauses: (t.pauses ?? []).map((p) => ({
      from: new Date(p.from),
      to: p.to ? new Date(p.to) : null,
    })),
    events: (events.get(t.id) ?? []).map((e) => ({
      action: e.action,
      at: e.at,
      actorId: e.actorId,
    })),
    milestones: (milestones.get(t.id) ?? []).map((m) => ({
      milestone: m.milestone,
      limit: m.limitSpec,
      startAt: m.startAt,
      metAt: m.metAt,
      warnedAt: m.warnedAt,
      breachedAt: m.breachedAt,
    })),
    extensions: (extensions.get(t.id) ?? []).map((x) => ({
      status: x.status,
      requestedAt: x.requestedAt,
    })),
  }));
}
