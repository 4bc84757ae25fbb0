import { randomUUID } from 'node:crypto';
import {
  ApiRoutes,
  CallTaskDto,
  Channel,
  CreateTicketOnBehalfRequest,
  DemoPersona,
  ErrorCode,
  MyHouseholdDto,
  NotificationPageDto,
  Role,
  TicketAction,
  TicketDetailDto,
  TicketStatus,
  TicketSummaryDto,
} from '@linli/contracts';
import { addAssistant, addResident, addUser } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;
let home: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true });
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  home = (
    (await t.http().get(ApiRoutes.myHousehold).set(bearer(resident)).expect(200))
      .body as MyHouseholdDto
  ).id;
});
afterAll(() => t?.close());

const request = (
  overrides: Partial<CreateTicketOnBehalfRequest> = {},
): CreateTicketOnBehalfRequest => ({
  householdId: home,
  channel: Channel.Hotline,
  categoryCode: 'bulb',
  description: '住户来电：楼道灯不亮',
  contactName: '王先生',
  contactPhone: '13900000002',
  photoIds: [],
  idempotencyKey: `key-${randomUUID()}`,
  ...overrides,
});
const file = (token: string, body: unknown) =>
  t
    .http()
    .post(ApiRoutes.ticketsOnBehalf)
    .set(bearer(token))
    .send(body as object);

describe('staff register a request for a resident (hotline, desk, patrol, WeChat chat)', () => {
  it('the assistant who took the call owns the ticket; the event reads back the channel and the contact', async () => {
    const res = await file(assistant, request()).expect(201);
    const ticket = res.body as TicketDetailDto;
    expect(ticket).toMatchObject({
      status: TicketStatus.Assigned,
      assigneeName: '李管家',
      channel: Channel.Hotline,
      roomLabel: '1栋1单元101室',
    });
    expect(ticket.intake).toEqual({
      receivedByName: '李管家',
      contactName: '王先生',
      contactPhone: '13900000002',
    });
    // The caller has no account: nobody to message, so no resident on file for WeChat.
    expect(ticket.reporter).toBeNull();
    expect(ticket.events[0]).toMatchObject({
      action: TicketAction.Submit,
      actorName: '李管家',
      note: '24 小时热线受理，联系人 王先生（13900000002）',
    });
    expect(ticket.events[1]).toMatchObject({ action: TicketAction.Assign, actorName: '李管家' });
    // The household sees it among its tickets, without the staff-only intake details.
    const mine = (await t.http().get(ApiRoutes.myTickets).set(bearer(resident)).expect(200)).body
      .items as TicketSummaryDto[];
    expect(mine.map((x) => x.id)).toContain(ticket.id);
    const seen = (await t.http().get(ApiRoutes.ticket(ticket.id)).set(bearer(resident)).expect(200))
      .body as TicketDetailDto;
    expect(seen.intake).toBeNull();
    expect(seen.channel).toBe(Channel.Hotline);
  });

  it('a caller who uses the mini-program becomes the reporter and follows the ticket there', async () => {
    const res = await file(
      supervisor,
      request({
        channel: Channel.WalkIn,
        contactName: '王女士',
        contactPhone: '13800000001',
        description: '来访：门禁卡失效',
      }),
    ).expect(201);
    const ticket = res.body as TicketDetailDto;
    // A supervisor does not own a building's work: the building's assistant gets it by the usual dispatch.
    expect(ticket).toMatchObject({ channel: Channel.WalkIn, assigneeName: '李管家' });
    expect(ticket.reporter).toMatchObject({ name: '王女士', phone: '13800000001' });
    expect(ticket.intake?.receivedByName).toBe('张主任');
    const accepted = (
      await t.http().get(ApiRoutes.ticket(ticket.id)).set(bearer(assistant)).expect(200)
    ).body as TicketDetailDto;
    await t
      .http()
      .post(ApiRoutes.ticketActions(ticket.id))
      .set(bearer(assistant))
      .send({ action: TicketAction.Accept, version: accepted.version })
      .expect(200);
    const inbox = (await t.http().get(ApiRoutes.notifications).set(bearer(resident)).expect(200))
      .body as NotificationPageDto;
    expect(
      inbox.items.some((n) => n.ticketId === ticket.id && n.title === '管家已受理您的报事'),
    ).toBe(true);
  });

  it('is idempotent: the same key returns the first ticket', async () => {
    const body = request({ description: '热线：电梯异响' });
    const first = (await file(assistant, body).expect(201)).body as TicketDetailDto;
    const again = (await file(assistant, body).expect(200)).body as TicketDetailDto;
    expect(again.id).toBe(first.id);
  });

  it('an emergency from a caller with no account leaves the assistant a call back to the contact', async () => {
    const leak = (
      await file(
        assistant,
        request({
          categoryCode: 'water_leak',
          description: '热线：楼上漏水',
          contactName: '王先生',
          contactPhone: '13900000002',
        }),
      ).expect(201)
    ).body as TicketDetailDto;
    expect(leak.emergency).toBe(true);
    await t
      .http()
      .post(ApiRoutes.ticketActions(leak.id))
      .set(bearer(assistant))
      .send({ action: TicketAction.Accept, version: leak.version })
      .expect(200);
    const calls = (await t.http().get(ApiRoutes.callTasks).set(bearer(assistant)).expect(200)).body
      .items as CallTaskDto[];
    expect(calls).toEqual([
      expect.objectContaining({
        ticketId: leak.id,
        calleeName: '王先生',
        calleePhone: '13900000002',
        callerName: '李管家',
      }),
    ]);
  });

  it('refuses bad input with the field and a Chinese message, and creates nothing', async () => {
    const before = (
      (await t.http().get(ApiRoutes.myTickets).set(bearer(resident)).expect(200)).body
        .items as TicketSummaryDto[]
    ).length;
    const cases: [
      Partial<CreateTicketOnBehalfRequest> & Record<string, unknown>,
      string,
      string,
    ][] = [
      [{ channel: Channel.MiniProgram }, 'channel', '请选择受理渠道（热线、来访、巡查或微信客服）'],
      [{ contactPhone: '12345' }, 'contactPhone', '联系电话格式不正确（手机号或带区号的固定电话）'],
      [{ contactName: '  ' }, 'contactName', '联系人需要 1 到 50 个字'],
      [{ householdId: 'room-101' }, 'householdId', '请选择房屋'],
    ];
    for (const [overrides, field, message] of cases) {
      const res = await file(assistant, request(overrides)).expect(400);
      expect(res.body.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(res.body.fields).toContainEqual({ field, message });
    }
    const unknownCategory = await file(assistant, request({ categoryCode: 'nope' })).expect(400);
    expect(unknownCategory.body.code).toBe(ErrorCode.TICKET_CATEGORY_UNKNOWN);
    expect(
      (
        (await t.http().get(ApiRoutes.myTickets).set(bearer(resident)).expect(200)).body
          .items as TicketSummaryDto[]
      ).length,
    ).toBe(before);
  });

  it('only for households the staff member serves: residents, other buildings and other communities are refused', async () => {
    expect((await file(resident, request()).expect(403)).body.code).toBe(ErrorCode.FORBIDDEN);
    const other = await addAssistant(t, '周管家', ['2栋']);
    const otherToken = (await loginOpenid(t, other.openid!)).token;
    const refused = await file(otherToken, request()).expect(404);
    expect(refused.body).toEqual({
      code: ErrorCode.HOUSEHOLD_NOT_FOUND,
      message: '房屋档案不存在',
    });
    // Their own building works.
    const neighbour = await addResident(t, {
      building: '2栋',
      unit: '1单元',
      number: '201',
      name: '钱女士',
    });
    const theirs = (
      await file(otherToken, request({ householdId: neighbour.householdId! })).expect(201)
    ).body as TicketDetailDto;
    expect(theirs.assigneeName).toBe('周管家');
    // A supervisor without this community (communityId of another) is refused the same way.
    const stranger = await addUser(t, Role.Supervisor, '外区主任');
    await t.dataSource.query('UPDATE user SET communityId = NULL WHERE id = ?', [stranger.id]);
    const strangerToken = (await loginOpenid(t, stranger.openid!)).token;
    expect((await file(strangerToken, request()).expect(404)).body.code).toBe(
      ErrorCode.HOUSEHOLD_NOT_FOUND,
    );
  });
});
