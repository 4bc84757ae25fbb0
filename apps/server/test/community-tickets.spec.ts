import { randomUUID } from 'node:crypto';
import {
  ApiRoutes,
  CommunityTicketFilter,
  DemoPersona,
  ErrorCode,
  Role,
  TicketAction,
  TicketStatus,
  TicketSummaryDto,
} from '@linli/contracts';
import { Community } from '../src/modules/org/entities/community.entity';
import { Company } from '../src/modules/org/entities/company.entity';
import { User } from '../src/modules/org/entities/user.entity';
import { addResident, submitTicket } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: new Date('2026-11-22T01:00:00Z'), freeze: true });
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
});
afterAll(() => t?.close());

const list = (token: string, filter?: string) =>
  t
    .http()
    .get(ApiRoutes.communityTickets)
    .query(filter ? { filter } : {})
    .set(bearer(token));

/** An empty list: the open lists carry their (zero) counts, the history none. */
const nothing = (filter: CommunityTicketFilter) =>
  filter === CommunityTicketFilter.Done || filter === CommunityTicketFilter.All
    ? { items: [], nextCursor: null }
    : {
        items: [],
        nextCursor: null,
        counts: { total: 0, warning: 0, late: 0, unassigned: 0, attention: 0 },
      };

describe('GET /api/tickets/community (supervisor)', () => {
  let bulb: string;
  let leak: string;
  let closed: string;

  beforeAll(async () => {
    bulb = (await submitTicket(t, resident, { categoryCode: 'bulb', description: '客厅灯泡坏了' }))
      .id;
    t.clock.set({ advanceMinutes: 5 });
    const neighbour = await addResident(t, {
      building: '2栋',
      unit: '1单元',
      number: '201',
      name: '钱先生',
    });
    const neighbourToken = (await loginOpenid(t, neighbour.openid!)).token;
    leak = (
      await submitTicket(t, neighbourToken, {
        categoryCode: 'water_leak',
        description: '卫生间漏水',
      })
    ).id;
    t.clock.set({ advanceMinutes: 5 });
    const cancelled = await submitTicket(t, resident, {
      categoryCode: 'lock',
      description: '门锁有点松',
    });
    closed = cancelled.id;
    await t
      .http()
      .post(ApiRoutes.ticketActions(closed))
      .set(bearer(resident))
      .send({ action: TicketAction.Cancel, version: cancelled.version })
      .expect(200);
  });

  it('lists the open tickets of every building of the community: nearest deadline first (the emergency)', async () => {
    const open = (await list(supervisor).expect(200)).body.items as TicketSummaryDto[];
    expect(open.map((x) => x.id)).toEqual([leak, bulb]);
    expect(open[0]).toMatchObject({ emergency: true, roomLabel: '2栋1单元201室' });
  });

  it('lists finished tickets and everything, newest first', async () => {
    const done = (await list(supervisor, CommunityTicketFilter.Done).expect(200)).body
      .items as TicketSummaryDto[];
    expect(done.map((x) => [x.id, x.status])).toEqual([[closed, TicketStatus.Cancelled]]);
    const all = (await list(supervisor, CommunityTicketFilter.All).expect(200)).body
      .items as TicketSummaryDto[];
    expect(all.map((x) => x.id)).toEqual([closed, leak, bulb]);
  });

  it('refuses an unknown filter with a Chinese message naming the field', async () => {
    const res = await list(supervisor, 'late').expect(400);
    expect(res.body.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(res.body.fields).toEqual([
      { field: 'filter', message: '筛选条件只能是 open、at_risk、done 或 all' },
    ]);
  });

  it('is for supervisors and admins only', async () => {
    await list(resident).expect(403);
    await list(assistant).expect(403);
    await t.http().get(ApiRoutes.communityTickets).expect(401);
  });

  it("never shows another community's tickets", async () => {
    const home = await t.dataSource.getRepository(Community).findOneByOrFail({ name: '阳光花园' });
    const other = await t.dataSource.getRepository(Community).save({
      id: randomUUID(),
      companyId: home.companyId,
      name: '翠湖苑',
      createdAt: t.clock.now(),
    });
    const stranger = await t.dataSource.getRepository(User).save({
      id: randomUUID(),
      openid: `test-${randomUUID()}`,
      name: '周主任',
      phone: null,
      role: Role.Supervisor,
      householdId: null,
      communityId: other.id,
      createdAt: t.clock.now(),
    });
    const token = (await loginOpenid(t, stranger.openid!)).token;
    for (const filter of Object.values(CommunityTicketFilter)) {
      expect((await list(token, filter).expect(200)).body).toEqual(nothing(filter));
    }
  });

  it("shows the company admin every community's tickets their company runs, and no other company's", async () => {
    // The demo admin has no community of their own: the platform's admin, who oversees every community.
    const admin = (await loginPersona(t, DemoPersona.Admin)).token;
    expect(
      ((await list(admin).expect(200)).body.items as TicketSummaryDto[]).map((x) => x.id),
    ).toEqual([leak, bulb]);

    // Another company's admin (bound to that company's community) sees none of 阳光花园's tickets.
    const company = await t.dataSource
      .getRepository(Company)
      .save({ id: randomUUID(), name: '明月物业', createdAt: t.clock.now() });
    const theirs = await t.dataSource.getRepository(Community).save({
      id: randomUUID(),
      companyId: company.id,
      name: '明月小区',
      createdAt: t.clock.now(),
    });
    const foreignAdmin = await t.dataSource.getRepository(User).save({
      id: randomUUID(),
      openid: `test-${randomUUID()}`,
      name: '明月管理员',
      phone: null,
      role: Role.Admin,
      householdId: null,
      communityId: theirs.id,
      createdAt: t.clock.now(),
    });
    const token = (await loginOpenid(t, foreignAdmin.openid!)).token;
    for (const filter of Object.values(CommunityTicketFilter)) {
      expect((await list(token, filter).expect(200)).body).toEqual(nothing(filter));
    }
  });
});
