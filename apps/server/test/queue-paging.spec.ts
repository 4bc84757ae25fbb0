import {
  ApiRoutes,
  Channel,
  ErrorCode,
  QueuePage,
  Role,
  SlaMilestone,
  TicketKind,
  TicketStatus,
} from '@linli/contracts';
import { encodeCursor } from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { TicketCategory } from '../src/modules/categories/entities/ticket-category.entity';
import { Building } from '../src/modules/org/entities/building.entity';
import { Household } from '../src/modules/org/entities/household.entity';
import { Room } from '../src/modules/org/entities/room.entity';
import { TicketMilestone } from '../src/modules/tickets/entities/ticket-milestone.entity';
import { Ticket } from '../src/modules/tickets/entities/ticket.entity';
import { addAssistant, addUser } from './support/builders';
import { bearer, loginOpenid } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The assistant's queue pages (issue #16, docs/paging.md): ordered by the live nearest deadline (breached
 * first), ties and tickets without a running limit by emergency, then age, then code; a cursor of
 * (deadline, ticket id) continues it; the counts cover the whole queue, not the page.
 */
const NOW = new Date('2026-11-23T02:00:00Z');
const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000);
const S = TicketStatus;

/**
 * The queue of 郑管家 (98栋), in the order it must come: `due` minutes from now (null: no running limit),
 * `age` minutes before now. Equal deadlines and equal ages are on purpose: the tie-breaks fall across
 * page boundaries for the limits walked below.
 */
const QUEUE: {
  code: string;
  due: number | null;
  age: number;
  emergency: boolean;
  status: TicketStatus;
  escalated?: boolean;
}[] = [
  { code: 'Q-C1', due: -20, age: 200, emergency: false, status: S.Accepted },
  { code: 'Q-C2', due: -10, age: 100, emergency: true, status: S.Submitted },
  { code: 'Q-C3', due: -10, age: 100, emergency: false, status: S.Assigned },
  { code: 'Q-A1', due: 60, age: 30, emergency: true, status: S.Submitted },
  { code: 'Q-A2', due: 60, age: 30, emergency: true, status: S.Assigned },
  { code: 'Q-A3', due: 60, age: 30, emergency: true, status: S.Accepted },
  { code: 'Q-A4', due: 60, age: 30, emergency: false, status: S.OnSite },
  { code: 'Q-A5', due: 60, age: 30, emergency: false, status: S.Submitted },
  { code: 'Q-A6', due: 60, age: 30, emergency: false, status: S.Assigned },
  { code: 'Q-A7', due: 60, age: 30, emergency: false, status: S.Accepted },
  { code: 'Q-B1', due: 120, age: 50, emergency: true, status: S.Submitted },
  { code: 'Q-B2', due: 120, age: 90, emergency: false, status: S.Accepted },
  { code: 'Q-B3', due: 120, age: 90, emergency: false, status: S.OnSite },
  { code: 'Q-B4', due: 120, age: 40, emergency: false, status: S.Assigned },
  { code: 'Q-D1', due: null, age: 500, emergency: true, status: S.OnHold },
  { code: 'Q-D2', due: null, age: 20, emergency: true, status: S.Submitted },
  { code: 'Q-D3', due: null, age: 300, emergency: false, status: S.Accepted, escalated: true },
  { code: 'Q-D4', due: null, age: 300, emergency: false, status: S.Forwarded },
  { code: 'Q-D5', due: null, age: 10, emergency: false, status: S.OnSite },
  { code: 'Q-D6', due: null, age: 10, emergency: false, status: S.Invalid },
];
const ORDER = QUEUE.map((q) => q.code);

let t: TestApp;
let token: string;
let otherToken: string;
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: NOW, freeze: true });
  const db = t.dataSource;
  const [demo] = await db.getRepository(Building).find({ take: 1 });
  const [category] = await db.getRepository(TicketCategory).find({ take: 1 });
  const reporter = await addUser(t, Role.Resident, '报事人');
  const place = async (name: string) => {
    const building = await db
      .getRepository(Building)
      .save({ id: randomUUID(), communityId: demo.communityId, name, sortOrder: 90 });
    const room = await db.getRepository(Room).save({
      id: randomUUID(),
      buildingId: building.id,
      unit: '1',
      number: '101',
      label: `${name}1单元101室`,
    });
    const household = await db
      .getRepository(Household)
      .save({ id: randomUUID(), roomId: room.id, createdAt: minutes(-10_000) });
    return { building, room, household };
  };
  const here = await place('98栋');
  const there = await place('97栋');
  const zheng = await addAssistant(t, '郑管家', ['98栋']);
  const feng = await addAssistant(t, '冯管家', ['97栋']);
  token = (await loginOpenid(t, zheng.openid!)).token;
  otherToken = (await loginOpenid(t, feng.openid!)).token;

  const ticket = (
    code: string,
    where: Awaited<ReturnType<typeof place>>,
    fields: Partial<Ticket>,
  ): Ticket => {
    const id = randomUUID();
    ids.set(code, id);
    return {
      id,
      code,
      kind: TicketKind.RepairHome,
      categoryCode: category.code,
      description: `排序用工单 ${code}`,
      status: S.Submitted,
      emergency: false,
      serious: false,
      outageId: null,
      householdId: where.household.id,
      roomId: where.room.id,
      buildingId: where.building.id,
      communityId: demo.communityId,
      reporterId: reporter.id,
      assigneeId: null,
      channel: Channel.MiniProgram,
      receivedById: null,
      contactName: null,
      contactPhone: null,
      idempotencyKey: code,
      preferredVisitAt: null,
      holdReason: null,
      pauses: [],
      reopenCount: 0,
      escalationLevel: 0,
      escalatedAt: null,
      resolvedAt: null,
      nextCheckAt: null,
      version: 1,
      createdAt: minutes(-60),
      updatedAt: minutes(-60),
      ...fields,
    } as Ticket;
  };
  const rows = QUEUE.map((q) =>
    ticket(q.code, here, {
      status: q.status,
      emergency: q.emergency,
      // Submitted tickets are nobody's yet; the others are 郑管家's.
      assigneeId: q.status === S.Submitted ? null : zheng.id,
      escalationLevel: q.escalated ? 1 : 0,
      escalatedAt: q.escalated ? minutes(-5) : null,
      createdAt: minutes(-q.age),
      updatedAt: minutes(-q.age),
    }),
  );
  // Not in 郑管家's queue: a colleague's ticket, a closed one, and one of a building he does not serve.
  rows.push(
    ticket('Q-X1', here, { status: S.Accepted, assigneeId: feng.id }),
    ticket('Q-X2', here, { status: S.Closed, assigneeId: zheng.id }),
    ticket('Q-X3', there, { status: S.Submitted, emergency: true }),
  );
  await db.getRepository(Ticket).insert(rows);
  // A wall-clock limit from the report to the deadline: the countdown is exactly `due`.
  await db.getRepository(TicketMilestone).insert(
    QUEUE.filter((q) => q.due !== null).map((q) => ({
      id: randomUUID(),
      ticketId: ids.get(q.code)!,
      milestone: SlaMilestone.Resolve,
      policyCode: 'test_wall',
      policyName: '测试时限',
      limitSpec: { kind: 'wall' as const, minutes: q.due! + q.age },
      startAt: minutes(-q.age),
      metAt: null,
      warnedAt: null,
      breachedAt: null,
    })),
  );
});
afterAll(() => t?.close());

const get = (query: Record<string, string | number>, as = token) =>
  t.http().get(ApiRoutes.myQueue).query(query).set(bearer(as));
const page = async (query: Record<string, string | number>, as = token) =>
  (await get(query, as).expect(200)).body as QueuePage;

async function walk(limit: number, as = token): Promise<QueuePage[]> {
  const pages = [await page({ limit }, as)];
  while (pages[pages.length - 1].nextCursor && pages.length < 100)
    pages.push(await page({ limit, cursor: pages[pages.length - 1].nextCursor! }, as));
  return pages;
}

it.each([1, 3, 4, 6, 7, 19])(
  'pages of %i: the whole queue in order, ties broken across page boundaries, nothing lost or repeated',
  async (limit) => {
    const pages = await walk(limit);
    expect(pages.flatMap((p) => p.items.map((i) => i.code))).toEqual(ORDER);
    expect(pages).toHaveLength(Math.ceil(ORDER.length / limit));
    // Every page but the last is full; only the last carries no cursor.
    expect(pages.slice(0, -1).every((p) => p.items.length === limit)).toBe(true);
    expect(pages.map((p) => p.nextCursor === null)).toEqual(
      pages.map((_, i) => i === pages.length - 1),
    );
  },
);

it('a full last page carries no cursor (20 = 4 × 5; 20 on one page of 20)', async () => {
  const pages = await walk(5);
  expect(pages.map((p) => p.items.length)).toEqual([5, 5, 5, 5]);
  expect(pages.map((p) => p.nextCursor === null)).toEqual([false, false, false, true]);
  // Boundaries inside ties: Q-A2|Q-A3 (same deadline, age and urgency: by code), Q-D1|Q-D2 (no limit, emergencies).
  expect(pages.map((p) => p.items[0].code)).toEqual(['Q-C1', 'Q-A3', 'Q-B1', 'Q-D2']);
  const whole = await page({ limit: 20 });
  expect(whole.items.map((i) => i.code)).toEqual(ORDER);
  expect(whole.nextCursor).toBeNull();
});

it('a short last page carries no cursor; the default page is 20', async () => {
  const pages = await walk(6);
  expect(pages.map((p) => p.items.length)).toEqual([6, 6, 6, 2]);
  expect(pages[3].nextCursor).toBeNull();
  // Q-B2|Q-B3 share deadline and age: the boundary falls between them.
  expect(pages[1].items[5].code).toBe('Q-B2');
  expect(pages[2].items[0].code).toBe('Q-B3');
  const first = await page({});
  expect(first.items).toHaveLength(20);
  expect(first.nextCursor).toBeNull();
});

it('each row carries its live countdown; the counts are those of the whole queue on every page', async () => {
  const counts = {
    pending: QUEUE.filter((q) => [S.Submitted, S.Assigned].includes(q.status)).length,
    inProgress: QUEUE.filter((q) => [S.Accepted, S.OnSite, S.OnHold].includes(q.status)).length,
    late: QUEUE.filter((q) => (q.due !== null && q.due < 0) || q.escalated).length,
  };
  expect(counts).toEqual({ pending: 9, inProgress: 9, late: 4 });
  const pages = await walk(3);
  for (const p of pages) expect(p.counts).toEqual(counts);
  const [first] = pages;
  expect(first.items[0]).toMatchObject({
    code: 'Q-C1',
    status: S.Accepted,
    assigneeName: '郑管家',
    roomLabel: '98栋1单元101室',
    sla: { milestone: SlaMilestone.Resolve, state: 'breached', dueAt: minutes(-20).toISOString() },
  });
  const d = pages.flatMap((p) => p.items).find((i) => i.code === 'Q-D3');
  expect(d).toMatchObject({ sla: null, escalationLevel: 1, assigneeName: '郑管家' });
});

it('continues after a ticket that left the queue between two loads (its cursor still stands)', async () => {
  const first = await page({ limit: 4 });
  expect(first.items.map((i) => i.code)).toEqual(['Q-C1', 'Q-C2', 'Q-C3', 'Q-A1']);
  const repo = t.dataSource.getRepository(Ticket);
  await repo.update({ id: ids.get('Q-A1')! }, { status: S.Cancelled });
  try {
    const next = await page({ limit: 4, cursor: first.nextCursor! });
    expect(next.items.map((i) => i.code)).toEqual(['Q-A2', 'Q-A3', 'Q-A4', 'Q-A5']);
    expect(next.counts.pending).toBe(8);
  } finally {
    await repo.update({ id: ids.get('Q-A1')! }, { status: S.Submitted });
  }
});

it('an assistant never sees tickets of buildings they do not serve, nor a colleague’s', async () => {
  const all = (await walk(4)).flatMap((p) => p.items.map((i) => i.code));
  expect(all).not.toContain('Q-X1');
  expect(all).not.toContain('Q-X2');
  expect(all).not.toContain('Q-X3');
  // 冯管家 serves 97栋 only: its one ticket, none of 98栋 (not even unassigned ones, nor his own there).
  const other = await page({}, otherToken);
  expect(other.items.map((i) => i.code)).toEqual(['Q-X3']);
  expect(other).toMatchObject({ nextCursor: null, counts: { pending: 1, inProgress: 0, late: 0 } });
});

it.each([
  [
    'a cursor that does not decode',
    { cursor: 'not-a-cursor' },
    'cursor',
    '翻页位置无效，请刷新列表后重试',
  ],
  [
    'a cursor naming a ticket that does not exist',
    { cursor: encodeCursor({ at: NOW, id: randomUUID() }) },
    'cursor',
    '翻页位置无效，请刷新列表后重试',
  ],
  ['a limit of 0', { limit: 0 }, 'limit', '每页条数至少为 1'],
  ['a limit of 101', { limit: 101 }, 'limit', '每页条数最多为 100'],
  ['a limit that is not an integer', { limit: '2.5' }, 'limit', '每页条数必须是整数'],
])('%s is a 400 with a Chinese message', async (_, query, field, message) => {
  const res = await get(query).expect(400);
  expect(res.body).toMatchObject({
    code: ErrorCode.VALIDATION_FAILED,
    fields: [{ field, message }],
  });
  expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
});
