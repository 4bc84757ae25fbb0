import {
  TicketPhotoDto,
  TicketAction,
  TicketDetailDto,
  TicketEventDto,
  TicketMilestoneDto,
  TicketSlaDto,
  TicketSummaryDto,
} from '@linli/contracts';
import { TicketEvent } from './entities/ticket-event.entity';
import { Ticket } from './entities/ticket.entity';

/** The relations a ticket must be loaded with to be shown. */
export const TICKET_VIEW_RELATIONS = {
  category: true,
  room: true,
  assignee: true,
  outage: true,
} as const;

export function toTicketSummary(t: Ticket, sla: TicketSlaDto | null): TicketSummaryDto {
  return {
    id: t.id,
    code: t.code,
    kind: t.kind,
    categoryCode: t.categoryCode,
    categoryName: t.category?.name ?? t.categoryCode,
    description: t.description,
    status: t.status,
    emergency: t.emergency,
    serious: t.serious,
    roomLabel: t.room?.label ?? '',
    assigneeName: t.assignee?.name ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
    sla,
    escalationLevel: t.escalationLevel,
  };
}

export function toTicketEvent(e: TicketEvent): TicketEventDto {
  return {
    id: e.id,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorName: e.actor?.name ?? '系统',
    actorRole: e.actor?.role ?? 'system',
    note: e.note,
    at: e.at.toISOString(),
  };
}

/** What only staff see on a ticket, and what they may do besides its transitions. */
export type StaffView = Pick<
  TicketDetailDto,
  | 'reporter'
  | 'intake'
  | 'extensions'
  | 'extensionActions'
  | 'canClassify'
  | 'canEscalate'
  | 'canIssueWorkOrder'
  | 'workOrders'
>;

export const NO_STAFF_VIEW: StaffView = {
  reporter: null,
  intake: null,
  extensions: [],
  extensionActions: { request: false, decide: false },
  canClassify: false,
  canEscalate: false,
  canIssueWorkOrder: false,
  workOrders: [],
};

export function toTicketDetail(
  t: Ticket,
  events: TicketEvent[],
  photos: TicketPhotoDto[],
  allowedActions: TicketAction[],
  sla: { current: TicketSlaDto | null; milestones: TicketMilestoneDto[] },
  staff: StaffView = NO_STAFF_VIEW,
): TicketDetailDto {
  return {
    ...toTicketSummary(t, sla.current),
    milestones: sla.milestones,
    holdReason: t.holdReason,
    reopenCount: t.reopenCount,
    photos,
    events: events.map(toTicketEvent),
    preferredVisitAt: t.preferredVisitAt?.toISOString() ?? null,
    allowedActions,
    channel: t.channel,
    outage: t.outage
      ? { id: t.outage.id, title: t.outage.title, endsAt: t.outage.endsAt.toISOString() }
      : null,
    ...staff,
  };
}
