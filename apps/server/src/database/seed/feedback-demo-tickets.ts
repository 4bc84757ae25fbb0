import { Channel, Satisfaction, TicketAction, TicketStatus } from '@linli/contracts';
import { chinaDateKey, ticketCode } from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { TicketRating } from '../../modules/feedback/entities/ticket-rating.entity';
import { Building } from '../../modules/org/entities/building.entity';
import { Household } from '../../modules/org/entities/household.entity';
import { Room } from '../../modules/org/entities/room.entity';
import { User } from '../../modules/org/entities/user.entity';
import { TicketEvent } from '../../modules/tickets/entities/ticket-event.entity';
import { TicketSequence } from '../../modules/tickets/entities/ticket-sequence.entity';
import { Ticket } from '../../modules/tickets/entities/ticket.entity';
import { insertRows } from '../unit-of-work';
import { DemoTicket, LAST_MONTH } from './feedback-demo-data';

const HOUR = 3_600_000;

/** A neighbour of the demo community with the household and room their tickets come from. */
export type DemoNeighbour = {
  user: Pick<User, 'id'>;
  household: Pick<Household, 'id'>;
  room: Room;
  building: Building;
};

/** A seeded ticket of last month, with the spec it came from and when it closed. */
export interface SeededTicket {
  ticket: Ticket;
  spec: DemoTicket;
  closedAt: Date;
}

/**
 * Last month's rated tickets (LAST_MONTH), each with its whole recorded life: submitted, accepted,
 * resolved by the assistant, then confirmed, auto-closed or sent back and redone, with its ratings.
 */
export async function seedLastMonthTickets(
  db: EntityManager,
  args: {
    people: DemoNeighbour[];
    assistant: Pick<User, 'id'>;
    communityId: string;
    monthStart: Date;
  },
): Promise<SeededTicket[]> {
  const { people, assistant, communityId, monthStart } = args;
  const at = (d: Date, hours: number) => new Date(d.getTime() + hours * HOUR);
  const sequences = new Map<string, number>();
  const tickets: SeededTicket[] = [];
  for (const spec of LAST_MONTH) {
    const p = people[spec.who];
    const createdAt = at(monthStart, (spec.day - 1) * 24 + 9 + (spec.who % 3)); // 09:00–11:00 China time
    const dayKey = chinaDateKey(createdAt);
    const seq = (sequences.get(dayKey) ?? 0) + 1;
    sequences.set(dayKey, seq);
    const resolvedAt = at(createdAt, 20);
    const events: Omit<TicketEvent, 'id' | 'ticketId' | 'version'>[] = [
      {
        action: TicketAction.Submit,
        fromStatus: null,
        toStatus: TicketStatus.Submitted,
        actorId: p.user.id,
        note: null,
        at: createdAt,
      },
      {
        action: TicketAction.Accept,
        fromStatus: TicketStatus.Submitted,
        toStatus: TicketStatus.Accepted,
        actorId: assistant.id,
        note: null,
        at: at(createdAt, 0.3),
      },
      {
        action: TicketAction.Resolve,
        fromStatus: TicketStatus.Accepted,
        toStatus: TicketStatus.Resolved,
        actorId: assistant.id,
        note: '已处理，请您确认',
        at: resolvedAt,
      },
    ];
    const ratings: Omit<TicketRating, 'id' | 'ticketId'>[] = [];
    const rate = (
      round: number,
      overall: Satisfaction,
      when: Date,
      tags: string[] = [],
      comment: string | null = null,
    ) =>
      ratings.push({
        round,
        raterId: p.user.id,
        handlerId: assistant.id,
        overall,
        speed: overall === Satisfaction.Dissatisfied ? 2 : 5,
        attitude: overall === Satisfaction.Dissatisfied ? 3 : 5,
        quality: overall === Satisfaction.Dissatisfied ? 1 : overall === Satisfaction.Basic ? 4 : 5,
        tags,
        comment,
        createdAt: when,
      });
    let closedAt = at(resolvedAt, 3);
    let reopenCount = 0;
    if (spec.verdict === 'auto') {
      closedAt = at(resolvedAt, 72);
      events.push({
        action: TicketAction.AutoClose,
        fromStatus: TicketStatus.Resolved,
        toStatus: TicketStatus.Closed,
        actorId: null,
        note: '住户 72 小时内未确认，系统自动完成',
        at: closedAt,
      });
    } else if (spec.verdict === 'rework') {
      const reopenAt = at(resolvedAt, 3);
      rate(0, Satisfaction.Dissatisfied, reopenAt, spec.tags, spec.comment ?? null);
      events.push({
        action: TicketAction.Reopen,
        fromStatus: TicketStatus.Resolved,
        toStatus: TicketStatus.Accepted,
        actorId: p.user.id,
        note: ['评价：不满意', ...(spec.tags ?? []), spec.comment].filter(Boolean).join('；'),
        at: reopenAt,
      });
      const again = at(reopenAt, 24);
      events.push({
        action: TicketAction.Resolve,
        fromStatus: TicketStatus.Accepted,
        toStatus: TicketStatus.Resolved,
        actorId: assistant.id,
        note: '已彻底更换，观察一天无问题',
        at: again,
      });
      closedAt = at(again, 4);
      rate(1, Satisfaction.Satisfied, closedAt, ['修得好'], '这次修好了');
      events.push({
        action: TicketAction.Confirm,
        fromStatus: TicketStatus.Resolved,
        toStatus: TicketStatus.Closed,
        actorId: p.user.id,
        note: '评价：满意；修得好；这次修好了',
        at: closedAt,
      });
      reopenCount = 1;
    } else {
      rate(0, spec.verdict, closedAt, spec.tags, spec.comment ?? null);
      const label = spec.verdict === Satisfaction.Satisfied ? '满意' : '基本满意';
      events.push({
        action: TicketAction.Confirm,
        fromStatus: TicketStatus.Resolved,
        toStatus: TicketStatus.Closed,
        actorId: p.user.id,
        note: [`评价：${label}`, ...(spec.tags ?? []), spec.comment].filter(Boolean).join('；'),
        at: closedAt,
      });
    }
    const ticket: Ticket = {
      id: randomUUID(),
      code: ticketCode(spec.kind, createdAt, seq),
      kind: spec.kind,
      categoryCode: spec.category,
      description: spec.text,
      status: TicketStatus.Closed,
      emergency: spec.category === 'water_leak' || spec.category === 'toilet_blocked',
      serious: spec.serious ?? false,
      outageId: null,
      householdId: p.household.id,
      roomId: p.room.id,
      buildingId: p.building.id,
      communityId,
      reporterId: p.user.id,
      assigneeId: assistant.id,
      channel: Channel.MiniProgram,
      receivedById: null,
      contactName: null,
      contactPhone: null,
      idempotencyKey: `demo-feedback-${spec.day}-${spec.who}`,
      preferredVisitAt: null,
      holdReason: null,
      pauses: [],
      reopenCount,
      escalationLevel: 0,
      escalatedAt: null,
      resolvedAt: events.filter((e) => e.action === TicketAction.Resolve).at(-1)!.at,
      nextCheckAt: null,
      version: events.length,
      createdAt,
      updatedAt: closedAt,
    };
    await insertRows(db, Ticket, ticket);
    await insertRows(
      db,
      TicketEvent,
      events.map((e, i) => ({ ...e, id: randomUUID(), ticketId: ticket.id, version: i + 1 })),
    );
    if (ratings.length)
      await insertRows(
        db,
        TicketRating,
        ratings.map((r) => ({ ...r, id: randomUUID(), ticketId: ticket.id })),
      );
    tickets.push({ ticket, spec, closedAt });
  }
  // Past days' code counters, so nothing issued later repeats a seeded code.
  await insertRows(
    db,
    TicketSequence,
    [...sequences].map(([dayKey, lastValue]) => ({ dayKey, lastValue })),
  );
  return tickets;
}
