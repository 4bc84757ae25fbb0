import { NotificationKind } from '@linli/contracts';
import { LocalWechatServer, startLocalWechatServer } from '@linli/wechat-local';
import { In } from 'typeorm';
import { OutboxMessage, OutboxStatus } from '../src/modules/outbox/entities/outbox-message.entity';
import { SubscriptionCredit } from '../src/modules/outbox/entities/subscription-credit.entity';
import { OutboxWorker } from '../src/modules/outbox/outbox-worker.service';
import { Outbox } from '../src/modules/outbox/outbox.service';
import { User } from '../src/modules/org/entities/user.entity';
import { createTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase, useMysql } from './support/test-database';

const MESSAGES = 10_000;
const REVOKED_MESSAGES = 100;
const TEMPLATE = 'tpl-ticket-updated';
const SEND = '/cgi-bin/message/subscribe/send';

/**
 * Two server instances on one MariaDB deliver 10,000 messages while WeChat fails 30% of requests
 * (system busy, rate limit, timeouts): every message arrives exactly once, none is lost, and a user
 * who revoked is not retried. Several instances are a MySQL/MariaDB deployment: `pnpm test:mysql`.
 */
(useMysql ? describe : describe.skip)('the outbox on two instances', () => {
  let db: TestDatabase;
  let wechat: LocalWechatServer;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    wechat = await startLocalWechatServer({ appid: 'wxlinlitest000000', secret: 'test-secret' });
    const env = {
      WECHAT_APPID: 'wxlinlitest000000',
      WECHAT_SECRET: 'test-secret',
      WECHAT_API_BASE: wechat.url,
      // A success answered after the client gave up is, to the client, a lost answer: it sends again
      // (WeChat's at-least-once boundary). 500 ms keeps a loaded machine's slow successes inside the
      // timeout, so the deliberate 'timeout' failures are the only ones that time out.
      WECHAT_TIMEOUT_MS: '500',
      LINLI_WECHAT_TEMPLATES: JSON.stringify({ ticket_updated: TEMPLATE }),
      LINLI_OUTBOX_BACKOFF_MS: '10',
      LINLI_OUTBOX_MAX_ATTEMPTS: '100',
      LINLI_QUIET_HOURS: '00:00-00:00',
    };
    a = await createTestApp({ database: db, env });
    b = await createTestApp({ database: db, env });
  }, 120_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await wechat?.close();
    await db?.drop();
  });

  it('delivers each message exactly once despite 30% failures, and never retries a revoked user', async () => {
    const users = a.dataSource.getRepository(User);
    const [reader, leaver] = await users.find({
      where: { openid: In(['demo-resident', 'demo-supervisor']) },
      order: { openid: 'ASC' },
    });
    expect([reader?.openid, leaver?.openid]).toEqual(['demo-resident', 'demo-supervisor']);
    await a.dataSource.getRepository(SubscriptionCredit).insert([
      { userId: reader.id, templateId: TEMPLATE, credits: MESSAGES, updatedAt: new Date() },
      { userId: leaver.id, templateId: TEMPLATE, credits: REVOKED_MESSAGES, updatedAt: new Date() },
    ]);
    const outbox = a.app.get(Outbox);
    for (let start = 0; start < MESSAGES + REVOKED_MESSAGES; start += 500) {
      await a.dataSource.transaction(async (tx) => {
        for (let i = start; i < Math.min(start + 500, MESSAGES + REVOKED_MESSAGES); i++) {
          const to = i < MESSAGES ? reader.id : leaver.id;
          const queued = await outbox.enqueue(tx, to, {
            kind: NotificationKind.TicketUpdated,
            title: '工单进度',
            body: `N${i}`,
            ticketCode: `C${i}`,
            ticketId: null,
            at: new Date(),
            urgent: false,
          });
          expect(queued).toBe(true);
        }
      });
    }
    wechat.revoke('demo-supervisor', TEMPLATE);
    wechat.failRandomly(0.3, [-1, 45009, -1, 45009, 'timeout'], SEND);

    const open = () =>
      a.dataSource
        .getRepository(OutboxMessage)
        .count({ where: { status: In([OutboxStatus.Pending, OutboxStatus.Sending]) } });
    const sentBy = [0, 0];
    const deadline = Date.now() + 360_000;
    while ((await open()) > 0 && Date.now() < deadline) {
      const results = await Promise.all([
        a.app.get(OutboxWorker).drain(),
        b.app.get(OutboxWorker).drain(),
      ]);
      results.forEach((r, i) => (sentBy[i] += r.sent));
      await new Promise((r) => setTimeout(r, 20)); // retries are due a few milliseconds later
    }
    wechat.failRandomly(0, [], SEND);

    const rows = await a.dataSource.getRepository(OutboxMessage).find();
    const byStatus = rows.reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
      {},
    );
    expect(byStatus).toEqual({
      [OutboxStatus.Sent]: MESSAGES,
      [OutboxStatus.Revoked]: REVOKED_MESSAGES,
    });

    // Exactly once, checked from what WeChat recorded: every message body once, nothing for the revoked user.
    const bodies = wechat.delivered.map((d) => d.data.thing3.value);
    expect(bodies).toHaveLength(MESSAGES);
    expect(new Set(bodies).size).toBe(MESSAGES);
    expect(wechat.delivered.every((d) => d.touser === 'demo-resident')).toBe(true);
    // Failures really happened, and the revoked user's messages were each refused (43101) exactly once.
    const answered = wechat.received.filter((r) => r.path === SEND);
    expect(answered.length).toBeGreaterThan(MESSAGES + REVOKED_MESSAGES);
    const refused = answered.filter(
      (r) => (r.response as { errcode?: number } | undefined)?.errcode === 43101,
    );
    expect(refused).toHaveLength(REVOKED_MESSAGES);
    // Both instances did part of the work, and together exactly all of it.
    expect(sentBy[0]).toBeGreaterThan(0);
    expect(sentBy[1]).toBeGreaterThan(0);
    expect(sentBy[0] + sentBy[1]).toBe(MESSAGES);
  }, 400_000);
});
