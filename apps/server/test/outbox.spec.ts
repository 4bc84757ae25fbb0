import {
  ApiRoutes,
  DemoPersona,
  NotificationKind,
  SubscribeTemplatesDto,
  TicketAction,
  TicketDetailDto,
} from '@linli/contracts';
import { LocalWechatServer, startLocalWechatServer } from '@linli/wechat-local';
import { OutboxMessage, OutboxStatus } from '../src/modules/outbox/entities/outbox-message.entity';
import { SubscriptionCredit } from '../src/modules/outbox/entities/subscription-credit.entity';
import { WechatToken } from '../src/modules/outbox/entities/wechat-token.entity';
import { OutboxWorker } from '../src/modules/outbox/outbox-worker.service';
import { Outbox } from '../src/modules/outbox/outbox.service';
import { AccessTokens } from '../src/modules/outbox/access-tokens.service';
import { User } from '../src/modules/org/entities/user.entity';
import { submitTicket } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';
import { createTestDatabase, useMysql } from './support/test-database';

let t: TestApp;
let wechat: LocalWechatServer;
let resident: string;
let assistant: string;
const UPDATED = 'demo-tpl-ticket_updated';
const ASSIGNED = 'demo-tpl-ticket_assigned';

/** Each test starts from its own app (issue #17): nothing one test does is seen by another. */
beforeEach(async () => {
  t = await createTestApp({ env: { WECHAT_TIMEOUT_MS: '300' } }); // a swallowed request fails fast
  wechat = t.wechat.local!;
  t.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true }); // 10:00 China time
  resident = (await loginPersona(t, DemoPersona.Resident)).token;
  assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
});
afterEach(() => t?.close());

const grant = (token: string, results: Record<string, string>) =>
  t.http().post(ApiRoutes.subscriptions).set(bearer(token)).send({ results }).expect(200);
const drain = () => t.app.get(OutboxWorker).drain();
const outbox = () =>
  t.dataSource.getRepository(OutboxMessage).find({ order: { createdAt: 'ASC' } });
/** The message about one ticket (rows made at one frozen instant have no order of their own). */
const rowFor = async (ticketId: string) =>
  (await outbox()).find((m) => m.page?.endsWith(`id=${ticketId}`))!;
const accept = async (ticket: TicketDetailDto) =>
  t
    .http()
    .post(ApiRoutes.ticketActions(ticket.id))
    .set(bearer(assistant))
    .send({ action: TicketAction.Accept, version: ticket.version })
    .expect(200);
const SEND = '/cgi-bin/message/subscribe/send';

describe('WeChat subscribe messages through the outbox', () => {
  it('offers the templates to ask for, and refuses malformed answers', async () => {
    const res = (await t.http().get(ApiRoutes.subscribeTemplates).set(bearer(resident)).expect(200))
      .body as SubscribeTemplatesDto;
    expect(res.templates.map((x) => x.templateId)).toEqual([
      'demo-tpl-ticket_assigned',
      'demo-tpl-ticket_updated',
      'demo-tpl-sla_warning',
      'demo-tpl-sla_escalated',
      'demo-tpl-notice',
      'demo-tpl-rate_request',
      'demo-tpl-survey_invite',
      'demo-tpl-care_greeting',
    ]);
    const bad = await t
      .http()
      .post(ApiRoutes.subscriptions)
      .set(bearer(resident))
      .send({ results: { [UPDATED]: 'yes' } })
      .expect(400);
    expect(bad.body.fields).toEqual([
      { field: 'results', message: '订阅结果只能是 accept、reject、ban 或 filter' },
    ]);
  });

  it('without a subscription credit nothing goes to WeChat; the inbox still has the message', async () => {
    const ticket = await submitTicket(t, resident, { categoryCode: 'bulb' });
    await accept(ticket);
    expect(await outbox()).toEqual([]);
    const inbox = (await t.http().get(ApiRoutes.notifications).set(bearer(resident)).expect(200))
      .body;
    expect(inbox.items[0].title).toBe('管家已受理您的报事');
  });

  it('one accepted subscription lets one message through, shaped to the template rules', async () => {
    expect(
      (await grant(resident, { [UPDATED]: 'accept', 'unknown-template': 'accept' })).body,
    ).toEqual({ credits: { [UPDATED]: 1 } });
    const ticket = await submitTicket(t, resident, {
      categoryCode: 'lock',
      description: '入户门的锁芯坏了，钥匙插不进去，家里老人进不了门',
    });
    await accept(ticket);
    expect(await drain()).toMatchObject({ sent: 1 });
    const sent = wechat.delivered.at(-1)!;
    expect(sent).toMatchObject({
      touser: 'demo-resident',
      templateId: UPDATED,
      page: `subpackages/ticket/detail/index?id=${ticket.id}`,
    });
    expect(sent.data.thing1.value).toBe('管家已受理您的报事');
    expect(sent.data.character_string2.value).toBe(ticket.code);
    expect(Array.from(sent.data.thing3.value).length).toBeLessThanOrEqual(20);
    expect(sent.data.time4.value).toBe('2026年11月23日 10:00');
    expect((await grant(resident, {})).body).toEqual({ credits: { [UPDATED]: 0 } });
    // The credit is spent: the next change reaches the inbox only.
    const before = (await outbox()).length;
    const t2 = await submitTicket(t, resident, { categoryCode: 'bulb' });
    await accept(t2);
    expect((await outbox()).length).toBe(before);
  });

  it('retries a transient failure with backoff, and refreshes an expired token once', async () => {
    await grant(resident, { [UPDATED]: 'accept' });
    await grant(resident, { [UPDATED]: 'accept' });
    const ticket = await submitTicket(t, resident, { categoryCode: 'bulb' });
    await accept(ticket);
    wechat.failNext(-1, 1, SEND);
    expect(await drain()).toMatchObject({ sent: 0, retried: 1 });
    const row = await rowFor(ticket.id);
    expect(row).toMatchObject({
      status: OutboxStatus.Pending,
      attempts: 1,
      lastError: expect.stringContaining('-1'),
    });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(t.clock.now().getTime());
    t.clock.set({ advanceMinutes: 1 });
    expect(await drain()).toMatchObject({ sent: 1 });

    const tokenBefore = (
      await t.dataSource.getRepository(WechatToken).findOneByOrFail({ id: 'access' })
    ).token;
    wechat.expireTokens();
    const again = await submitTicket(t, resident, { categoryCode: 'bulb' });
    await accept(again);
    expect(await drain()).toMatchObject({ sent: 1, retried: 0 });
    expect(
      (await t.dataSource.getRepository(WechatToken).findOneByOrFail({ id: 'access' })).token,
    ).not.toBe(tokenBefore);
  });

  it.each<[number | 'timeout', OutboxStatus, string]>([
    [-1, OutboxStatus.Pending, 'retried later (system busy)'],
    [45009, OutboxStatus.Pending, 'retried later (rate limit)'],
    ['timeout', OutboxStatus.Pending, 'retried later (no answer)'],
    [40001, OutboxStatus.Sent, 'sent after one token refresh'],
    [42001, OutboxStatus.Sent, 'sent after one token refresh'],
    [43101, OutboxStatus.Revoked, 'never retried (user revoked)'],
    [40003, OutboxStatus.Dead, 'dead-lettered (bad openid)'],
    [47003, OutboxStatus.Dead, 'dead-lettered (bad data)'],
  ])('WeChat answering %s to subscribe/send: the message is %s, %s', async (failure, status) => {
    await grant(resident, { [UPDATED]: 'accept' });
    const ticket = await submitTicket(t, resident, { categoryCode: 'bulb' });
    await accept(ticket);
    const tokenFetches = () =>
      wechat.received.filter((r) => r.path === '/cgi-bin/stable_token').length;
    await t.app.get(AccessTokens).get(); // a token on file already, as on a server that has sent before
    const fetchesBefore = tokenFetches();
    wechat.failNext(failure, 1, SEND);
    await drain();
    const row = await rowFor(ticket.id);
    expect(row.status).toBe(status);
    expect(row.attempts).toBe(1);
    if (status === OutboxStatus.Sent) expect(tokenFetches()).toBe(fetchesBefore + 1);
    else expect(row.lastError).toContain(failure === 'timeout' ? '-1' : String(failure));
    if (status === OutboxStatus.Pending) {
      t.clock.set({ advanceMinutes: 31 });
      await drain();
      expect((await rowFor(ticket.id)).status).toBe(OutboxStatus.Sent);
    }
  });

  it("fills a template's own field layout when one is configured", async () => {
    const custom = await createTestApp({
      env: {
        LINLI_WECHAT_TEMPLATES: JSON.stringify({
          ticket_updated: {
            id: 'tpl-progress',
            fields: { phrase1: 'title', character_string2: 'ticketCode', date3: 'at' },
          },
        }),
      },
    });
    try {
      custom.clock.set({ now: new Date('2026-11-23T02:00:00Z'), freeze: true });
      const me = (await loginPersona(custom, DemoPersona.Resident)).token;
      const staff = (await loginPersona(custom, DemoPersona.Assistant)).token;
      await custom
        .http()
        .post(ApiRoutes.subscriptions)
        .set(bearer(me))
        .send({ results: { 'tpl-progress': 'accept' } })
        .expect(200);
      const ticket = await submitTicket(custom, me, { categoryCode: 'bulb' });
      await custom
        .http()
        .post(ApiRoutes.ticketActions(ticket.id))
        .set(bearer(staff))
        .send({ action: TicketAction.Accept, version: ticket.version })
        .expect(200);
      expect(await custom.app.get(OutboxWorker).drain()).toMatchObject({ sent: 1 });
      const sent = custom.wechat.local!.delivered.at(-1)!;
      expect(sent.templateId).toBe('tpl-progress');
      // phrase is at most 5 characters: the title is cut to fit rather than refused by WeChat.
      expect(sent.data).toEqual({
        phrase1: { value: '管家已受理' },
        character_string2: { value: ticket.code },
        date3: { value: '2026年11月23日 10:00' },
      }); // WeChat's date type takes a 24-hour time too
    } finally {
      await custom.close();
    }
  });

  it('a user who revoked is not retried and loses the credits; a permanent error is dead-lettered with the reason', async () => {
    await grant(resident, { [UPDATED]: 'accept' });
    await grant(resident, { [UPDATED]: 'accept' });
    wechat.revoke('demo-resident', UPDATED);
    const ticket = await submitTicket(t, resident, { categoryCode: 'bulb' });
    await accept(ticket);
    expect(await drain()).toMatchObject({ revoked: 1 });
    expect(await rowFor(ticket.id)).toMatchObject({ status: OutboxStatus.Revoked, attempts: 1 });
    expect(
      (
        await t.dataSource
          .getRepository(SubscriptionCredit)
          .findOneByOrFail({ templateId: UPDATED })
      ).credits,
    ).toBe(0);
    t.clock.set({ advanceMinutes: 60 });
    expect(await drain()).toMatchObject({ sent: 0, retried: 0, revoked: 0 });

    await grant(assistant, { [ASSIGNED]: 'accept' });
    wechat.failNext(40037, 1, SEND);
    const doomed = await submitTicket(t, resident, { categoryCode: 'bulb' });
    expect(await drain()).toMatchObject({ dead: 1 });
    expect(await rowFor(doomed.id)).toMatchObject({
      status: OutboxStatus.Dead,
      lastError: expect.stringContaining('40037'),
    });
  });

  it('holds ordinary messages through quiet hours; emergencies go at once', async () => {
    t.clock.set({ now: new Date('2026-11-23T15:00:00Z'), freeze: true }); // 23:00 China time
    resident = (await loginPersona(t, DemoPersona.Resident)).token;
    assistant = (await loginPersona(t, DemoPersona.Assistant)).token;
    await grant(assistant, { [ASSIGNED]: 'accept' });
    await grant(assistant, { [ASSIGNED]: 'accept' });
    const sentBefore = wechat.delivered.length;
    const ordinary = await submitTicket(t, resident, {
      categoryCode: 'bulb',
      description: '走廊灯不亮',
    });
    await submitTicket(t, resident, {
      categoryCode: 'water_leak',
      description: '楼上漏水到我家了',
    });
    expect(await drain()).toMatchObject({ sent: 1 });
    expect(wechat.delivered.at(-1)!.data.thing1.value).toBe('新的紧急工单');
    const waiting = await rowFor(ordinary.id);
    expect(waiting).toMatchObject({
      status: OutboxStatus.Pending,
      urgent: false,
      nextAttemptAt: new Date('2026-11-24T00:00:00Z'),
    });
    t.clock.set({ now: new Date('2026-11-24T00:00:00Z'), freeze: true }); // 08:00
    expect(await drain()).toMatchObject({ sent: 1 });
    expect(wechat.delivered.length).toBe(sentBefore + 2);
  });
});

describe('the access token when none is on file yet (first start, or after it lapsed)', () => {
  it('a burst of deliveries fetches one token and sends everything at once (two instances on MariaDB)', async () => {
    const db = await createTestDatabase();
    const local = await startLocalWechatServer({
      appid: 'wxlinlitest000000',
      secret: 'test-secret',
    });
    const env = {
      WECHAT_APPID: 'wxlinlitest000000',
      WECHAT_SECRET: 'test-secret',
      WECHAT_API_BASE: local.url,
      LINLI_WECHAT_TEMPLATES: JSON.stringify({ ticket_updated: UPDATED }),
      LINLI_QUIET_HOURS: '00:00-00:00',
    };
    const a = await createTestApp({ database: db, env });
    // SQLite is the one-process embedded database; several instances are a MySQL/MariaDB deployment.
    const b = useMysql ? await createTestApp({ database: db, env }) : null;
    try {
      const user = await a.dataSource
        .getRepository(User)
        .findOneByOrFail({ openid: 'demo-resident' });
      await a.dataSource
        .getRepository(SubscriptionCredit)
        .insert({ userId: user.id, templateId: UPDATED, credits: 40, updatedAt: new Date() });
      await a.dataSource.transaction(async (tx) => {
        for (let i = 0; i < 40; i++) {
          await a.app.get(Outbox).enqueue(tx, user.id, {
            kind: NotificationKind.TicketUpdated,
            title: '工单进度',
            body: `B${i}`,
            ticketCode: `C${i}`,
            ticketId: null,
            at: new Date(),
            urgent: false,
          });
        }
      });
      await a.dataSource.getRepository(WechatToken).clear();
      const none = { sent: 0, retried: 0, revoked: 0, dead: 0 };
      const [ra, rb] = await Promise.all([
        a.app.get(OutboxWorker).drain(),
        b ? b.app.get(OutboxWorker).drain() : none,
      ]);
      // Nothing waits for a retry because the deliveries raced each other for the token.
      expect({
        sent: ra.sent + rb.sent,
        retried: ra.retried + rb.retried,
        dead: ra.dead + rb.dead,
      }).toEqual({ sent: 40, retried: 0, dead: 0 });
      // One fetch per instance at most: concurrent deliveries in one instance share one request.
      expect(
        local.received.filter((r) => r.path === '/cgi-bin/stable_token').length,
      ).toBeLessThanOrEqual(2);
      expect(await a.dataSource.getRepository(WechatToken).count()).toBe(1);
    } finally {
      await b?.close();
      await a.close();
      await local.close();
      await db.drop();
    }
  });
});
