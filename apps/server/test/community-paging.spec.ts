import {
  ApiRoutes,
  Channel,
  CommunityTicketFilter,
  CommunityTicketsPage,
  DemoPersona,
  ErrorCode,
  Role,
  SlaMilestone,
  TicketKind,
  TicketStatus,
} from '@linli/contracts';
import { encodeCursor } from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { TicketCategory } from '../src/modules/categories/entities/ticket-category.entity';
import { Building } from '../src/modules/org/entities/building.entity';
import { Community } from '../src/modules/org/entities/community.entity';
import { Household } from '../src/modules/org/entities/household.entity';
import { Room } from '../src/modules/org/entities/room.entity';
import { User } from '../src/modules/org/entities/user.entity';
import { TicketMilestone } from '../src/modules/tickets/entities/ticket-milestone.entity';
import { Ticket } from '../src/modules/tickets/entities/ticket.entity';
import { addUser } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The community's open lists page (issue #16, docs/paging.md): open, at_risk and department in the
 * assistant's queue's order (the nearest live deadline first; without a running limit after, oldest
 * first), over the whole open set. They used to read the 200 oldest open tickets as one page, so the
 * young late tickets below (C-07, C-08) fell off once a community had more: with a page of 3 here, the
 * three oldest (C-01, C-03, C-04) are none of the at-risk ones.
 */
const NOW = new Date('2026-11-23T02:00:00Z');
const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000);
const S = TicketStatus;

/** 甲小区's open tickets: `due` minutes from now (null: no running limit), `age` minutes before now. */
const OPEN: {
  code: string;
  due: number | null;
  age: number;
  emergency?: boolean;
  escalated?: boolean;
  /** Of the other department's category (not in the department head's list). */
  other?: boolean;
  /** Taken by an assistant (else nobody's). */
  taken?: boolean;
}[] = [
  { code: 'C-01', due: 300, age: 1000, taken: true },
  { code: 'C-02', due: 200, age: 150, emergency: true, other: true },
  { code: 'C-03', due: 400, age: 800, taken: true },
  { code: 'C-04', due: null, age: 700 },
  { code: 'C-05', due: 100, age: 100, other: true },
  { code: 'C-06', due: 30, age: 270 }, // 90% of its limit gone: warning
  { code: 'C-07', due: -2, age: 5 }, // breached
  { code: 'C-08', due: null, age: 3, escalated: true },
];
const ORDER = ['C-07', 'C-06', 'C-05', 'C-02', 'C-01', 'C-03', 'C-04', 'C-08'];
const AT_RISK = ['C-07', 'C-06', 'C-08'];
const DEPARTMENT = ORDER.filter((c) => !OPEN.find((o) => o.code === c)!.other);

let t: TestApp;
let supervisor: string;
let head: string;
let otherSupervisor: string;
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: NOW, freeze: true });
  const db = t.dataSource;
  const [demo] = await db.getRepository(Community).find({ take: 1 });
  const categories = await db.getRepository(TicketCategory).find();
  const mine = categories[0];
  const theirs = categories.find((c) => c.department !== mine.department)!;
  const reporter = await addUser(t, Role.Resident, '报事人');
  const assistant = await addUser(t, Role.Assistant, '测试管家');
  const estate = async (name: string) => {
    const community = await db
      .getRepository(Community)
      .save({ id: randomUUID(), companyId: demo.companyId, name, createdAt: minutes(-20_000) });
    const building = await db
      .getRepository(Building)
      .save({ id: randomUUID(), communityId: community.id, name: `${name}1栋`, sortOrder: 1 });
    const room = await db.getRepository(Room).save({
      id: randomUUID(),
      buildingId: building.id,
      unit: '1',
      number: '101',
      label: `${name}1栋1单元101室`,
    });
    const household = await db
      .getRepository(Household)
      .save({ id: randomUUID(), roomId: room.id, createdAt: minutes(-10_000) });
    return { community, building, room, household };
  };
  const here = await estate('甲小区');
  const there = await estate('乙小区');
  const staff = async (name: string, communityId: string, department: string | null = null) => {
    const user = await addUser(t, Role.Supervisor, name);
    await db.getRepository(User).update({ id: user.id }, { communityId, department } as object);
    return (await loginOpenid(t, user.openid!)).token;
  };
  supervisor = await staff('甲主任', here.community.id);
  head = await staff('甲部门负责人', here.community.id, mine.department);
  otherSupervisor = await staff('乙主任', there.community.id);

  const ticket = (code: string, where: typeof here, fields: Partial<Ticket>): Ticket => {
    const id = randomUUID();
    ids.set(code, id);
    return {
      id,
      code,
      kind: TicketKind.RepairHome,
      categoryCode: mine.code,
      description: `翻页用工单 ${code}`,
      status: S.Submitted,
      emergency: false,
      serious: false,
      outageId: null,
      householdId: where.household.id,
      roomId: where.room.id,
      buildingId: where.building.id,
      communityId: where.community.id,
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
  const rows = OPEN.map((o) =>
    ticket(o.code, here, {
      status: o.taken ? S.Accepted : S.Submitted,
      assigneeId: o.taken ? assistant.id : null,
      categoryCode: o.other ? theirs.code : mine.code,
      emergency: o.emergency ?? false,
      escalationLevel: o.escalated ? 1 : 0,
      escalatedAt: o.escalated ? minutes(-1) : null,
      createdAt: minutes(-o.age),
      updatedAt: minutes(-o.age),
    }),
  );
  // Not in 甲小区's open lists: a closed ticket of 甲小区, and a late one of 乙小区.
  rows.push(
    ticket('C-X1', here, { status: S.Closed, createdAt: minutes(-2000) }),
    ticket('C-Y1', there, { emergency: true, createdAt: minutes(-30) }),
  );
  await db.getRepository(Ticket).insert(rows);
  // A wall-clock limit from the report to the deadline: the countdown is exactly `due`.
  const limits = [...OPEN, { code: 'C-Y1', due: -10, age: 30 }].filter((o) => o.due !== null);
  await db.getRepository(TicketMilestone).insert(
    limits.map((o) => ({
      id: randomUUID(),
      ticketId: ids.get(o.code)!,
      milestone: SlaMilestone.Resolve,
      policyCode: 'test_wall',
      policyName: '测试时限',
      limitSpec: { kind: 'wall' as const, minutes: o.due! + o.age },
      startAt: minutes(-o.age),
      metAt: null,
      warnedAt: null,
      breachedAt: null,
    })),
  );
});
afterAll(() => t?.close());

type Query = Record<string, string | number>;
const get = (query: Query, as = supervisor) =>
  t.http().get(ApiRoutes.communityTickets).query(query).set(bearer(as));
const page = async (query: Query, as = supervisor) =>
  (await get(query, as).expect(200)).body as CommunityTicketsPage;

async function walk(query: Query, as = supervisor): Promise<CommunityTicketsPage[]> {
  const pages = [await page(query, as)];
  while (pages[pages.length - 1].nextCursor && pages.length < 100)
    pages.push(await page({ ...query, cursor: pages[pages.length - 1].nextCursor! }, as));
  return pages;
}
const codes = (pages: CommunityTicketsPage[]) => pages.flatMap((p) => p.items.map((i) => i.code));

it.each([1, 3, 5, 8])(
  'open in pages of %i: every open ticket once, nearest deadline first, only the last page without a cursor',
  async (limit) => {
    const pages = await walk({ filter: CommunityTicketFilter.Open, limit });
    expect(codes(pages)).toEqual(ORDER);
    expect(pages).toHaveLength(Math.ceil(ORDER.length / limit));
    expect(pages.slice(0, -1).every((p) => p.items.length === limit)).toBe(true);
    expect(pages.map((p) => p.nextCursor === null)).toEqual(
      pages.map((_, i) => i === pages.length - 1),
    );
  },
);

it('open carries the counts of the whole list on every page, and each row its live countdown', async () => {
  const pages = await walk({ filter: CommunityTicketFilter.Open, limit: 3 });
  for (const p of pages) {
    expect(p.counts).toEqual({ total: 8, warning: 1, late: 2, unassigned: 6, attention: 3 });
  }
  expect(pages[0].items[0]).toMatchObject({
    code: 'C-07',
    roomLabel: '甲小区1栋1单元101室',
    sla: { state: 'breached', dueAt: minutes(-2).toISOString() },
  });
  expect(pages[0].items[1]).toMatchObject({ code: 'C-06', sla: { state: 'warning' } });
});

it('at_risk considers the whole open set, not the oldest page of it: the young late tickets show', async () => {
  for (const limit of [1, 2, 3]) {
    const pages = await walk({ filter: CommunityTicketFilter.AtRisk, limit });
    expect(codes(pages)).toEqual(AT_RISK);
    expect(pages[0].counts).toEqual({ total: 3, warning: 1, late: 2, unassigned: 3, attention: 3 });
  }
});

it("department pages the department's categories only, in the same order", async () => {
  const pages = await walk({ filter: CommunityTicketFilter.Department, limit: 2 }, head);
  expect(codes(pages)).toEqual(DEPARTMENT);
  expect(pages[0].counts?.total).toBe(DEPARTMENT.length);
});

it('done and all still page newest first, without counts', async () => {
  const done = await walk({ filter: CommunityTicketFilter.Done, limit: 1 });
  expect(codes(done)).toEqual(['C-X1']);
  expect(done[0].counts).toBeUndefined();
  const all = codes(await walk({ filter: CommunityTicketFilter.All, limit: 3 }));
  expect([...all].sort()).toEqual([...ORDER, 'C-X1'].sort());
});

it("a supervisor never sees another community's tickets; the platform admin sees both", async () => {
  for (const filter of Object.values(CommunityTicketFilter)) {
    expect(codes(await walk({ filter, limit: 2 }))).not.toContain('C-Y1');
  }
  const theirs = await walk({ filter: CommunityTicketFilter.Open, limit: 2 }, otherSupervisor);
  expect(codes(theirs)).toEqual(['C-Y1']);
  expect(theirs[0].counts).toMatchObject({ total: 1, late: 1 });
  const admin = (await loginPersona(t, DemoPersona.Admin)).token;
  const everything = codes(await walk({ filter: CommunityTicketFilter.AtRisk, limit: 2 }, admin));
  // Breached 10 minutes ago (C-Y1) before 2 minutes ago (C-07); the escalated one without a limit last.
  expect(everything.filter((c) => c.startsWith('C-'))).toEqual(['C-Y1', ...AT_RISK]);
});

it.each([
  ['a cursor that does not decode', { cursor: 'not-a-cursor' }, 'cursor'],
  [
    'a cursor naming a ticket that does not exist',
    { cursor: encodeCursor({ at: NOW, id: randomUUID() }) },
    'cursor',
  ],
  ['a limit of 0', { limit: 0 }, 'limit'],
])('%s is a 400 on every open list', async (_, query, field) => {
  for (const filter of ['open', 'at_risk', 'department']) {
    const res = await get({ filter, ...query }, head).expect(400);
    expect(res.body).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, fields: [{ field }] });
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
  }
});
