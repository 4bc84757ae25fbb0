import { PhotoDto, TicketAction, TicketDetailDto, TicketEventDto, TicketSummaryDto } from '@linli/contracts';
import { TicketEvent } from './entities/ticket-event.entity';
import { Ticket } from './entities/ticket.entity';

/** The relations a ticket must be loaded with to be shown. */
export const TICKET_VIEW_RELATIONS = { category: true, room: true, assignee: true } as const;

export function toTicketSummary(t: Ticket): TicketSummaryDto {
  return {
    id: t.id,
    code: t.code,
    kind: t.kind,
    categoryCode: t.categoryCode,
    categoryName: t.category?.name ?? t.categoryCode,
    description: t.description,
    status: t.status,
    emergency: t.emergency,
    roomLabel: t.room?.label ?? '',
    assigneeName: t.assignee?.name ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
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

export function toTicketDetail(t: Ticket, events: TicketEvent[], photos: PhotoDto[], allowedActions: TicketAction[]): TicketDetailDto {
  return {
    ...toTicketSummary(t),
    photos,
    events: events.map(toTicketEvent),
    preferredVisitAt: t.preferredVisitAt?.toISOString() ?? null,
    allowedActions,
  };
}
