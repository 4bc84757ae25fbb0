import { LocalWechatServer, startLocalWechatServer } from '@linli/wechat-local';
import { OutboxMessage, OutboxStatus } from '../src/modules/outbox/entities/outbox-message.entity';
import { databaseEnv, ServerProcess, startServerProcess } from './support/server-process';
import { createTestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { queueTicketUpdates, TICKET_UPDATED_TEMPLATE } from './support/outbox-load';

jest.setTimeout(180_000);

const MESSAGES = 600;
const BATCH = 40;
/** Mid-batch on purpose (not a multiple of BATCH): the kill lands while a claimed batch is being sent. */
const KILL_AFTER = 5 * BATCH + 22;
const TEMPLATE = TICKET_UPDATED_TEMPLATE;
const CLAIM_TTL_MS = 1500;
/** Deliveries one worker has in flight at once (OutboxWorker's DELIVERY_CONCURRENCY). */
const IN_FLIGHT = 8;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/**
 * The server is killed (SIGKILL: no shutdown hooks, no settling) while it delivers the outbox; after a
 * restart nothing is lost, and the only messages WeChat receives twice are ones the dead process had
 * sent but not yet recorded: WeChat's at-least-once boundary (it has no idempotency key for subscribe/send).
 */
describe('the outbox survives a SIGKILL mid-delivery', () => {
  let db: TestDatabase;
  let wechat: LocalWechatServer;
  let server: ServerProcess | null = null;

  const env = () => ({
    ...databaseEnv(db),
    NODE_ENV: 'test',
    WECHAT_APPID: 'wxlinlitest000000',
    WECHAT_SECRET: 'test-secret',
    WECHAT_API_BASE: wechat.url,
    LINLI_WECHAT_TEMPLATES: JSON.stringify({ ticket_updated: TEMPLATE }),
    LINLI_QUIET_HOURS: '00:00-00:00',
    LINLI_SLA_SWEEP_SECONDS: '0',
    LINLI_OUTBOX_POLL_MS: '20',
    LINLI_OUTBOX_BATCH_SIZE: String(BATCH),
    LINLI_OUTBOX_CLAIM_TTL_MS: String(CLAIM_TTL_MS),
  });

  /** The outbox rows as the database holds them, read while no server process runs. */
  async function rows(): Promise<OutboxMessage[]> {
    const t = await createTestApp({ database: db, env: env() });
    try {
      return await t.dataSource.getRepository(OutboxMessage).find();
    } finally {
      await t.close();
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    // Every answer takes 5 ms, like a (fast) round trip to WeChat: deliveries are really in flight when the kill lands.
    wechat = await startLocalWechatServer({
      appid: 'wxlinlitest000000',
      secret: 'test-secret',
      latencyMs: 5,
    });
  });

  afterAll(async () => {
    await server?.kill('SIGKILL');
    await wechat?.close();
    await db?.drop();
  });

  it('loses nothing and repeats only what was in flight', async () => {
    // Migrate, seed and queue the messages through the real Outbox (credits spent, one row each).
    const t = await createTestApp({ database: db, env: env() });
    try {
      expect(await queueTicketUpdates(t, 'demo-resident', MESSAGES)).toBe(MESSAGES);
    } finally {
      await t.close();
    }
    const bodyOf = (d: { data: Record<string, { value: string }> }) => d.data.thing3.value;

    // First process: killed once about a third has gone out.
    server = await startServerProcess(env());
    await until('a third of the messages to arrive', () => wechat.delivered.length >= KILL_AFTER);
    await server.kill('SIGKILL');
    server = null;
    const deliveredBeforeKill = new Set(wechat.delivered.map(bodyOf));
    expect(deliveredBeforeKill.size).toBeLessThan(MESSAGES);

    const atKill = await rows();
    const inFlight = atKill.filter((r) => r.status === OutboxStatus.Sending);
    // The kill landed mid-batch: claimed rows were left 'sending' under a claim nobody will settle.
    expect(inFlight.length).toBeGreaterThan(0);
    expect(atKill.filter((r) => r.status === OutboxStatus.Pending).length).toBeGreaterThan(0);
    // Everything recorded as sent really reached WeChat.
    for (const r of atKill.filter((row) => row.status === OutboxStatus.Sent))
      expect(deliveredBeforeKill.has(r.data.thing3.value)).toBe(true);
    const inFlightBodies = new Set(inFlight.map((r) => r.data.thing3.value));

    // Second process: takes over the pending rows at once and the dead claims once they lapse.
    server = await startServerProcess(env());
    await until(
      'every message to arrive',
      () => new Set(wechat.delivered.map(bodyOf)).size === MESSAGES,
    );
    await sleep(CLAIM_TTL_MS + 500); // long enough for any duplicate still to come
    await server.kill('SIGTERM');
    server = null;

    const final = await rows();
    expect(final).toHaveLength(MESSAGES);
    expect(
      final
        .filter((r) => r.status !== OutboxStatus.Sent)
        .map((r) => `${r.data.thing3.value}:${r.status}`),
    ).toEqual([]);

    // Nothing lost: WeChat holds every message. Duplicates only within the boundary: a message WeChat
    // accepted from the dead process whose row still said 'sending', at most one batch in flight.
    const counts = new Map<string, number>();
    for (const d of wechat.delivered) counts.set(bodyOf(d), (counts.get(bodyOf(d)) ?? 0) + 1);
    expect(counts.size).toBe(MESSAGES);
    const duplicates = [...counts].filter(([, n]) => n > 1);
    expect(duplicates.every(([, n]) => n === 2)).toBe(true);
    for (const [body] of duplicates) {
      expect(inFlightBodies.has(body)).toBe(true);
      expect(deliveredBeforeKill.has(body)).toBe(true);
    }
    expect(duplicates.length).toBeLessThanOrEqual(IN_FLIGHT);
  });
});
