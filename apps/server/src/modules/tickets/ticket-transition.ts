import { ErrorCode, TicketAction, TicketStatus } from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { insertRows } from '../../database/unit-of-work';
import { endSettledCallTasks } from '../notifications/call-tasks.service';
import { TicketEvent } from './entities/ticket-event.entity';
import { Ticket } from './entities/ticket.entity';

/** The columns a transition may change besides status and version. */
export type TicketChanges = Partial<
  Pick<
    Ticket,
    | 'emergency'
    | 'serious'
    | 'assigneeId'
    | 'holdReason'
    | 'pauses'
    | 'reopenCount'
    | 'escalationLevel'
    | 'escalatedAt'
    | 'resolvedAt'
    | 'nextCheckAt'
  >
>;

export interface Transition {
  ticketId: string;
  /** The version the change was decided on; if the ticket moved on meanwhile, nothing is written (TICKET_STALE). */
  fromVersion: number;
  fromStatus: TicketStatus;
  toStatus: TicketStatus;
  action: TicketAction;
  /** Null for the system (automatic dispatch, the time-limit sweep). */
  actorId: string | null;
  note?: string | null;
  at: Date;
  /** Other columns the action changes, e.g. the assignee, the pauses, the sweep's next look. */
  changes?: TicketChanges;
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
  // A phone task ends by itself once the change made it pointless (accepted, reassigned, finished).
  if (t.toStatus !== t.fromStatus || t.changes?.assigneeId !== undefined)
    await endSettledCallTasks(db, t.ticketId, t.at);
  return event;
}

/**
 * Writes when the sweep should next look at a ticket without changing its version: nothing happened
 * to the ticket, so a person holding it open must not get TICKET_STALE. `expectedVersion` makes the
 * write conditional (the sweep); returns whether it was written.
 */
export async function setNextCheck(
  db: EntityManager,
  ticketId: string,
  nextCheckAt: Date | null,
  expectedVersion?: number,
): Promise<boolean> {
  const result = await db
    .createQueryBuilder()
    .update(Ticket)
    // Naming the version column keeps TypeORM from incrementing it.
    .set({ nextCheckAt, version: () => 'version' })
    .where(
      expectedVersion === undefined ? { id: ticketId } : { id: ticketId, version: expectedVersion },
    )
    .execute();
  return result.affected === 1;
}
