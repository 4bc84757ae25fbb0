import {
  ApiRoutes,
  DemoPersona,
  ErrorCode,
  NotificationKind,
  NotificationPageDto,
  TicketAction,
  TicketDetailDto,
} from '@linli/contracts';
import { SlaSweeper } from '../src/modules/tickets/sla-sweeper.service';
import { submitTicket } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let resident: string;
let assistant: string;
let supervisor: string;

/** Each test starts from its own app (issue #17), on Monday at 09:00. */
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set({ now: new Date('2026-11-23T01:00:00Z'), freeze: true });
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
});
afterEach(() => t?.close());

const inbox = async (token: string) =>
  (await t.http().get(ApiRoutes.notifications).set(bearer(token)).expect(200))
    .body as NotificationPageDto;
const act = (id: string, token: string, body: Record<string, unknown>) =>
  t.http().post(ApiRoutes.ticketActions(id)).set(bearer(token)).send(body).expect(200);

/** 王女士 reports a kitchen leak (an emergency, dispatched to 李管家). */
const reportLeak = () =>
  submitTicket(t, resident, { categoryCode: 'water_leak', description: '厨房漏水了' });
/** 李管家 accepts it. */
const accept = async (ticket: TicketDetailDto) =>
  (await act(ticket.id, assistant, { action: TicketAction.Accept, version: ticket.version }))
    .body as TicketDetailDto;
/** The leak reported and accepted, then its 10-minute limit warned about and run out: every inbox has mail. */
async function leakRunOutOfTime() {
  await accept(await reportLeak());
  t.clock.set({ advanceMinutes: 8 });
  await t.app.get(SlaSweeper).sweep();
  t.clock.set({ advanceMinutes: 3 });
  await t.app.get(SlaSweeper).sweep();
}

describe('the in-app inbox (消息中心)', () => {
  it('tells the assistant of a new ticket dispatched to them', async () => {
    const ticket = await reportLeak();
    const page = await inbox(assistant);
    expect(page.unread).toBe(1);
    expect(page.items[0]).toMatchObject({
      kind: NotificationKind.TicketAssigned,
      title: '新的紧急工单',
      ticketId: ticket.id,
      read: false,
    });
    // What it is about in one line: category, room, description (issue 9 item 12); the code is the WeChat field.
    expect(page.items[0].body).toBe('漏水/跑水 · 1栋1单元101室｜厨房漏水了');
    expect((await inbox(resident)).items).toEqual([]);
  });

  it('tells the resident when the assistant accepts, never the actor themself', async () => {
    await accept(await reportLeak());
    const page = await inbox(resident);
    expect(page.items.map((n) => [n.kind, n.title])).toEqual([
      [NotificationKind.TicketUpdated, '管家已受理您的报事'],
    ]);
    expect((await inbox(assistant)).unread).toBe(1);
  });

  it('warns the handler and escalates to the supervisor when the limit runs out', async () => {
    const ticket = await accept(await reportLeak());
    t.clock.set({ advanceMinutes: 8 });
    await t.app.get(SlaSweeper).sweep();
    expect((await inbox(assistant)).items[0]).toMatchObject({
      kind: NotificationKind.SlaWarning,
      title: '工单时限即将到期',
    });
    t.clock.set({ advanceMinutes: 3 });
    await t.app.get(SlaSweeper).sweep();
    const sup = await inbox(supervisor);
    expect(sup.items[0]).toMatchObject({
      kind: NotificationKind.SlaEscalated,
      title: '工单超时升级',
      ticketId: ticket.id,
    });
    expect(sup.items[0].body).toContain('已升级至管理处主任');
    expect(sup.items[0].body).toContain('漏水/跑水 · 1栋1单元101室｜厨房漏水了');
  });

  it("marks read only the caller's own messages", async () => {
    await leakRunOutOfTime();
    const mine = await inbox(assistant);
    const theirs = await inbox(resident);
    const res = await t
      .http()
      .post(ApiRoutes.notificationsRead)
      .set(bearer(assistant))
      .send({ ids: [mine.items[0].id, theirs.items[0].id] })
      .expect(200);
    expect(res.body).toEqual({ unread: mine.unread - 1 });
    expect((await inbox(resident)).unread).toBe(theirs.unread);
    await t
      .http()
      .post(ApiRoutes.notificationsRead)
      .set(bearer(assistant))
      .send({ all: true })
      .expect(200, { unread: 0 });
    await t
      .http()
      .get(ApiRoutes.notificationsUnread)
      .set(bearer(assistant))
      .expect(200, { unread: 0 });
  });

  it('refuses bad input with a Chinese message naming the field, and strangers', async () => {
    const bad = await t
      .http()
      .post(ApiRoutes.notificationsRead)
      .set(bearer(assistant))
      .send({ ids: ['not-a-uuid'] })
      .expect(400);
    expect(bad.body).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      fields: [{ field: 'ids', message: '消息 id 格式不正确' }],
    });
    await t
      .http()
      .get(ApiRoutes.notifications)
      .query({ limit: 0 })
      .set(bearer(assistant))
      .expect(400);
    await t.http().get(ApiRoutes.notifications).expect(401);
  });

  it('pages by time, newest first', async () => {
    await leakRunOutOfTime();
    const all = await inbox(assistant);
    const first = (
      await t
        .http()
        .get(ApiRoutes.notifications)
        .query({ limit: 1 })
        .set(bearer(assistant))
        .expect(200)
    ).body as NotificationPageDto;
    expect(first.items.map((n) => n.id)).toEqual([all.items[0].id]);
    const older = (
      await t
        .http()
        .get(ApiRoutes.notifications)
        .query({ before: first.items[0].createdAt })
        .set(bearer(assistant))
        .expect(200)
    ).body as NotificationPageDto;
    expect(older.items.every((n) => n.createdAt < first.items[0].createdAt)).toBe(true);
  });
});
