import {
  ApiRoutes,
  CallTaskDto,
  CallTaskStatus,
  DemoPersona,
  ErrorCode,
  HouseholdFileDto,
  MyHouseholdDto,
  OutboxPageDto,
  TicketAction,
  TicketDetailDto,
  WechatReach,
} from '@linli/contracts';
import { LocalWechatServer } from '@linli/wechat-local';
import { OutboxWorker } from '../src/modules/outbox/outbox-worker.service';
import { addAssistant, submitTicket } from './support/builders';
import { bearer, loginOpenid, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';

let t: TestApp;
let wechat: LocalWechatServer;
let resident: string;
let assistant: string;
let supervisor: string;
let admin: string;
const UPDATED = 'demo-tpl-ticket_updated';
const ASSIGNED = 'demo-tpl-ticket_assigned';
const SEND = '/cgi-bin/message/subscribe/send';

/** Each test starts from its own app (issue #17): nothing one test does is seen by another. */
beforeEach(async () => {
  t = await createTestApp();
  wechat = t.wechat.local!;
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true }); // 10:00 China time
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
  supervisor = (await loginPersona(t, DemoPersona.Supervisor)).token;
  admin = (await loginOpenid(t, 'demo-admin')).token;
});
afterEach(() => t?.close());

const grant = (token: string, templateId: string) =>
  t
    .http()
    .post(ApiRoutes.subscriptions)
    .set(bearer(token))
    .send({ results: { [templateId]: 'accept' } })
    .expect(200);
const act = (token: string, ticket: TicketDetailDto, action: TicketAction) =>
  t
    .http()
    .post(ApiRoutes.ticketActions(ticket.id))
    .set(bearer(token))
    .send({ action, version: ticket.version })
    .expect(200);
const calls = async (token: string, status?: CallTaskStatus) =>
  (
    await t
      .http()
      .get(ApiRoutes.callTasks)
      .query(status ? { status } : {})
      .set(bearer(token))
      .expect(200)
  ).body.items as CallTaskDto[];

describe('staff see whether WeChat reaches a resident', () => {
  it('on the household file: unbound, inbox only, or WeChat; residents are not shown it', async () => {
    const mine = (await t.http().get(ApiRoutes.myHousehold).set(bearer(resident)).expect(200))
      .body as MyHouseholdDto;
    expect(mine.members.every((m) => m.wechatReach === null)).toBe(true);
    const file = async () =>
      (
        (await t.http().get(ApiRoutes.household(mine.id)).set(bearer(assistant)).expect(200))
          .body as HouseholdFileDto
      ).members;
    const before = await file();
    expect(before.find((m) => m.name === '王女士')?.wechatReach).toBe(WechatReach.InboxOnly);
    expect(before.find((m) => m.name === '王先生')?.wechatReach).toBe(WechatReach.Unbound);
    await grant(resident, UPDATED);
    expect((await file()).find((m) => m.name === '王女士')?.wechatReach).toBe(WechatReach.Wechat);
  });

  it("on a ticket: the reporter's phone and reach for staff, nothing of it for the resident", async () => {
    await grant(resident, UPDATED); // 王女士 accepted WeChat's updates once
    const ticket = await submitTicket(t, resident, { categoryCode: 'bulb' });
    expect(ticket.reporter).toBeNull();
    const seen = (
      await t.http().get(ApiRoutes.ticket(ticket.id)).set(bearer(assistant)).expect(200)
    ).body as TicketDetailDto;
    expect(seen.reporter).toEqual({
      name: '王女士',
      phone: '13800000001',
      wechatReach: WechatReach.Wechat,
    });
    // Accepting spends the resident's one credit: from now on only the inbox reaches them.
    await act(assistant, seen, TicketAction.Accept);
    const after = (
      await t.http().get(ApiRoutes.ticket(ticket.id)).set(bearer(supervisor)).expect(200)
    ).body as TicketDetailDto;
    expect(after.reporter?.wechatReach).toBe(WechatReach.InboxOnly);
    expect(
      (
        (await t.http().get(ApiRoutes.ticket(ticket.id)).set(bearer(resident)).expect(200))
          .body as TicketDetailDto
      ).reporter,
    ).toBeNull();
  });
});

describe('phone tasks when WeChat cannot carry an emergency', () => {
  it('an ordinary ticket makes no phone task, even when nobody is subscribed', async () => {
    const ticket = await submitTicket(t, resident, { categoryCode: 'bulb' });
    await act(assistant, ticket, TicketAction.Accept);
    expect(await calls(supervisor)).toEqual([]);
    expect(await calls(assistant)).toEqual([]);
  });

  it('the duty desk calls an unsubscribed assistant about a new emergency; the assistant calls the resident back', async () => {
    const leak = await submitTicket(t, resident, {
      categoryCode: 'water_leak',
      description: '楼上漏水，天花板在滴水',
    });
    expect(leak.emergency).toBe(true);
    // The assistant has no WeChat credit: the supervisors (duty desk) get the call to make.
    const desk = await calls(supervisor, CallTaskStatus.Open);
    expect(desk).toEqual([
      expect.objectContaining({
        ticketId: leak.id,
        ticketCode: leak.code,
        calleeName: '李管家',
        calleePhone: '13800000002',
        callerName: null,
        status: CallTaskStatus.Open,
      }),
    ]);
    expect(desk[0].reason).toContain('紧急工单已派给您');
    expect(await calls(assistant)).toEqual([]);
    // Another building's assistant sees none of it, and cannot close it.
    const other = await addAssistant(t, '周管家', ['3栋']);
    const otherToken = (await loginOpenid(t, other.openid!)).token;
    expect(await calls(otherToken)).toEqual([]);
    const refused = await t
      .http()
      .post(ApiRoutes.callTaskDone(desk[0].id))
      .set(bearer(otherToken))
      .send({ outcome: '已通知' })
      .expect(404);
    expect(refused.body).toEqual({
      code: ErrorCode.CALL_TASK_NOT_FOUND,
      message: '电话任务不存在',
    });

    // The resident spent their credit above: accepting the emergency leaves the assistant a call to make.
    await act(assistant, leak, TicketAction.Accept);
    const mine = await calls(assistant, CallTaskStatus.Open);
    expect(mine).toEqual([
      expect.objectContaining({
        ticketId: leak.id,
        calleeName: '王女士',
        calleePhone: '13800000001',
        callerName: '李管家',
      }),
    ]);
    expect(mine[0].reason).toContain('管家已受理您的报事');
    // Residents have no phone tasks at all.
    const forbidden = await t.http().get(ApiRoutes.callTasks).set(bearer(resident)).expect(403);
    expect(forbidden.body.code).toBe(ErrorCode.FORBIDDEN);

    // Recording the call: an outcome is required, and a task is done once.
    const empty = await t
      .http()
      .post(ApiRoutes.callTaskDone(mine[0].id))
      .set(bearer(assistant))
      .send({ outcome: '  ' })
      .expect(400);
    expect(empty.body.fields).toEqual([{ field: 'outcome', message: '请填写通话结果' }]);
    const done = (
      await t
        .http()
        .post(ApiRoutes.callTaskDone(mine[0].id))
        .set(bearer(assistant))
        .send({ outcome: '已告知住户师傅十分钟到' })
        .expect(200)
    ).body as CallTaskDto;
    expect(done).toMatchObject({
      status: CallTaskStatus.Done,
      outcome: '已告知住户师傅十分钟到',
      doneAt: '2026-11-23T02:00:00.000Z',
    });
    const again = await t
      .http()
      .post(ApiRoutes.callTaskDone(mine[0].id))
      .set(bearer(assistant))
      .send({ outcome: '再次' })
      .expect(409);
    expect(again.body.code).toBe(ErrorCode.CALL_TASK_DONE);
    expect(await calls(assistant, CallTaskStatus.Open)).toEqual([]);
    expect((await calls(assistant, CallTaskStatus.Done)).map((c) => c.id)).toEqual([mine[0].id]);
    // The desk's call to the assistant ended by itself when they accepted (call-task-ending.spec.ts).
    expect(await calls(supervisor, CallTaskStatus.Open)).toEqual([]);
    expect((await calls(supervisor, CallTaskStatus.Ended)).map((c) => c.id)).toEqual([desk[0].id]);
  });

  it('no phone task when WeChat can carry the news', async () => {
    await grant(assistant, ASSIGNED);
    await grant(resident, UPDATED);
    const leak = await submitTicket(t, resident, {
      categoryCode: 'water_leak',
      description: '水管爆了，跑水',
    });
    await act(assistant, leak, TicketAction.Accept);
    expect(await calls(supervisor, CallTaskStatus.Open)).toEqual([]);
    expect(await calls(assistant, CallTaskStatus.Open)).toEqual([]);
  });
});

describe("admins' view of WeChat messages that failed", () => {
  it('lists dead letters with the reason, sends one again, and refuses what cannot be resent', async () => {
    // One update already reached 王女士 on WeChat: the view counts what was sent, not only what failed.
    await grant(resident, UPDATED);
    await act(
      assistant,
      await submitTicket(t, resident, { categoryCode: 'bulb' }),
      TicketAction.Accept,
    );
    expect(await t.app.get(OutboxWorker).drain()).toMatchObject({ sent: 1 });
    await grant(resident, UPDATED);
    const ticket = await submitTicket(t, resident, { categoryCode: 'bulb' });
    wechat.failNext(40037, 1, SEND); // e.g. a template id mistyped in the configuration
    await act(assistant, ticket, TicketAction.Accept);
    expect(await t.app.get(OutboxWorker).drain()).toMatchObject({ dead: 1 });

    const page = (await t.http().get(ApiRoutes.adminOutbox).set(bearer(admin)).expect(200))
      .body as OutboxPageDto;
    expect(page.counts.dead).toBe(1);
    expect(page.counts.sent).toBeGreaterThan(0);
    expect(page.items).toEqual([
      expect.objectContaining({
        recipientName: '王女士',
        status: 'dead',
        ticketCode: ticket.code,
        attempts: 1,
        lastError: expect.stringContaining('40037'),
      }),
    ]);

    for (const token of [supervisor, assistant, resident]) {
      expect(
        (await t.http().get(ApiRoutes.adminOutbox).set(bearer(token)).expect(403)).body.code,
      ).toBe(ErrorCode.FORBIDDEN);
    }
    const bad = await t
      .http()
      .get(ApiRoutes.adminOutbox)
      .query({ status: 'lost' })
      .set(bearer(admin))
      .expect(400);
    expect(bad.body.fields).toEqual([
      { field: 'status', message: '状态只能是 pending、sending、sent、revoked 或 dead' },
    ]);

    const retried = await t
      .http()
      .post(ApiRoutes.adminOutboxRetry(page.items[0].id))
      .set(bearer(admin))
      .expect(200);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    expect(await t.app.get(OutboxWorker).drain()).toMatchObject({ sent: 1 });
    expect(wechat.delivered.at(-1)?.data.character_string2.value).toBe(ticket.code);

    const again = await t
      .http()
      .post(ApiRoutes.adminOutboxRetry(page.items[0].id))
      .set(bearer(admin))
      .expect(409);
    expect(again.body).toEqual({
      code: ErrorCode.OUTBOX_NOT_RETRYABLE,
      message: '只有发送失败的消息可以重发',
    });
    const missing = await t
      .http()
      .post(ApiRoutes.adminOutboxRetry('00000000-0000-4000-8000-000000000000'))
      .set(bearer(admin))
      .expect(404);
    expect(missing.body.code).toBe(ErrorCode.OUTBOX_MESSAGE_NOT_FOUND);
  });
});
