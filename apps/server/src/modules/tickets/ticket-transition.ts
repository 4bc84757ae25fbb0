import { ErrorCode, TicketAction, TicketStatus } from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { insertRows } from '../../database/unit-of-work';
import { TicketEvent } from './entities/ticket-event.entity';
import { Ticket } from './entities/ticket.entity';

export interface Transition {
  ticketId: string;
  /** The version the change was decided on; if the ticket moved on meanwhile, nothing is written (TICKET_STALE). */
  fromVersion: number;
  fromStatus: TicketStatus;
  toStatus: TicketStatus;
  action: TicketAction;
  /** Null for the system (automatic dispatch). */
  actorId: string | null;
  note?: string | null;
  at: Date;
  /** Other columns the action changes, e.g. the assignee. */
  changes?: Partial<Pick<Ticket, 'assigneeId'>>;
}

/**
 * Inside the caller's transaction: move the ticket with an optimistic lock
 * (UPDATE … SET version = version + 1 WHERE id = ? AND version = ?; 0 rows → TICKET_STALE)
 * and record the event under the version it produced.
 */
export async function applyTransition(db: EntityManager, t: Transition): Promise<TicketEvent> {
  const result = await db
    .createQueryBuilder()
    .update(Ticket)
    .set({ status: t.toStatus, updatedAt: t.at, ...t.changes })
    .where({ id: t.ticketId, version: t.fromVersion })
    .execute();
  if (result.affected !== 1) throw new AppException(ErrorCode.TICKET_STALE);
  const event: TicketEvent = {
    id: randomUUID(),
    ticketId: t.ticketId,
    version: t.fromVersion + 1,
    action: t.action,
    fromStatus: t.fromStatus,
    toStatus: t.toStatus,
    actorId: t.actorId,
    note: t.note ?? null,
    at: t.at,
  };
  await insertRows(db, TicketEvent, event);
  return event;
}
