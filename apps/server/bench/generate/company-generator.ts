/**
 * A realistic property company for benchmarks, generated from a seed: communities with buildings, rooms,
 * households and their members, assistants, and two years of tickets whose every life is written by the
 * demo history's own builder (limits planned by planMilestones, events in the state machine's order, with
 * emergencies, pauses, reopenings, escalations and invalid complaints), plus the residents' ratings and
 * the complaints' callbacks. Pure: it yields rows; bulk-load.ts writes them.
 */
import {
  CallbackChannel,
  CallbackOutcome,
  CallbackReason,
  CallbackStatus,
  MemberRole,
  Role,
  Satisfaction,
  TicketAction,
  TicketKind,
  TicketStatus,
} from '@linli/contracts';
import { chinaDateKey, chinaMidnight, WorkingCalendar } from '@linli/domain';
import { DEFAULT_CATEGORIES } from '../../src/modules/categories/category-catalog';
import { buildTicket, Draft, MIX, random } from '../../src/database/seed/demo-ticket-history';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface GeneratorOptions {
  seed: number;
  communities: number;
  households: number;
  tickets: number;
  /** Days of history before `now` the tickets are spread over. */
  days: number;
  now: Date;
  /**
   * Open tickets per assistant to aim at (BENCH_OPEN_PER_ASSISTANT; unset: the demo history's, the last
   * day and a half open, about one per assistant at full scale). Set, the tickets of the last days are all
   * left open, as many days as make this many per assistant on average: the queue at "tens of open
   * tickets per assistant" (issue #16). Unset, the generated rows are the same as before the option.
   */
  openPerAssistant?: number;
}

/** Full scale (issue #16): 20 communities, 100,000 households, 1,000,000 tickets over two years; BENCH_SCALE shrinks it. */
export function optionsFromEnv(env: NodeJS.ProcessEnv, now: Date): GeneratorOptions {
  const scale = Number(env.BENCH_SCALE ?? 1);
  const n = (name: string, full: number) =>
    Math.max(1, Math.round(Number(env[name] ?? full * scale)));
  return {
    seed: Number(env.BENCH_SEED ?? 20261204),
    communities: n('BENCH_COMMUNITIES', 20),
    households: n('BENCH_HOUSEHOLDS', 100_000),
    tickets: n('BENCH_TICKETS', 1_000_000),
    days: Number(env.BENCH_DAYS ?? 730),
    now,
    openPerAssistant: env.BENCH_OPEN_PER_ASSISTANT
      ? Number(env.BENCH_OPEN_PER_ASSISTANT)
      : undefined,
  };
}

export type Row = Record<string, unknown>;
export type Batch = Record<string, Row[]>;

/**
 * Ids from the seeded stream, shaped as UUIDs (v4 layout), so a seed always gives the same database. The
 * first twelve hex digits count up: rows arrive in primary-key order, so InnoDB appends to its clustered
 * indexes instead of splitting random pages (with random UUIDs the load slowed down as the tables outgrew
 * the buffer pool).
 */
function idMaker(rand: () => number, stream: number): () => string {
  let n = 0;
  const hex = (k: number) =>
    Math.floor(rand() * 16 ** k)
      .toString(16)
      .padStart(k, '0');
  return () => {
    const c = (stream * 2 ** 40 + n++).toString(16).padStart(12, '0');
    return `${c.slice(0, 8)}-${c.slice(8, 12)}-4${hex(3)}-${(8 + Math.floor(rand() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '平',
];

export interface Community {
  id: string;
  name: string;
  households: { householdId: string; roomId: string; buildingId: string; userId: string }[];
  assistantByBuilding: Map<string, string>;
}

/** The company's organisation: yields one batch per community (buildings, rooms, households, members, users). */
export function* organisation(
  o: GeneratorOptions,
  companyId: string,
  out: Community[],
): Generator<Batch> {
  const rand = random(o.seed);
  const id = idMaker(rand, 1);
  const name = () =>
    SURNAMES[Math.floor(rand() * SURNAMES.length)] + GIVEN[Math.floor(rand() * GIVEN.length)];
  const phone = () =>
    `13${Math.floor(rand() * 1e9)
      .toString()
      .padStart(9, '0')}`;
  const created = new Date(o.now.getTime() - (o.days + 30) * DAY);
  let userNo = 0;
  for (let c = 0; c < o.communities; c++) {
    const batch: Batch = {
      community: [],
      building: [],
      room: [],
      household: [],
      household_member: [],
      user: [],
      assistant_building: [],
    };
    const community: Community = {
      id: id(),
      name: `测试社区${c + 1}`,
      households: [],
      assistantByBuilding: new Map(),
    };
    batch.community.push({ id: community.id, companyId, name: community.name, createdAt: created });
    const count =
      Math.floor(o.households / o.communities) + (c < o.households % o.communities ? 1 : 0);
    const perBuilding = 6 * 2 * 4; // 6 floors × 2 units × 4 rooms
    const buildings = Math.max(1, Math.ceil(count / perBuilding));
    for (let b = 0; b < buildings; b++) {
      const buildingId = id();
      batch.building.push({
        id: buildingId,
        communityId: community.id,
        name: `${b + 1}栋`,
        sortOrder: b + 1,
      });
      const assistantId = id();
      community.assistantByBuilding.set(buildingId, assistantId);
      batch.user.push({
        id: assistantId,
        openid: `bench-${++userNo}`,
        name: `${name()}管家`,
        phone: phone(),
        role: Role.Assistant,
        householdId: null,
        communityId: community.id,
        createdAt: created,
        department: null,
      });
      batch.assistant_building.push({ userId: assistantId, buildingId });
      for (let r = 0; r < perBuilding && b * perBuilding + r < count; r++) {
        const unit = `${1 + (r % 2)}单元`;
        const number = `${1 + Math.floor(r / 8)}0${1 + (Math.floor(r / 2) % 4)}`;
        const roomId = id();
        const householdId = id();
        const userId = id();
        batch.room.push({
          id: roomId,
          buildingId,
          unit,
          number,
          label: `${b + 1}栋${unit}${number}室`,
        });
        batch.household.push({ id: householdId, roomId, createdAt: created });
        batch.user.push({
          id: userId,
          openid: `bench-${++userNo}`,
          name: name(),
          phone: phone(),
          role: Role.Resident,
          householdId,
          communityId: community.id,
          createdAt: created,
          department: null,
        });
        const members = 1 + Math.floor(rand() * 4);
        for (let m = 0; m < members; m++) {
          batch.household_member.push({
            id: id(),
            householdId,
            name: name(),
            role: m === 0 ? MemberRole.Owner : MemberRole.Family,
            relationship: m === 0 ? null : '家属',
            phone: phone(),
            idNumber: null,
            moveInDate: null,
            userId: m === 0 ? userId : null,
            createdAt: created,
            removedAt: null,
            removedById: null,
          });
        }
        community.households.push({ householdId, roomId, buildingId, userId });
      }
    }
    out.push(community);
    yield batch;
  }
}

/**
 * The tickets, day by day over `days` (busier on some days than others), each community in turn, with
 * their events, milestones, ratings and callbacks. Ticket codes are numbered per day across the company,
 * as the server numbers them; `sequences` receives each day's last number.
 */
export function* tickets(
  o: GeneratorOptions,
  communities: readonly Community[],
  sequences: Map<string, number>,
  batchSize = 2000,
): Generator<Batch> {
  const rand = random(o.seed + 1);
  const newId = idMaker(random(o.seed + 2), 2);
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  const totalWeight = MIX.reduce((n, [, w]) => n + w, 0);
  const categories = new Map(DEFAULT_CATEGORIES.map((c) => [c.code, c]));
  const calendar = new WorkingCalendar();
  const today = chinaMidnight(chinaDateKey(o.now));
  const perDay = o.tickets / o.days;
  // With openPerAssistant: the tickets of the last `openDays` days are left open (buildTicket leaves a
  // ticket of the last day open; it is told so for each of them).
  const assistants = new Set(communities.flatMap((c) => [...c.assistantByBuilding.values()])).size;
  const openDays = o.openPerAssistant ? Math.ceil((o.openPerAssistant * assistants) / perDay) : 0;
  let made = 0;
  let batch = emptyBatch();
  for (let back = o.days; back >= 1 && made < o.tickets; back--) {
    const dayStart = today.getTime() - back * DAY;
    // Every day gets its share, the remainder spread by chance; the last day takes what is left.
    const count =
      back === 1
        ? o.tickets - made
        : Math.min(o.tickets - made, Math.floor(perDay) + (rand() < perDay % 1 ? 1 : 0));
    const starts = Array.from(
      { length: count },
      () => dayStart + Math.floor(between(7, 22) * HOUR),
    ).sort((a, b) => a - b);
    for (const startMs of starts) {
      const community = communities[made % communities.length];
      let r = rand() * totalWeight;
      let row = MIX[0];
      for (const m of MIX)
        if ((r -= m[1]) < 0) {
          row = m;
          break;
        }
      const [code, , description] = row;
      const home = community.households[Math.floor(rand() * community.households.length)];
      const created = new Date(startMs);
      const dayKey = chinaDateKey(created);
      const seq = (sequences.get(dayKey) ?? 0) + 1;
      sequences.set(dayKey, seq);
      const input = {
        communityId: community.id,
        households: community.households,
        assistantId: community.assistantByBuilding.get(home.buildingId)!,
        now: o.now,
        calendar,
      };
      const draft = buildTicket({
        input,
        index: made,
        back: back <= openDays ? 1 : back,
        code,
        description,
        category: categories.get(code)!,
        home,
        created,
        seq,
        rand,
        between,
        newId,
      });
      draft.ticket.idempotencyKey = `bench-${made}`;
      addDraft(batch, draft, rand, newId, o.now);
      made += 1;
      if (batch.ticket.length >= batchSize) {
        yield batch;
        batch = emptyBatch();
      }
    }
  }
  if (batch.ticket.length > 0) yield batch;
}

function emptyBatch(): Batch {
  return {
    ticket: [],
    ticket_event: [],
    ticket_milestone: [],
    ticket_rating: [],
    callback_task: [],
  };
}

/** A ticket with what residents said of it: a rating at each confirmation (满意/基本满意) and at each reopening (不满意), and a complaint's callback. */
function addDraft(
  batch: Batch,
  d: Draft,
  rand: () => number,
  newId: () => string,
  now: Date,
): void {
  const t = d.ticket;
  batch.ticket.push(t as unknown as Row);
  for (const e of d.events) batch.ticket_event.push(e as unknown as Row);
  for (const m of d.milestones) batch.ticket_milestone.push(m as unknown as Row);
  let round = 0;
  for (const e of d.events) {
    const resident = e.actorId === t.reporterId;
    if (resident && (e.action === TicketAction.Confirm || e.action === TicketAction.Reopen)) {
      round += 1;
      const overall =
        e.action === TicketAction.Reopen
          ? Satisfaction.Dissatisfied
          : rand() < 0.85
            ? Satisfaction.Satisfied
            : Satisfaction.Basic;
      const score =
        overall === Satisfaction.Dissatisfied ? 2 : overall === Satisfaction.Basic ? 4 : 5;
      batch.ticket_rating.push({
        id: newId(),
        ticketId: t.id,
        round,
        raterId: t.reporterId,
        handlerId: t.assigneeId,
        overall,
        speed: score,
        attitude: score,
        quality: score,
        tags: [],
        comment: null,
        createdAt: e.at,
      });
    }
  }
  const resolved = d.events.find((e) => e.action === TicketAction.Resolve);
  if (t.kind === TicketKind.Complaint && resolved && t.status !== TicketStatus.Invalid) {
    const createdAt = resolved.at;
    const doneAt = new Date(createdAt.getTime() + (2 + rand() * 40) * HOUR);
    const answered = rand() < 0.95;
    const due = doneAt.getTime() >= now.getTime(); // not called yet
    const reached = answered && !due;
    batch.callback_task.push({
      id: newId(),
      communityId: t.communityId,
      buildingId: t.buildingId,
      householdId: t.householdId,
      ticketId: t.id,
      sampleId: null,
      careDueOn: null,
      reason: CallbackReason.Complaint,
      status: due ? CallbackStatus.Due : reached ? CallbackStatus.Done : CallbackStatus.Unreachable,
      assigneeId: t.assigneeId,
      supervisorCheck: false,
      inPersonRequired: false,
      dueAt: new Date(createdAt.getTime() + 48 * HOUR),
      nextCheckAt: due ? new Date(createdAt.getTime() + 48 * HOUR) : null,
      escalatedAt: null,
      attempts: due ? 0 : reached ? 1 : 3,
      outcome: due ? null : reached ? CallbackOutcome.Satisfied : CallbackOutcome.Unreachable,
      channel: due ? null : CallbackChannel.Phone,
      residentWords: reached ? '问题已解决，谢谢' : null,
      signatureId: null,
      doneAt: reached ? doneAt : null,
      doneById: reached ? t.assigneeId : null,
      createdAt,
    });
  }
}
