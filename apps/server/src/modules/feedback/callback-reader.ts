import { Injectable } from '@nestjs/common';
import { CallbackStatus, CallbackTaskDto, Role } from '@linli/contracts';
import { CALLBACK_QUESTIONS } from '@linli/domain';
import { EntityManager, In } from 'typeorm';
import { Room } from '../org/entities/room.entity';
import { Household } from '../org/entities/household.entity';
import { User } from '../org/entities/user.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { CallbackTask } from './entities/callback-task.entity';

const OPEN: readonly CallbackStatus[] = [CallbackStatus.Due, CallbackStatus.Retrying];

/** Callback rows as the mini-program shows them: with the ticket, the room, whom to call and who called. */
@Injectable()
export class CallbackReader {
  async toDtos(db: EntityManager, tasks: CallbackTask[], now: Date): Promise<CallbackTaskDto[]> {
    if (tasks.length === 0) return [];
    const ticketIds = [
      ...new Set(tasks.map((t) => t.ticketId).filter((id): id is string => id !== null)),
    ];
    const householdIds = [...new Set(tasks.map((t) => t.householdId))];
    const [tickets, households] = await Promise.all([
      ticketIds.length
        ? db.find(Ticket, {
            where: { id: In(ticketIds) },
            select: {
              id: true,
              code: true,
              description: true,
              reporterId: true,
              contactName: true,
              contactPhone: true,
            },
          })
        : [],
      db.find(Household, { where: { id: In(householdIds) } }),
    ]);
    const rooms = await db.find(Room, {
      where: { id: In(households.map((h) => h.roomId)) },
      select: { id: true, label: true },
    });
    const userIds = [
      ...new Set(
        [
          ...tasks.flatMap((t) => [t.assigneeId, t.doneById]),
          ...tickets.map((t) => t.reporterId),
        ].filter((id): id is string => id !== null),
      ),
    ];
    const users = userIds.length
      ? await db.find(User, {
          where: { id: In(userIds) },
          select: { id: true, name: true, phone: true },
        })
      : [];
    // A care callback has no ticket: whom to call is a resident of the household (the earliest registered).
    const careHouseholds = [
      ...new Set(tasks.filter((t) => t.ticketId === null).map((t) => t.householdId)),
    ];
    const householdResidents = careHouseholds.length
      ? await db.find(User, {
          where: { householdId: In(careHouseholds), role: Role.Resident },
          select: { id: true, name: true, phone: true, householdId: true },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
    const [ticketMap, householdMap, roomMap, userMap] = [
      byId(tickets),
      byId(households),
      byId(rooms),
      byId(users),
    ];
    return tasks.map((t) => {
      const ticket = t.ticketId ? ticketMap.get(t.ticketId) : undefined;
      const reporter = ticket
        ? userMap.get(ticket.reporterId)
        : householdResidents.find((u) => u.householdId === t.householdId);
      const household = householdMap.get(t.householdId);
      return {
        id: t.id,
        reason: t.reason,
        status: t.status,
        ticketId: t.ticketId,
        ticketCode: ticket?.code ?? null,
        ticketDescription: ticket?.description ?? null,
        householdId: t.householdId,
        roomLabel: (household && roomMap.get(household.roomId)?.label) ?? '',
        residentName: ticket?.contactName ?? reporter?.name ?? null,
        residentPhone: ticket?.contactPhone ?? reporter?.phone ?? null,
        assigneeId: t.assigneeId,
        assigneeName: t.assigneeId ? (userMap.get(t.assigneeId)?.name ?? null) : null,
        inPersonRequired: t.inPersonRequired,
        dueAt: t.dueAt.toISOString(),
        overdue: OPEN.includes(t.status) && t.dueAt.getTime() < now.getTime(),
        attempts: t.attempts,
        questions: [...CALLBACK_QUESTIONS[t.reason]],
        outcome: t.outcome,
        channel: t.channel,
        residentWords: t.residentWords,
        signatureId: t.signatureId,
        doneAt: t.doneAt?.toISOString() ?? null,
        doneByName: t.doneById ? (userMap.get(t.doneById)?.name ?? null) : null,
      };
    });
  }
}
