import { NotificationKind } from '@linli/contracts';
import { LocalWechatServer, RecordedRequest, startLocalWechatServer } from '@linli/wechat-local';
import { OutboxMessage, OutboxStatus } from '../src/modules/outbox/entities/outbox-message.entity';
import { SubscriptionCredit } from '../src/modules/outbox/entities/subscription-credit.entity';
import { OutboxWorker } from '../src/modules/outbox/outbox-worker.service';
import { Outbox } from '../src/modules/outbox/outbox.service';
import { User } from '../src/modules/org/entities/user.entity';
import { createTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

jest.setTimeout(60_000);

const TEMPLATE = 'tpl-ticket-updated';
const SEND = '/cgi-bin/message/subscribe/send';
/** OutboxWorker's DELIVERY_CONCURRENCY. */
const IN_FLIGHT = 8;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * WeChat sometimes leaves a request hanging until the client's timeout fires. Such a request must hold
 * up only its own delivery slot, and a claim that lapsed while it hung must not be sent twice.
 */
describe('the outbox when WeChat leaves requests hanging', () => {
  let db: TestDatabase;
  let wechat: LocalWechatServer;
  let apps: TestApp[] = [];

  const env = (claimTtlMs: number) => ({
    WECHAT_APPID: 'wxlinlitest000000',
    WECHAT_SECRET: 'test-secret',
    WECHAT_API_BASE: wechat.url,
    WECHAT_TIMEOUT_MS: '1500',
    LINLI_WECHAT_TEMPLATES: JSON.stringify({ ticket_updated: TEMPLATE }),
    LINLI_OUTBOX_BACKOFF_MS: '10',
    LINLI_OUTBOX_CLAIM_TTL_MS: String(claimTtlMs),
    LINLI_QUIET_HOURS: '00:00-00:00',
  });

  beforeEach(async () => {
    db = await createTestDatabase();
    wechat = await startLocalWechatServer({ appid: 'wxlinlitest000000', secret: 'test-secret' });
  });

  afterEach(async () => {
    for (const app of apps) await app.close();
    apps = [];
    await wechat?.close();
    await db?.drop();
  });

  async function queue(app: TestApp, count: number): Promise<void> {
    const resident = await app.dataSource
      .getRepository(User)
      .findOneOrFail({ where: { openid: 'demo-resident' } });
    await app.dataSource
      .getRepository(SubscriptionCredit)
      .insert({ userId: resident.id, templateId: TEMPLATE, credits: count, updatedAt: new Date() });
    await app.dataSource.transaction(async (tx) => {
      for (let i = 0; i < count; i++) {
        await app.app.get(Outbox).enqueue(tx, resident.id, {
          kind: NotificationKind.TicketUpdated,
          title: '工单进度',
          body: `H${i}`,
          ticketCode: `C${i}`,
          ticketId: null,
          at: new Date(),
          urgent: false,
        });
      }
    });
  }

  async function drainAll(app: TestApp): Promise<void> {
    const open = () =>
      app.dataSource
        .getRepository(OutboxMessage)
        .count({ where: [{ status: OutboxStatus.Pending }, { status: OutboxStatus.Sending }] });
    for (let i = 0; i < 200 && (await open()) > 0; i++) {
      await app.app.get(OutboxWorker).drain();
      await sleep(20); // a retry is due a few milliseconds later
    }
  }

  async function abandoned(request: RecordedRequest): Promise<number> {
    for (let i = 0; i < 300 && request.abandonedAt === undefined; i++) await sleep(10);
    return request.abandonedAt!;
  }

  const bodies = () => wechat.delivered.map((d) => d.data.thing3.value);

  async function lapsedWhileHanging(app: TestApp, count: number): Promise<void> {
    const lapsed = async () => {
      if (wechat.received.filter((r) => r.path === SEND).length < IN_FLIGHT) return false;
      const rows = await app.dataSource.getRepository(OutboxMessage).find();
      return (
        rows.length === count &&
        rows.every(
          (r) => r.status === OutboxStatus.Sending && r.nextAttemptAt.getTime() < Date.now(),
        )
      );
    };
    for (let i = 0; i < 500 && !(await lapsed()); i++) await sleep(10);
    expect(await lapsed()).toBe(true);
  }

  it('one hanging request holds up only its own slot: every other message goes out while it hangs', async () => {
    const app = await createTestApp({ database: db, env: env(60_000) });
    apps.push(app);
    await queue(app, 3 * IN_FLIGHT);
    wechat.failNext('timeout', 1, SEND);

    await drainAll(app);

    const sends = wechat.received.filter((r) => r.path === SEND);
    const hung = sends.find((r) => r.status === undefined)!;
    expect(hung).toBeDefined();
    const gaveUpAt = await abandoned(hung);
    // All the other messages reached WeChat before the client gave up on the hanging one (in lockstep
    // groups of eight, the two groups after it would have waited for its timeout).
    const bodyOf = (r: RecordedRequest) =>
      (r.body as { data: { thing3: { value: string } } }).data.thing3.value;
    const others = sends.filter((r) => bodyOf(r) !== bodyOf(hung) && r.at <= gaveUpAt);
    expect(others).toHaveLength(3 * IN_FLIGHT - 1);
    // The hanging one was retried afterwards, and everything arrived exactly once.
    expect(bodies().sort()).toEqual(
      Array.from({ length: 3 * IN_FLIGHT }, (_, i) => `H${i}`).sort(),
    );
  });

  it('a claim that lapsed while WeChat hung is not sent again by the worker that lost it', async () => {
    const ttl = 400;
    // Two instances on one database, both started before the work begins.
    const a = await createTestApp({ database: db, env: env(ttl) });
    const b = await createTestApp({ database: db, env: env(ttl) });
    apps.push(a, b);
    const messages = IN_FLIGHT + 2;
    await queue(a, messages);
    // Every slot of worker A hangs on its first request; its claim on the whole batch lapses meanwhile.
    wechat.failNext('timeout', IN_FLIGHT, SEND);
    const draining = a.app.get(OutboxWorker).drain();
    // Until all eight of A's requests hang at WeChat and every one of its claims has lapsed. A fixed sleep
    // of the TTL plus 200 ms was not enough on a loaded CI machine: when one of A's requests reached WeChat
    // after B's first, B's drew the hang and B sent 9 of 10.
    await lapsedWhileHanging(a, messages);
    // Worker B takes the lapsed claims and delivers all of them while A's requests still hang.
    const byB = await b.app.get(OutboxWorker).drain();
    expect(byB.sent).toBe(messages);
    // A wakes up after its timeouts: its last two messages were never sent by it, so WeChat got each
    // message once (sending on a lapsed claim would deliver those two twice).
    await draining;
    expect(bodies().sort()).toEqual(Array.from({ length: messages }, (_, i) => `H${i}`).sort());
    const rows = await a.dataSource.getRepository(OutboxMessage).find();
    expect(rows.map((r) => r.status)).toEqual(Array(messages).fill(OutboxStatus.Sent));
  });
});
