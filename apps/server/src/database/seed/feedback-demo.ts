import {
  CallbackChannel,
  CallbackOutcome,
  CallbackReason,
  CallbackStatus,
  Channel,
  Role,
  Satisfaction,
  TicketAction,
  TicketKind,
  TicketStatus,
} from '@linli/contracts';
import {
  chinaDateKey,
  chinaMidnight,
  DEFAULT_SAMPLING_POLICY,
  drawMonthlySample,
  roomLabel,
  SamplingPolicy,
  ticketCode,
} from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { EntityManager } from 'typeorm';
import { CallbackAttempt } from '../../modules/feedback/entities/callback-attempt.entity';
import { CallbackSample } from '../../modules/feedback/entities/callback-sample.entity';
import { CallbackTask } from '../../modules/feedback/entities/callback-task.entity';
import { TicketRating } from '../../modules/feedback/entities/ticket-rating.entity';
import { Building } from '../../modules/org/entities/building.entity';
import { Household } from '../../modules/org/entities/household.entity';
import { Room } from '../../modules/org/entities/room.entity';
import { User } from '../../modules/org/entities/user.entity';
import { TicketEvent } from '../../modules/tickets/entities/ticket-event.entity';
import { TicketSequence } from '../../modules/tickets/entities/ticket-sequence.entity';
import { Ticket } from '../../modules/tickets/entities/ticket.entity';
import { Attachment } from '../../modules/uploads/entities/attachment.entity';
import { insertRows } from '../unit-of-work';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The seed of last month's demo draw: the same sample on every fresh demo database. */
export const DEMO_SAMPLE_SEED = 20261101;

/** Neighbours of the demo community whose tickets fill last month (rooms no test or persona uses). */
const NEIGHBOURS = [
  { name: '赵阿姨', phone: '13800000101', room: ['1栋', '1单元', '201'] },
  { name: '孙大爷', phone: '13800000102', room: ['1栋', '2单元', '302'] },
  { name: '周先生', phone: '13800000103', room: ['2栋', '2单元', '102'] },
  { name: '吴女士', phone: '13800000104', room: ['2栋', '2单元', '201'] },
] as const;

type Verdict = Satisfaction | 'auto' | 'rework';
interface DemoTicket {
  day: number;
  who: number;
  category: string;
  kind: TicketKind;
  text: string;
  verdict: Verdict;
  serious?: boolean;
  tags?: string[];
  comment?: string;
}

const C = TicketKind.Complaint;
const R = TicketKind.RepairHome;
const S = Satisfaction;
/** Last month: ten complaints (one major) and six repairs, with what each resident said. */
const LAST_MONTH: DemoTicket[] = [
  {
    day: 2,
    who: 0,
    category: 'noise',
    kind: C,
    text: '楼上装修周末早上七点就开始电钻',
    verdict: S.Satisfied,
    tags: ['沟通及时'],
  },
  {
    day: 3,
    who: 1,
    category: 'bulb',
    kind: R,
    text: '厨房灯管闪烁',
    verdict: S.Satisfied,
    tags: ['上门准时', '修得好'],
  },
  {
    day: 4,
    who: 2,
    category: 'staff_attitude',
    kind: C,
    text: '东门保安对老人态度生硬，还推搡',
    verdict: S.Basic,
    serious: true,
    comment: '道歉了，希望以后注意',
  },
  {
    day: 6,
    who: 3,
    category: 'complaint_general',
    kind: C,
    text: '垃圾清运不及时，楼下垃圾桶满溢',
    verdict: S.Satisfied,
  },
  {
    day: 7,
    who: 0,
    category: 'toilet_blocked',
    kind: R,
    text: '卫生间马桶堵塞',
    verdict: 'rework',
    tags: ['没修好'],
    comment: '通了半天又堵了',
  },
  {
    day: 8,
    who: 1,
    category: 'complaint_general',
    kind: C,
    text: '地下车库照明太暗，晚上看不清',
    verdict: S.Satisfied,
    tags: ['修得好'],
  },
  {
    day: 10,
    who: 2,
    category: 'noise',
    kind: C,
    text: '晚上九点后广场舞音响太大',
    verdict: S.Basic,
    comment: '音量小了一些',
  },
  {
    day: 11,
    who: 3,
    category: 'lock',
    kind: R,
    text: '入户门锁芯卡顿',
    verdict: S.Satisfied,
    tags: ['上门准时'],
  },
  {
    day: 13,
    who: 0,
    category: 'complaint_general',
    kind: C,
    text: '快递长期堆放在楼道，影响通行',
    verdict: 'auto',
  },
  {
    day: 14,
    who: 1,
    category: 'staff_attitude',
    kind: C,
    text: '维修师傅预约了却迟到两小时',
    verdict: S.Satisfied,
    tags: ['态度好'],
  },
  {
    day: 16,
    who: 2,
    category: 'common_repair',
    kind: TicketKind.RepairCommon,
    text: '2栋单元门闭门器坏了',
    verdict: S.Satisfied,
  },
  {
    day: 18,
    who: 3,
    category: 'complaint_general',
    kind: C,
    text: '电梯广告屏声音太吵',
    verdict: S.Satisfied,
    comment: '已经关掉声音了，谢谢',
  },
  {
    day: 20,
    who: 0,
    category: 'home_repair_other',
    kind: R,
    text: '阳台晾衣架升降绳断了',
    verdict: S.Basic,
  },
  {
    day: 21,
    who: 1,
    category: 'complaint_general',
    kind: C,
    text: '绿化带很久没修剪，挡住路灯',
    verdict: S.Satisfied,
  },
  {
    day: 24,
    who: 2,
    category: 'complaint_general',
    kind: C,
    text: '单元门禁经常失灵',
    verdict: 'rework',
    tags: ['没修好'],
    comment: '修完第二天又坏了',
  },
  {
    day: 26,
    who: 3,
    category: 'water_leak',
    kind: R,
    text: '厨房水槽下水管漏水',
    verdict: S.Satisfied,
    tags: ['上门准时', '修得好'],
  },
];

/** A small signature-like PNG (a dark stroke on white) for the seeded in-person callback. */
function signaturePng(): Buffer {
  const w = 120;
  const h = 40;
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w, 0xff);
    row[0] = 0;
    for (let x = 0; x < w; x++) {
      const curve = 20 + Math.round(12 * Math.sin(x / 9));
      if (Math.abs(y - curve) <= 1) row[1 + x] = 0x20;
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Ratings and callbacks of the demo community (issue #11): last month complete — rated tickets (one
 * sent back and rated again, one auto-closed and so "not rated"), a callback for every valid complaint,
 * the month's sample drawn from a fixed seed and worked through, one in person with a signature — so
 * 回访抽查 shows a realistic month; this month, callbacks done, due today and overdue for 李管家 and 张主任.
 * Runs once, inside the demo community's seed transaction.
 */
export async function seedFeedbackDemo(
  db: EntityManager,
  now: Date,
  uploadsDir: string,
  sampling: SamplingPolicy = DEFAULT_SAMPLING_POLICY,
): Promise<void> {
  const assistant = await db.findOneOrFail(User, {
    where: { role: Role.Assistant, name: '李管家' },
  });
  const supervisor = await db.findOneOrFail(User, {
    where: { role: Role.Supervisor, name: '张主任' },
  });
  const communityId = supervisor.communityId!;
  const buildings = await db.find(Building, { where: { communityId } });
  const rooms = await db.find(Room);
  const at = (d: Date, hours: number) => new Date(d.getTime() + hours * HOUR);

  // The neighbours and their households.
  const people: {
    user: Pick<User, 'id'>;
    household: Pick<Household, 'id'>;
    room: Room;
    building: Building;
  }[] = [];
  for (const n of NEIGHBOURS) {
    const room = rooms.find((r) => r.label === roomLabel(n.room[0], n.room[1], n.room[2]));
    const building = buildings.find((b) => b.name === n.room[0]);
    if (!room || !building) return; // a demo community of another shape: nothing to add
    // The demo's households seed may have filled the room already: its household and resident are reused.
    const existing = await db.findOne(Household, { where: { roomId: room.id } });
    const resident = existing
      ? await db.findOne(User, { where: { householdId: existing.id, role: Role.Resident } })
      : null;
    if (existing && resident) {
      people.push({ user: resident, household: existing, room, building });
      continue;
    }
    const household = {
      id: randomUUID(),
      roomId: room.id,
      createdAt: new Date(now.getTime() - 400 * DAY),
    };
    await insertRows(db, Household, household);
    const user = {
      id: randomUUID(),
      name: n.name,
      role: Role.Resident,
      openid: null,
      phone: n.phone,
      householdId: household.id,
      communityId,
      createdAt: household.createdAt,
    };
    await insertRows(db, User, user);
    people.push({ user, household, room, building });
  }

  // Last month, China time.
  const thisMonth = chinaDateKey(now).slice(0, 7);
  const [y, m] = thisMonth.split('-').map(Number);
  const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const monthStart = chinaMidnight(`${lastMonth}-01`);

  const sequences = new Map<string, number>();
  const tickets: { ticket: Ticket; spec: DemoTicket; closedAt: Date }[] = [];
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
        speed: overall === S.Dissatisfied ? 2 : 5,
        attitude: overall === S.Dissatisfied ? 3 : 5,
        quality: overall === S.Dissatisfied ? 1 : overall === S.Basic ? 4 : 5,
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
      rate(0, S.Dissatisfied, reopenAt, spec.tags, spec.comment ?? null);
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
      rate(1, S.Satisfied, closedAt, ['修得好'], '这次修好了');
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
      const label = spec.verdict === S.Satisfied ? '满意' : '基本满意';
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

  /** About a ticket, or (care) about a household: ticketId null. */
  type Subject = { ticketId: string | null; buildingId: string; householdId: string };
  const about = (t: Ticket): Subject => ({
    ticketId: t.id,
    buildingId: t.buildingId,
    householdId: t.householdId,
  });
  const task = (
    t: Subject,
    reason: CallbackReason,
    assigneeId: string,
    createdAt: Date,
    extra: Partial<CallbackTask> = {},
  ): CallbackTask => ({
    id: randomUUID(),
    communityId,
    buildingId: t.buildingId,
    householdId: t.householdId,
    ticketId: t.ticketId,
    sampleId: null,
    careDueOn: null,
    reason,
    status: CallbackStatus.Due,
    assigneeId,
    supervisorCheck: false,
    inPersonRequired: false,
    dueAt: at(createdAt, 48),
    nextCheckAt: at(createdAt, 48),
    escalatedAt: null,
    attempts: 0,
    outcome: null,
    channel: null,
    residentWords: null,
    signatureId: null,
    doneAt: null,
    doneById: null,
    createdAt,
    ...extra,
  });
  const done = (
    who: string,
    when: Date,
    outcome: CallbackOutcome,
    words: string,
    channel = CallbackChannel.Phone,
    attempts = 1,
  ): Partial<CallbackTask> => ({
    status: CallbackStatus.Done,
    outcome,
    channel,
    residentWords: words,
    attempts,
    doneAt: when,
    doneById: who,
    nextCheckAt: null,
  });
  const rows: CallbackTask[] = [];
  const attempts: CallbackAttempt[] = [];
  const attempt = (t: CallbackTask, when: Date, outcome: CallbackOutcome, words: string | null) =>
    attempts.push({
      id: randomUUID(),
      callbackId: t.id,
      callerId: t.doneById ?? t.assigneeId!,
      outcome,
      channel: t.channel ?? CallbackChannel.Phone,
      residentWords: words,
      at: when,
    });

  // A callback for every valid complaint, by 张主任 (李管家 handled them); one resident never answered,
  // and the last one is still owed (overdue, escalated).
  const complaints = tickets.filter((x) => x.spec.kind === C);
  complaints.forEach(({ ticket, closedAt }, i) => {
    if (i === complaints.length - 1) {
      rows.push(
        task(about(ticket), CallbackReason.Complaint, supervisor.id, closedAt, {
          escalatedAt: at(closedAt, 48),
          nextCheckAt: null,
        }),
      );
      return;
    }
    if (i === complaints.length - 3) {
      const t = task(about(ticket), CallbackReason.Complaint, supervisor.id, closedAt, {
        status: CallbackStatus.Unreachable,
        outcome: CallbackOutcome.Unreachable,
        channel: CallbackChannel.Phone,
        attempts: 3,
        doneAt: at(closedAt, 72),
        doneById: supervisor.id,
        nextCheckAt: null,
      });
      rows.push(t);
      for (const d of [6, 30, 54]) attempt(t, at(closedAt, d), CallbackOutcome.Unreachable, null);
      return;
    }
    const words = [
      '问题解决了，处理得挺快',
      '满意，谢谢关心',
      '基本解决了，希望保持',
      '已经改善，挺好的',
    ][i % 4];
    const t = task(
      about(ticket),
      CallbackReason.Complaint,
      supervisor.id,
      closedAt,
      done(
        supervisor.id,
        at(closedAt, 20),
        i % 4 === 2 ? CallbackOutcome.Basic : CallbackOutcome.Satisfied,
        words,
      ),
    );
    rows.push(t);
    attempt(t, at(closedAt, 20), t.outcome!, words);
  });
  // The 不满意 ratings each got the supervisor's callback.
  for (const { ticket, spec, closedAt } of tickets.filter((x) => x.spec.verdict === 'rework')) {
    const when = at(closedAt, -30);
    const t = task(
      about(ticket),
      CallbackReason.Dissatisfied,
      supervisor.id,
      when,
      done(
        supervisor.id,
        at(when, 2),
        CallbackOutcome.Dissatisfied,
        `${spec.comment ?? ''}，已安排返工`,
      ),
    );
    rows.push(t);
    attempt(t, at(when, 2), CallbackOutcome.Dissatisfied, t.residentWords);
  }

  // Last month's sample, drawn from a fixed seed, worked through (the in-person one signed).
  const valid = complaints.map((x) => x.ticket);
  const draw = drawMonthlySample(
    valid.map((t) => ({ id: t.id, major: t.serious })),
    DEMO_SAMPLE_SEED,
    sampling,
  );
  // Drawn on the 1st at 09:00 (or just now, on the 1st before nine); worked through since.
  const latest = (d: Date) => new Date(Math.min(d.getTime(), now.getTime()));
  const sample: CallbackSample = {
    id: randomUUID(),
    communityId,
    month: lastMonth,
    seed: DEMO_SAMPLE_SEED,
    candidates: valid.length,
    items: draw.items,
    drawnById: supervisor.id,
    drawnAt: latest(at(chinaMidnight(`${thisMonth}-01`), 9)),
  };
  await insertRows(db, CallbackSample, sample);
  const signatureId = randomUUID();
  const png = signaturePng();
  const storageKey = `seed/${signatureId}.png`;
  mkdirSync(path.join(uploadsDir, 'seed'), { recursive: true });
  writeFileSync(path.join(uploadsDir, storageKey), png);
  await insertRows(db, Attachment, {
    id: signatureId,
    ownerId: assistant.id,
    ticketId: null,
    eventId: null,
    mimeType: 'image/png',
    size: png.length,
    storageKey,
    createdAt: now,
  });
  let checked = 0;
  for (const item of draw.items) {
    const ticket = valid.find((t) => t.id === item.id)!;
    const when = latest(at(sample.drawnAt, 2 + checked * 3));
    if (item.formal) {
      const channel = item.inPerson ? CallbackChannel.InPerson : CallbackChannel.Phone;
      const t = task(about(ticket), CallbackReason.Sample, assistant.id, sample.drawnAt, {
        sampleId: sample.id,
        inPersonRequired: item.inPerson,
        ...done(
          assistant.id,
          when,
          CallbackOutcome.Satisfied,
          '处理结果满意，已当面签字确认',
          channel,
        ),
        signatureId: item.inPerson ? signatureId : null,
      });
      rows.push(t);
      attempt(t, when, CallbackOutcome.Satisfied, t.residentWords);
    }
    if (item.supervisorCheck) {
      const t = task(about(ticket), CallbackReason.Sample, supervisor.id, sample.drawnAt, {
        sampleId: sample.id,
        supervisorCheck: true,
        ...done(supervisor.id, when, CallbackOutcome.Satisfied, '主任抽查：住户确认已解决'),
      });
      rows.push(t);
      attempt(t, when, CallbackOutcome.Satisfied, t.residentWords);
      checked += 1;
    }
  }

  // This month: 李管家's care callbacks (docs/domain-rules.md §9): due today, overdue (escalated), done.
  const care = (
    p: (typeof people)[number],
    dueAt: Date,
    extra: Partial<CallbackTask> = {},
  ): CallbackTask =>
    task(
      { ticketId: null, buildingId: p.building.id, householdId: p.household.id },
      CallbackReason.Care,
      assistant.id,
      at(dueAt, -7 * 24),
      { dueAt, nextCheckAt: dueAt, careDueOn: chinaDateKey(at(dueAt, -7 * 24)), ...extra },
    );
  const endOfToday = chinaMidnight(chinaDateKey(at(now, 24)));
  rows.push(care(people[0], at(endOfToday, -1 / 60)));
  rows.push(care(people[1], at(now, -30), { escalatedAt: at(now, -29), nextCheckAt: null }));
  const careDone = care(
    people[2],
    at(now, -2 * 24),
    done(
      assistant.id,
      at(now, -3 * 24),
      CallbackOutcome.Satisfied,
      '一切都好，希望小区多办些老人活动',
    ),
  );
  rows.push(careDone);
  attempt(careDone, careDone.doneAt!, CallbackOutcome.Satisfied, careDone.residentWords);

  await insertRows(db, CallbackTask, rows);
  await insertRows(db, CallbackAttempt, attempts);
}
