/**
 * Who in a household sees which tickets (issue #9, item 1; docs/access.md): repairs of the home are shared
 * with the members living there from the day they joined, complaints and other personal kinds belong to
 * whoever reported them, the owner sees the household's repairs, and nobody acts on a ticket they may not
 * see — on the list, the ticket, its actions, the household export, and the timeline of the household.
 */
import {
  ApiRoutes,
  DemoPersona,
  ErrorCode,
  HouseholdExportDto,
  MemberRole,
  MyHouseholdDto,
  Role,
  TicketAction,
  TicketDetailDto,
  TicketSummaryDto,
} from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { submitTicket } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { account } from './support/second-company';
import { createTestApp, TestApp } from './support/test-app';

const MONDAY = new Date('2026-11-23T02:00:00Z');
const LATER = new Date('2026-11-25T02:00:00Z');

let t: TestApp;
let owner: string;
let tenant: string;
let landlordComplaint: TicketDetailDto;
let earlierRepair: TicketDetailDto;
let laterRepair: TicketDetailDto;
let tenantComplaint: TicketDetailDto;

const mine = async (token: string) =>
  (
    (await t.http().get(ApiRoutes.myTickets).set(bearer(token)).expect(200)).body
      .items as TicketSummaryDto[]
  ).map((x) => x.id);

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: MONDAY, freeze: true });
  owner = (await loginPersona(t, DemoPersona.Resident)).token;
  // The landlord's complaint about a neighbour, and a repair of the flat, before the tenant moves in.
  landlordComplaint = await submitTicket(t, owner, {
    categoryCode: 'noise',
    description: '楼上住户深夜噪音，多次沟通无果',
  });
  earlierRepair = await submitTicket(t, owner, {
    categoryCode: 'lock',
    description: '入户门锁芯松动',
  });

  // Two days later a tenant joins with the owner's invitation.
  t.clock.set({ now: LATER, freeze: true });
  const household = (
    (await t.http().get(ApiRoutes.myHousehold).set(bearer(owner)).expect(200))
      .body as MyHouseholdDto
  ).id;
  const invite = (
    await t
      .http()
      .post(ApiRoutes.householdInvites(household))
      .set(bearer(owner))
      .send({ role: MemberRole.Tenant })
      .expect(201)
  ).body as { code: string };
  tenant = (await account(t, Role.Resident, '微信用户', null)).token;
  await t
    .http()
    .post(ApiRoutes.joinHousehold)
    .set(bearer(tenant))
    .send({ code: invite.code, name: '新租客' })
    .expect(200);

  t.clock.set({ now: new Date(LATER.getTime() + 3_600_000), freeze: true });
  laterRepair = await submitTicket(t, owner, { categoryCode: 'bulb', description: '客厅灯泡不亮' });
  tenantComplaint = await submitTicket(t, tenant, {
    categoryCode: 'staff_attitude',
    description: `保安态度差 ${randomUUID().slice(0, 4)}`,
  });
}, 60_000);
afterAll(() => t?.close());

describe('a new tenant', () => {
  it('sees the home’s repairs from the day they joined and their own reports, not the landlord’s complaint or older repairs', async () => {
    expect((await mine(tenant)).sort()).toEqual([laterRepair.id, tenantComplaint.id].sort());
  });

  it('cannot open the landlord’s complaint or the older repair (404, a bare {code, message})', async () => {
    for (const id of [landlordComplaint.id, earlierRepair.id]) {
      const res = await t.http().get(ApiRoutes.ticket(id)).set(bearer(tenant)).expect(404);
      expect(res.body).toEqual({ code: ErrorCode.TICKET_NOT_FOUND, message: expect.any(String) });
    }
  });

  it('is not offered, and may not take, 取消 on what they may not see; on a shared repair they may', async () => {
    const res = await t
      .http()
      .post(ApiRoutes.ticketActions(landlordComplaint.id))
      .set(bearer(tenant))
      .send({ action: TicketAction.Cancel, version: landlordComplaint.version })
      .expect(404);
    expect(res.body.code).toBe(ErrorCode.TICKET_NOT_FOUND);
    const shared = (
      await t.http().get(ApiRoutes.ticket(laterRepair.id)).set(bearer(tenant)).expect(200)
    ).body as TicketDetailDto;
    expect(shared.allowedActions).toContain(TicketAction.Cancel);
  });

  it('exports only what they may see', async () => {
    const res = await t.http().get(ApiRoutes.myHouseholdExport).set(bearer(tenant)).expect(200);
    const codes = (res.body as HouseholdExportDto).tickets.map((x) => x.code).sort();
    expect(codes).toEqual([laterRepair.code, tenantComplaint.code].sort());
    expect(res.text).not.toContain('楼上住户深夜噪音');
  });
});

describe('the owner', () => {
  it('sees every repair of the household, their own complaint, and not the tenant’s complaint', async () => {
    const ids = await mine(owner);
    expect(ids).toEqual(
      expect.arrayContaining([landlordComplaint.id, earlierRepair.id, laterRepair.id]),
    );
    expect(ids).not.toContain(tenantComplaint.id);
    await t.http().get(ApiRoutes.ticket(tenantComplaint.id)).set(bearer(owner)).expect(404);
  });

  it('the staff of the building still see all of them', async () => {
    const assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
    for (const x of [landlordComplaint, earlierRepair, laterRepair, tenantComplaint])
      await t.http().get(ApiRoutes.ticket(x.id)).set(bearer(assistant)).expect(200);
  });
});
