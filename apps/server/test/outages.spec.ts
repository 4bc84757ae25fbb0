import {
  ApiRoutes,
  BuildingDto,
  DemoPersona,
  ErrorCode,
  NotificationPageDto,
  OutageNoticeDto,
  TicketAction,
  TicketDetailDto,
  TicketStatus,
} from '@linli/contracts';
import { submitTicket } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;
let building1: string;
let building2: string;

// Monday 2026-11-23, 10:00 China time; the tank cleaning is on Tuesday 09:00–18:00.
const MONDAY_10AM = new Date('2026-11-23T02:00:00Z');
const CLEANING = {
  kind: 'water',
  title: '二次供水水箱清洗',
  body: '请提前储水，恢复供水初期水质可能浑浊，放水片刻即可。',
  startsAt: '2026-11-24T01:00:00.000Z',
  endsAt: '2026-11-24T10:00:00.000Z',
};

/** Each test starts from its own app (issue #17), on Monday at 10:00. */
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: MONDAY_10AM, freeze: true });
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  const buildings = (await t.http().get(ApiRoutes.buildings).set(bearer(supervisor)).expect(200))
    .body as BuildingDto[];
  building1 = buildings.find((b) => b.name === '1栋')!.id;
  building2 = buildings.find((b) => b.name === '2栋')!.id;
});
afterEach(() => t?.close());

const inbox = async (token: string) =>
  (
    (await t.http().get(ApiRoutes.notifications).set(bearer(token)).expect(200))
      .body as NotificationPageDto
  ).items;
const relogin = async () => {
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
};

/** The supervisor announces the tank cleaning for 1栋 (the cut is tomorrow, 09:00–18:00). */
const announce = async () =>
  (
    await t
      .http()
      .post(ApiRoutes.outages)
      .set(bearer(supervisor))
      .send({ ...CLEANING, buildingIds: [building1] })
      .expect(201)
  ).body as OutageNoticeDto;

/** During the cut (11:00 tomorrow) 王女士 reports that she has no water. */
async function reportDuringCut() {
  t.clock.set({ now: new Date('2026-11-24T03:00:00Z'), freeze: true });
  await relogin();
  return submitTicket(t, resident, { categoryCode: 'water_cut', description: '又没水了' });
}

describe('a planned water cut and the reports of it (outage-aware intake)', () => {
  it('is announced by the supervisor to the residents of the buildings it covers', async () => {
    const outage = await announce();
    expect(outage).toMatchObject({
      status: 'active',
      buildingNames: ['1栋'],
      linkedTickets: 0,
      createdByName: '张主任',
    });
    const news = (await inbox(resident)).find((n) => n.title === '计划停水：二次供水水箱清洗');
    expect(news?.body).toBe(
      '2026-11-24 09:00 至 2026-11-24 18:00。请提前储水，恢复供水初期水质可能浑浊，放水片刻即可。',
    );
    const current = (await t.http().get(ApiRoutes.currentOutages).set(bearer(resident)).expect(200))
      .body as OutageNoticeDto[];
    expect(current.map((o) => o.id)).toEqual([outage.id]);
  });

  it('refuses a window that cannot be, another community’s building, and anyone but the supervisor', async () => {
    const back = await t
      .http()
      .post(ApiRoutes.outages)
      .set(bearer(supervisor))
      .send({ ...CLEANING, buildingIds: [], endsAt: '2026-11-24T00:00:00.000Z' })
      .expect(400);
    expect(back.body).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      message: '结束时间必须晚于开始时间',
    });
    const foreign = await t
      .http()
      .post(ApiRoutes.outages)
      .set(bearer(supervisor))
      .send({ ...CLEANING, buildingIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    expect(foreign.body.message).toBe('请选择本小区的楼栋');
    await t
      .http()
      .post(ApiRoutes.outages)
      .set(bearer(assistant))
      .send({ ...CLEANING, buildingIds: [] })
      .expect(403);
    await t
      .http()
      .post(ApiRoutes.outages)
      .set(bearer(resident))
      .send({ ...CLEANING, buildingIds: [] })
      .expect(403);
    await t.http().get(ApiRoutes.outages).set(bearer(resident)).expect(403);
  });

  it('before the cut starts, a report of no water is an emergency like any other', async () => {
    await announce();
    const early = await submitTicket(t, resident, {
      categoryCode: 'water_cut',
      description: '家里没水了',
    });
    expect(early).toMatchObject({ emergency: true, status: TicketStatus.Assigned, outage: null });
  });

  it('during the cut, a report of it is linked to the notice: not an emergency, not dispatched, no time limits', async () => {
    const outage = await announce();
    const linked = await reportDuringCut();
    expect(linked).toMatchObject({
      emergency: false,
      status: TicketStatus.Submitted,
      assigneeName: null,
      milestones: [],
      outage: { id: outage.id, title: '二次供水水箱清洗', endsAt: CLEANING.endsAt },
    });
    expect(linked.events[0].note).toBe(
      '计划停水期间的报事，已关联通知「二次供水水箱清洗」（预计 2026-11-24 18:00 恢复），恢复后一并关闭',
    );
    // A leak during the cut is still its own emergency.
    const leak = await submitTicket(t, resident, {
      categoryCode: 'water_leak',
      description: '水管接头漏水',
    });
    expect(leak).toMatchObject({ emergency: true, status: TicketStatus.Assigned, outage: null });
    const listed = (await t.http().get(ApiRoutes.outages).set(bearer(assistant)).expect(200)).body
      .items as OutageNoticeDto[];
    expect(listed.find((o) => o.id === outage.id)?.linkedTickets).toBe(1);
  });

  it('when supply is back, closing the notice closes the linked reports and tells everyone', async () => {
    const outage = await announce();
    await reportDuringCut();
    t.clock.set({ now: new Date('2026-11-24T09:30:00Z'), freeze: true });
    await relogin();
    const mine = (await t.http().get(ApiRoutes.myTickets).set(bearer(resident)).expect(200)).body
      .items as { id: string; status: TicketStatus; description: string }[];
    const linkedId = mine.find((x) => x.description === '又没水了')!.id;
    await t
      .http()
      .post(ApiRoutes.outageClose(outage.id))
      .set(bearer(assistant))
      .send({})
      .expect(403);
    const closed = (
      await t
        .http()
        .post(ApiRoutes.outageClose(outage.id))
        .set(bearer(supervisor))
        .send({ note: '水箱清洗完毕，已恢复供水' })
        .expect(200)
    ).body as OutageNoticeDto;
    expect(closed).toMatchObject({ status: 'closed', closeNote: '水箱清洗完毕，已恢复供水' });
    const ticket = (
      await t.http().get(ApiRoutes.ticket(linkedId)).set(bearer(resident)).expect(200)
    ).body as TicketDetailDto;
    expect(ticket.status).toBe(TicketStatus.Closed);
    expect(ticket.events.at(-1)).toMatchObject({
      action: TicketAction.OutageClose,
      actorName: '系统',
      note: '供水已恢复，随通知「二次供水水箱清洗」一并关闭：水箱清洗完毕，已恢复供水',
    });
    const titles = (await inbox(resident)).map((n) => n.title);
    expect(titles).toEqual(
      expect.arrayContaining(['供水已恢复，您的报事已关闭', '供水已恢复：二次供水水箱清洗']),
    );
    expect(
      (
        await t
          .http()
          .post(ApiRoutes.outageClose(outage.id))
          .set(bearer(supervisor))
          .send({})
          .expect(409)
      ).body.code,
    ).toBe(ErrorCode.CONFLICT);
    // After the notice is closed, no water is a fault again.
    const again = await submitTicket(t, resident, {
      categoryCode: 'water_cut',
      description: '还是没水',
    });
    expect(again).toMatchObject({ emergency: true, outage: null });
  });

  it('a cut of another building does not touch this one', async () => {
    t.clock.set({ now: MONDAY_10AM, freeze: true });
    await relogin();
    await t
      .http()
      .post(ApiRoutes.outages)
      .set(bearer(supervisor))
      .send({ ...CLEANING, title: '2栋停电检修', kind: 'power', buildingIds: [building2] })
      .expect(201);
    t.clock.set({ now: new Date('2026-11-24T03:00:00Z'), freeze: true });
    await relogin();
    const mine = await submitTicket(t, resident, {
      categoryCode: 'power_cut',
      description: '家里停电了',
    });
    expect(mine).toMatchObject({ emergency: true, outage: null });
    expect(
      (await t.http().get(ApiRoutes.currentOutages).set(bearer(resident)).expect(200)).body.map(
        (o: OutageNoticeDto) => o.title,
      ),
    ).not.toContain('2栋停电检修');
  });
});
