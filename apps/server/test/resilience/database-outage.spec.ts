import {
  ApiRoutes,
  ERROR_MESSAGES,
  ErrorCode,
  TicketAction,
  TicketDetailDto,
} from '@linli/contracts';
import { LocalWechatServer, startLocalWechatServer } from '@linli/wechat-local';
import { ticketRequest } from '../support/builders';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { createTestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTcpProxy, TcpProxy } from './tcp-proxy';
import { call, HttpAnswer, loginWechat, mysqlConfig, record, sleep, sql, until } from './support';
import { queueTicketUpdates, TICKET_UPDATED_TEMPLATE } from '../support/outbox-load';

const MESSAGES = Number(process.env.LINLI_RESILIENCE_MESSAGES ?? 200);
const TEMPLATE = TICKET_UPDATED_TEMPLATE;
const OUTAGE_MS = Number(process.env.LINLI_RESILIENCE_OUTAGE_MS ?? 3000);
const CLIENTS = 4;

jest.setTimeout(180_000);

/**
 * MariaDB goes away under load and comes back (issue #16). A loopback proxy in front of the shared
 * MariaDB is cut: every open connection dies and new ones are refused, as when the database restarts.
 * While it is down, requests fail cleanly (503 {code, message}, never a 500 or a hang), liveness stays
 * 200 and readiness turns 503. Once it is back the same process recovers by itself: submits succeed,
 * the time-limit sweep escalates what fell due during the outage, the outbox delivers the rest, and
 * nothing acknowledged is lost.
 */
describe('the database restarting during load', () => {
  let db: TestDatabase;
  let wechat: LocalWechatServer;
  let proxy: TcpProxy;
  let server: ServerProcess | null = null;

  const wechatEnv = () => ({
    WECHAT_APPID: 'wxlinlitest000000',
    WECHAT_SECRET: 'test-secret',
    WECHAT_API_BASE: wechat.url,
    LINLI_WECHAT_TEMPLATES: JSON.stringify({ ticket_updated: TEMPLATE }),
    LINLI_QUIET_HOURS: '00:00-00:00',
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    const c = mysqlConfig(db);
    proxy = await startTcpProxy({ host: c.host, port: c.port });
    // Every WeChat answer takes 40 ms: the outbox is still delivering when the database goes away.
    wechat = await startLocalWechatServer({
      appid: 'wxlinlitest000000',
      secret: 'test-secret',
      latencyMs: 40,
    });
  });

  afterAll(async () => {
    await server?.kill('SIGKILL');
    await proxy?.close();
    await wechat?.close();
    await db?.drop();
  });

  it('answers 503 while it is down and recovers without a restart, losing nothing', async () => {
    // Migrate and seed, and queue the messages the outbox will be delivering across the outage.
    const t = await createTestApp({ database: db, env: wechatEnv() });
    try {
      await queueTicketUpdates(t, 'demo-supervisor', MESSAGES);
    } finally {
      await t.close();
    }

    const c = mysqlConfig(db);
    server = await startServerProcess({
      DATABASE_URL: `mysql://${encodeURIComponent(c.username)}${c.password ? `:${encodeURIComponent(c.password)}` : ''}@127.0.0.1:${proxy.port}/${c.database}`,
      NODE_ENV: 'test',
      ...wechatEnv(),
      LINLI_SLA_SWEEP_SECONDS: '1',
      LINLI_OUTBOX_POLL_MS: '50',
      LINLI_OUTBOX_BATCH_SIZE: '20',
      LINLI_OUTBOX_CLAIM_TTL_MS: '2000',
    });
    const base = server.baseUrl;
    const token = await loginWechat(base, wechat, 'demo-resident');

    // A steady submit load through the whole run: water leaks, escalated when 10 minutes pass unanswered.
    const answers: { phase: 'before' | 'down' | 'after'; key: string; res: HttpAnswer }[] = [];
    let phase: 'before' | 'down' | 'after' = 'before';
    let running = true;
    const client = async () => {
      while (running) {
        const body = ticketRequest({ categoryCode: 'water_leak', description: '楼上漏水到我家' });
        const at = phase;
        const res = await call(base, 'POST', ApiRoutes.tickets, token, body);
        answers.push({ phase: at === phase ? at : 'down', key: body.idempotencyKey, res });
        await sleep(20);
      }
    };
    const load = Promise.all(Array.from({ length: CLIENTS }, client));
    const bodyOf = (d: { data: Record<string, { value: string }> }) => d.data.thing3.value;
    const delivered = () =>
      new Set(wechat.delivered.map(bodyOf).filter((b) => /^M\d+$/.test(b))).size;
    await until(
      'some tickets and messages before the outage',
      () => answers.filter((a) => a.res.status === 201).length >= 10 && delivered() >= 20,
    );

    // The database goes away.
    phase = 'down';
    await proxy.cut();
    const deliveredAtCut = delivered();
    await sleep(OUTAGE_MS / 2);
    expect((await call(base, 'GET', ApiRoutes.healthLive)).status).toBe(200);
    const ready = await call(base, 'GET', ApiRoutes.healthReady);
    expect(ready).toEqual({
      status: 503,
      body: { status: 'not_ready', database: 'down', migrations: 'unknown' },
    });
    // Business time moves past every limit of the tickets taken so far: the sweep has work it cannot do yet.
    const dueBefore = answers
      .filter((a) => a.res.status === 201)
      .map((a) => (a.res.body as TicketDetailDto).id);
    expect(
      (await call(base, 'PUT', ApiRoutes.testClock, undefined, { advanceMinutes: 11 })).status,
    ).toBe(200);
    await sleep(OUTAGE_MS / 2);
    phase = 'after';
    await proxy.restore();
    const restored = Date.now();

    // Recovers by itself: the same process answers submits again.
    await until(
      'a submit to succeed after the outage',
      () => answers.some((a) => a.phase === 'after' && a.res.status === 201),
      20_000,
    );
    record('database-outage: restore to first 201 (ms)', Date.now() - restored);
    await until(
      'readiness',
      async () => (await call(base, 'GET', ApiRoutes.healthReady)).status === 200,
      20_000,
    );
    running = false;
    await load;

    const down = answers.filter((a) => a.phase === 'down' && a.res.status !== 201);
    expect(down.length).toBeGreaterThan(0);
    record('database-outage: 503 answers while down', down.length);
    // Every failure while it was down is a clean 503 with the code and the Chinese message: no 500, no hang.
    const failures = answers.filter((a) => a.res.status !== 201);
    expect(failures.map((a) => a.res)).toEqual(
      failures.map(() => ({
        status: 503,
        body: {
          code: ErrorCode.DATABASE_UNAVAILABLE,
          message: ERROR_MESSAGES[ErrorCode.DATABASE_UNAVAILABLE],
        },
      })),
    );
    expect(delivered()).toBeGreaterThanOrEqual(deliveredAtCut);

    // The sweep resumed: each ticket due during the outage is escalated, exactly once.
    const escalated = async () =>
      sql<{ ticketId: string; n: number }>(
        db,
        `SELECT ticketId, COUNT(*) AS n FROM ticket_event WHERE action = ? AND ticketId IN (${dueBefore.map(() => '?').join(',')}) GROUP BY ticketId`,
        [TicketAction.Escalate, ...dueBefore],
      );
    await until(
      'the sweep to escalate every ticket due during the outage',
      async () => (await escalated()).length === dueBefore.length,
      30_000,
    );
    expect((await escalated()).every((r) => Number(r.n) === 1)).toBe(true);

    // The outbox resumed: every message reaches WeChat, none is left behind.
    await until('every message to arrive', () => delivered() === MESSAGES, 60_000);
    await until(
      'every outbox row to be settled',
      async () =>
        (await sql(db, `SELECT id FROM outbox_message WHERE status IN ('pending', 'sending')`))
          .length === 0,
      30_000,
    );
    // Repeats only at WeChat's at-least-once boundary: sent, but the database was gone before it was recorded.
    const counts = new Map<string, number>();
    for (const d of wechat.delivered) counts.set(bodyOf(d), (counts.get(bodyOf(d)) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n > 1).length).toBeLessThanOrEqual(8);
    record(
      'database-outage: messages sent twice (at-least-once boundary)',
      [...counts.values()].filter((n) => n > 1).length,
    );

    // Nothing acknowledged is lost, nothing doubled.
    const acknowledged = answers.filter((a) => a.res.status === 201).map((a) => a.key);
    const stored = await sql<{ n: number }>(
      db,
      `SELECT COUNT(*) AS n FROM ticket WHERE idempotencyKey IN (${acknowledged.map(() => '?').join(',')}) GROUP BY idempotencyKey`,
      acknowledged,
    );
    expect(stored).toHaveLength(acknowledged.length);
    expect(stored.every((r) => Number(r.n) === 1)).toBe(true);
    // It never needed a restart.
    expect(server.output()).not.toMatch(/failed to start/);
    expect(() => process.kill(server!.pid, 0)).not.toThrow();
  });
});
