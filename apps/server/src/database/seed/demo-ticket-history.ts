import {
  chinaDateKey,
  chinaMidnight,
  computeDeadline,
  planMilestones,
  policiesFor,
  ticketCode,
  mulberry32,
  WorkingCalendar,
} from '@linli/domain';
import {
  Channel,
  SlaLimit,
  SlaMilestone,
  TicketAction,
  TicketKind,
  TicketStatus,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DEFAULT_CATEGORIES } from '../../modules/categories/category-catalog';
import { Ticket } from '../../modules/tickets/entities/ticket.entity';
import { TicketEvent } from '../../modules/tickets/entities/ticket-event.entity';
import { TicketMilestone } from '../../modules/tickets/entities/ticket-milestone.entity';
import { TicketSequence } from '../../modules/tickets/entities/ticket-sequence.entity';
import { insertRows } from '../unit-of-work';
import { MIX, TIMING } from './demo-ticket-mix';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A small seeded generator (mulberry32): the demo's history is the same on every machine. */
export const random: (seed: number) => () => number = mulberry32;

export { MIX };

export interface HistoryInput {
  communityId: string;
  /** Households with the member who reports for them. */
  households: readonly {
    householdId: string;
    roomId: string;
    buildingId: string;
    userId: string;
  }[];
  assistantId: string;
  now: Date;
  calendar: WorkingCalendar;
  days?: number;
  /** From this instant on, no complaints: another seed writes them, with their ratings and callbacks. */
  noComplaintsFrom?: Date;
}

export interface Draft {
  ticket: Ticket;
  events: TicketEvent[];
  milestones: TicketMilestone[];
}

/**
 * Months of tickets for the demo community (the last one is what the demo shows first), written through the domain's own rules: every ticket's
 * time limits are planned by planMilestones from its category, every status change is an event in the
 * state machine's order, and a limit counts as met, warned or breached by its computed deadline. Most
 * were answered in time and closed by the resident; some were not (a late emergency, a complaint that
 * took more than a day and was escalated, a repair sent back and done again, a repair paused for the
 * resident, a complaint outside the company's remit); the last two days still have open work.
 */
export async function seedTicketHistory(db: EntityManager, input: HistoryInput): Promise<number> {
  const rand = random(20261204);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  const totalWeight = MIX.reduce((n, [, w]) => n + w, 0);
  const category = () => {
    let r = rand() * totalWeight;
    for (const row of MIX) if ((r -= row[1]) < 0) return row;
    return MIX[0];
  };
  const today = chinaMidnight(chinaDateKey(input.now));
  const days = input.days ?? 30;
  const sequences = new Map<string, number>();
  /** The day's counter before this seed (another demo's tickets that day). */
  const offsets = new Map<string, number>();
  const drafts: Draft[] = [];
  let index = 0;

  for (let back = days; back >= 1; back--) {
    const dayStart = new Date(today.getTime() - back * DAY);
    const count = 1 + (rand() < 0.5 ? 1 : 0) + (rand() < 0.12 ? 1 : 0);
    const starts = Array.from(
      { length: count },
      () => dayStart.getTime() + Math.floor(between(7.5, 21.5) * HOUR),
    ).sort((a, b) => a - b);
    for (const startMs of starts) {
      let [code, , description] = category();
      for (
        let tries = 0;
        input.noComplaintsFrom &&
        startMs >= input.noComplaintsFrom.getTime() &&
        DEFAULT_CATEGORIES.find((x) => x.code === code)?.kind === TicketKind.Complaint &&
        tries < 20;
        tries++
      )
        [code, , description] = category();
      if (
        input.noComplaintsFrom &&
        startMs >= input.noComplaintsFrom.getTime() &&
        DEFAULT_CATEGORIES.find((x) => x.code === code)?.kind === TicketKind.Complaint
      )
        continue;
      const c = DEFAULT_CATEGORIES.find((x) => x.code === code)!;
      const home = pick(input.households);
      const created = new Date(startMs);
      const dayKey = chinaDateKey(created);
      if (!offsets.has(dayKey))
        offsets.set(
          dayKey,
          (await db.findOne(TicketSequence, { where: { dayKey } }))?.lastValue ?? 0,
        );
      const count = (sequences.get(dayKey) ?? 0) + 1;
      sequences.set(dayKey, count);
      drafts.push(
        buildTicket({
          input,
          index: index++,
          back,
          code,
          description,
          category: c,
          home,
          created,
          seq: offsets.get(dayKey)! + count,
          rand,
          between,
        }),
      );
    }
  }

  for (const [dayKey, count] of sequences) {
    // Another demo may have numbered tickets that day: ours follow its, and the day's counter covers both.
    const before = offsets.get(dayKey) ?? 0;
    if (before > 0) await db.update(TicketSequence, { dayKey }, { lastValue: before + count });
    else await insertRows(db, TicketSequence, { dayKey, lastValue: count });
  }
  for (const d of drafts) {
    await insertRows(db, Ticket, d.ticket);
    await insertRows(db, TicketEvent, d.events);
    if (d.milestones.length) await insertRows(db, TicketMilestone, d.milestones);
  }
  return drafts.length;
}

/** One ticket's whole recorded life (exported for the bench generator, which passes its own seeded ids). */
export function buildTicket(args: {
  input: HistoryInput;
  index: number;
  back: number;
  code: string;
  description: string;
  category: (typeof DEFAULT_CATEGORIES)[number];
  home: HistoryInput['households'][number];
  created: Date;
  seq: number;
  rand: () => number;
  between: (lo: number, hi: number) => number;
  newId?: () => string;
}): Draft {
  const { input, index, category: c, home, created, rand, between } = args;
  const A = TicketAction;
  const S = TicketStatus;
  const newId = args.newId ?? randomUUID;
  const id = newId();
  const kind = c.kind;
  const serious = c.serious ?? false;
  const planned = planMilestones({
    policyCodes: policiesFor(c.slaPolicies, { urgent: c.emergency, serious }),
    kind,
    emergency: c.emergency,
    start: created,
    agreedAt: null,
    calendar: input.calendar,
  });
  const events: TicketEvent[] = [];
  const pauses: { from: string; to: string | null }[] = [];
  let status: TicketStatus = S.Submitted;
  const push = (
    action: TicketAction,
    at: Date,
    to: TicketStatus,
    actorId: string | null,
    note: string | null = null,
  ) => {
    events.push({
      id: newId(),
      ticketId: id,
      version: events.length + 1,
      action,
      fromStatus: events.length ? status : null,
      toStatus: to,
      actorId,
      note,
      at,
    });
    status = to;
  };
  const met: Partial<Record<string, Date>> = {};
  const at = (ms: number) => new Date(Math.min(ms, input.now.getTime() - MINUTE));

  push(A.Submit, created, S.Submitted, home.userId);
  push(A.Assign, created, S.Assigned, null);

  // Scenario by position: a few deliberate misses among mostly timely work.
  const lateResponse = c.emergency ? rand() < 0.12 : index % 29 === 5;
  const lateComplaint = kind === TicketKind.Complaint && index % 11 === 7;
  const reopened = index % 40 === 12;
  const held = index % 37 === 17;
  const invalid = c.code === 'noise' && index % 3 === 0;
  const open = args.back <= 1 || (args.back === 2 && index % 2 === 0);

  const timing = TIMING[c.code] ?? { respond: [10, 60], work: [60, 240] };
  const respondAt =
    created.getTime() + (lateResponse ? between(45, 80) : between(...timing.respond)) * MINUTE;
  let t = respondAt;
  if (open && rand() < 0.3) return finish();
  push(A.Accept, at(t), S.Accepted, input.assistantId);
  met.respond = at(t);

  if (invalid) {
    t += between(0.5, 2) * HOUR;
    push(
      A.MarkInvalid,
      at(t),
      S.Invalid,
      input.assistantId,
      '噪音来自小区外市政道路夜间施工，不属于物业服务范围，已向城管热线反映',
    );
    met.respond ??= at(t);
    met.arrive ??= at(t);
    met.resolve = at(t);
    const replyStart = at(t);
    planned.push({
      milestone: SlaMilestone.Reply,
      policyCode: 'invalid_complaint_explanation',
      policyName: '无效投诉答复',
      limit: { kind: 'workingDays', days: 1 },
      startAt: replyStart,
    });
    t += between(2, 6) * HOUR;
    if (!open) {
      push(
        A.Reply,
        at(t),
        S.Closed,
        input.assistantId,
        '已电话向业主说明：施工为市政工程，已反映至城管，预计本月底结束',
      );
      met.reply = at(t);
    }
    return finish();
  }

  if (timing.arrive) {
    t = Math.max(
      t + 2 * MINUTE,
      created.getTime() + (lateResponse ? between(50, 90) : between(...timing.arrive)) * MINUTE,
    );
    if (open && rand() < 0.4) return finish();
    push(A.Arrive, at(t), S.OnSite, input.assistantId);
    met.arrive = at(t);
  }
  if (held) {
    const from = t + 30 * MINUTE;
    t = from + between(20, 30) * HOUR;
    push(
      A.Hold,
      at(from),
      S.OnHold,
      input.assistantId,
      '需更换配件，住户白天上班，约定次日晚上入户',
    );
    pauses.push({ from: at(from).toISOString(), to: at(t).toISOString() });
    push(A.Resume, at(t), S.Accepted, input.assistantId);
  }
  t += lateComplaint ? between(26, 34) * HOUR : between(...timing.work) * MINUTE;
  if (lateComplaint) {
    const escalateAt = created.getTime() + 24 * HOUR + 2 * MINUTE;
    if (escalateAt < t)
      events.push({
        id: newId(),
        ticketId: id,
        version: events.length + 1,
        action: A.Escalate,
        fromStatus: status,
        toStatus: status,
        actorId: null,
        note: '处理完成超时，已升级至管理处主任',
        at: at(escalateAt),
      });
  }
  if (open || t >= input.now.getTime()) return finish();
  push(A.Resolve, at(t), S.Resolved, input.assistantId, '已处理完毕');
  // Resolving meets every limit still open (as milestonesMetBy(Resolve) says).
  for (const p of planned) met[p.milestone] ??= at(t);
  if (reopened) {
    t += between(3, 8) * HOUR;
    push(A.Reopen, at(t), S.Accepted, home.userId, '维修后第二天又出现同样问题');
    t += between(5, 20) * HOUR;
    push(A.Resolve, at(t), S.Resolved, input.assistantId, '更换了整套配件，已测试正常');
  }
  const closeBy = t + (rand() < 0.8 ? between(1, 20) * HOUR : 72 * HOUR);
  if (closeBy < input.now.getTime()) {
    if (closeBy - t < 72 * HOUR) push(A.Confirm, at(closeBy), S.Closed, home.userId);
    else push(A.AutoClose, at(closeBy), S.Closed, null);
  }
  return finish();

  function finish(): Draft {
    const ticket: Ticket = {
      id,
      code: ticketCode(kind, created, args.seq),
      kind,
      categoryCode: c.code,
      description: args.description,
      status,
      emergency: c.emergency,
      serious,
      outageId: null,
      householdId: home.householdId,
      roomId: home.roomId,
      buildingId: home.buildingId,
      communityId: input.communityId,
      reporterId: home.userId,
      assigneeId: input.assistantId,
      channel: Channel.MiniProgram,
      receivedById: null,
      contactName: null,
      contactPhone: null,
      idempotencyKey: `demo-history-${index}`,
      preferredVisitAt: null,
      holdReason: null,
      pauses,
      reopenCount: reopened && met.resolve ? 1 : 0,
      escalationLevel: events.some((e) => e.action === A.Escalate) ? 1 : 0,
      escalatedAt: events.find((e) => e.action === A.Escalate)?.at ?? null,
      resolvedAt:
        [S.Resolved, S.Closed].includes(status) && met.resolve
          ? (events.filter((e) => e.action === A.Resolve).at(-1)?.at ?? met.resolve)
          : null,
      // Open work is looked at by the time-limit sweep on its first round.
      nextCheckAt: [S.Closed, S.Cancelled].includes(status) ? null : input.now,
      version: events.length,
      createdAt: created,
      updatedAt: events[events.length - 1].at,
    };
    const milestones = planned.map((p) => {
      const metAt = met[p.milestone] ?? null;
      const due = computeDeadline(
        p.startAt,
        p.limit as SlaLimit,
        input.calendar,
        pauses.map((x) => ({ from: new Date(x.from), to: x.to ? new Date(x.to) : null })),
      );
      const dueMs = due.paused ? Number.POSITIVE_INFINITY : due.deadline.getTime();
      const warnMs = p.startAt.getTime() + 0.8 * (dueMs - p.startAt.getTime());
      // An open limit is left to the time-limit sweep, which warns, breaches and escalates with its own events.
      const until = metAt ? metAt.getTime() : Number.NEGATIVE_INFINITY;
      return {
        id: newId(),
        ticketId: id,
        milestone: p.milestone,
        policyCode: p.policyCode,
        policyName: p.policyName,
        limitSpec: p.limit,
        startAt: p.startAt,
        metAt,
        warnedAt:
          until >= warnMs && Number.isFinite(warnMs) ? new Date(Math.min(warnMs, until)) : null,
        breachedAt: until > dueMs ? new Date(dueMs) : null,
      };
    });
    return { ticket, events, milestones };
  }
}
