import {
  CallbackChannel,
  CallbackOutcome,
  CallbackReason,
  CallbackStatus,
  Role,
  TicketKind,
} from '@linli/contracts';
import {
  chinaDateKey,
  chinaMidnight,
  DEFAULT_SAMPLING_POLICY,
  drawMonthlySample,
  roomLabel,
  SamplingPolicy,
} from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EntityManager } from 'typeorm';
import { CallbackAttempt } from '../../modules/feedback/entities/callback-attempt.entity';
import { CallbackSample } from '../../modules/feedback/entities/callback-sample.entity';
import { CallbackTask } from '../../modules/feedback/entities/callback-task.entity';
import { Building } from '../../modules/org/entities/building.entity';
import { Household } from '../../modules/org/entities/household.entity';
import { Room } from '../../modules/org/entities/room.entity';
import { User } from '../../modules/org/entities/user.entity';
import { Ticket } from '../../modules/tickets/entities/ticket.entity';
import { Attachment } from '../../modules/uploads/entities/attachment.entity';
import { insertRows } from '../unit-of-work';
import { NEIGHBOURS } from './feedback-demo-data';
import { signaturePng } from './signature-png';
import { DemoNeighbour, seedLastMonthTickets } from './feedback-demo-tickets';
import { NOT_YET_CALLED } from '../../modules/feedback/callback-task-defaults';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The seed of last month's demo draw: the same sample on every fresh demo database. */
export const DEMO_SAMPLE_SEED = 20261101;

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
  const people: DemoNeighbour[] = [];
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

  const tickets = await seedLastMonthTickets(db, { people, assistant, communityId, monthStart });

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
    ...NOT_YET_CALLED,
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
  const complaints = tickets.filter((x) => x.spec.kind === TicketKind.Complaint);
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
