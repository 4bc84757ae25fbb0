import { ApiRoutes, TicketDetailDto } from '@linli/contracts';
import { LocalWechatServer, startLocalWechatServer } from '@linli/wechat-local';
import { ticketRequest } from '../support/builders';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { createTestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTcpProxy, TcpProxy } from './tcp-proxy';
import { call, loginWechat, mysqlConfig, record, sleep, sql, until } from './support';
import { queueTicketUpdates, TICKET_UPDATED_TEMPLATE } from '../support/outbox-load';

const MESSAGES = 200;
const TEMPLATE = TICKET_UPDATED_TEMPLATE;
const IN_FLIGHT = 4;

jest.setTimeout(180_000);

/**
 * SIGTERM (a deploy, a scale-in): requests in flight finish, the outbox hands back what it claimed
 * instead of leaving it 'sending' until the claim lapses, and the process exits 0 within
 * LINLI_SHUTDOWN_TIMEOUT_MS; past that bound it exits anyway (1). The database is made slow through a
 * loopback proxy so that requests really are in flight when the signal lands.
 */
describe('graceful shutdown on SIGTERM', () => {
  let db: TestDatabase;
  let wechat: LocalWechatServer;
  let proxy: TcpProxy;
  let server: ServerProcess | null = null;

  const env = (extra: Record<string, string> = {}) => {
    const c = mysqlConfig(db);
    return {
      DATABASE_URL: `mysql://${encodeURIComponent(c.username)}${c.password ? `:${encodeURIComponent(c.password)}` : ''}@127.0.0.1:${proxy.port}/${c.database}`,
      NODE_ENV: 'test',
      WECHAT_APPID: 'wxlinlitest000000',
      WECHAT_SECRET: 'test-secret',
      WECHAT_API_BASE: wechat.url,
      LINLI_WECHAT_TEMPLATES: JSON.stringify({ ticket_updated: TEMPLATE }),
      LINLI_QUIET_HOURS: '00:00-00:00',
      LINLI_SLA_SWEEP_SECONDS: '1',
      LINLI_OUTBOX_POLL_MS: '50',
      LINLI_OUTBOX_BATCH_SIZE: '40',
      // Long on purpose: a claim left behind would sit 'sending' for a minute.
      LINLI_OUTBOX_CLAIM_TTL_MS: '60000',
      ...extra,
    };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const c = mysqlConfig(db);
    proxy = await startTcpProxy({ host: c.host, port: c.port });
    wechat = await startLocalWechatServer({
      appid: 'wxlinlitest000000',
      secret: 'test-secret',
      latencyMs: 100,
    });
    const t = await createTestApp({
      database: db,
      env: {
        WECHAT_APPID: 'wxlinlitest000000',
        WECHAT_SECRET: 'test-secret',
        WECHAT_API_BASE: wechat.url,
        LINLI_WECHAT_TEMPLATES: JSON.stringify({ ticket_updated: TEMPLATE }),
        LINLI_QUIET_HOURS: '00:00-00:00',
      },
    });
    try {
      await queueTicketUpdates(t, 'demo-supervisor', MESSAGES);
    } finally {
      await t.close();
    }
  });

  afterAll(async () => {
    await server?.kill('SIGKILL');
    await proxy?.close();
    await wechat?.close();
    await db?.drop();
  });

  const bodyOf = (d: { data: Record<string, { value: string }> }) => d.data.thing3.value;
  const delivered = () => wechat.delivered.map(bodyOf).filter((b) => /^M\d+$/.test(b));

  it('finishes in-flight requests, hands back outbox claims and exits 0', async () => {
    proxy.delayMs = 0;
    server = await startServerProcess(env({ LINLI_SHUTDOWN_TIMEOUT_MS: '15000' }));
    const base = server.baseUrl;
    const token = await loginWechat(base, wechat, 'demo-resident');
    await until('the outbox to be delivering', () => delivered().length >= 10);

    // The database turns slow: each submit now takes a good part of a second (submits of one day queue on
    // the day's ticket number, so they finish one after another).
    proxy.delayMs = 30;
    const submits = Array.from({ length: IN_FLIGHT }, () =>
      call(
        base,
        'POST',
        ApiRoutes.tickets,
        token,
        ticketRequest({ description: '关机前提交的报事' }),
      ),
    );
    await sleep(500);
    const signalled = Date.now();
    process.kill(server.pid, 'SIGTERM');
    // Draining: the load balancer is told to send nothing new (or the port is already closed).
    const probe = await call(base, 'GET', ApiRoutes.healthReady);
    expect([0, 503]).toContain(probe.status);

    const answers = await Promise.all(submits);
    const exit = await server.exited;
    const tookMs = Date.now() - signalled;
    const log = server.output();
    server = null;
    if (answers.some((a) => a.status !== 201))
      console.log(log.split('\n').slice(-40).join('\n'), tookMs);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    expect(exit).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(15_000);
    record(`graceful-shutdown: SIGTERM to exit 0 with ${IN_FLIGHT} submits in flight (ms)`, tookMs);

    // No claim left behind: nothing 'sending', nothing held by the dead worker.
    const rows = await sql<{ body: string; status: string; claimedBy: string | null }>(
      db,
      `SELECT JSON_UNQUOTE(JSON_EXTRACT(data, '$.thing3.value')) AS body, status, claimedBy FROM outbox_message`,
    );
    const mine = rows.filter((r) => /^M\d+$/.test(r.body));
    expect(mine).toHaveLength(MESSAGES);
    expect(mine.filter((r) => r.status === 'sending' || r.claimedBy !== null)).toEqual([]);
    expect(mine.some((r) => r.status === 'pending')).toBe(true); // it really stopped mid-way
    // What is recorded as sent went out; what is pending did not.
    const out = new Set(delivered());
    expect(mine.filter((r) => r.status === 'sent').every((r) => out.has(r.body))).toBe(true);
    expect(mine.filter((r) => r.status === 'pending').filter((r) => out.has(r.body))).toEqual([]);
    const ids = answers.map((a) => (a.body as TicketDetailDto).id);
    expect(
      await sql(db, `SELECT id FROM ticket WHERE id IN (${ids.map(() => '?').join(',')})`, ids),
    ).toHaveLength(IN_FLIGHT);

    // The next instance takes over at once (no lapsed claims to wait for) and sends each message exactly once.
    proxy.delayMs = 0;
    server = await startServerProcess(env());
    await until('every message to arrive', () => new Set(delivered()).size === MESSAGES, 30_000);
    await sleep(500);
    expect(delivered()).toHaveLength(MESSAGES);
    await server.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    server = null;
  });

  it('exits anyway once LINLI_SHUTDOWN_TIMEOUT_MS has passed', async () => {
    proxy.delayMs = 0;
    server = await startServerProcess(
      env({ LINLI_SHUTDOWN_TIMEOUT_MS: '1000', LINLI_OUTBOX_POLL_MS: '0' }),
    );
    const base = server.baseUrl;
    const token = await loginWechat(base, wechat, 'demo-resident');
    // A database so slow that a submit cannot finish within the bound.
    proxy.delayMs = 3000;
    const stuck = call(base, 'POST', ApiRoutes.tickets, token, ticketRequest());
    await sleep(300);
    const signalled = Date.now();
    process.kill(server.pid, 'SIGTERM');
    const exit = await server.exited;
    const tookMs = Date.now() - signalled;
    server = null;
    expect(exit).toEqual({ code: 1, signal: null });
    expect(tookMs).toBeGreaterThanOrEqual(900);
    expect(tookMs).toBeLessThan(3000);
    expect((await stuck).status).toBe(0); // the connection went with the process
    proxy.delayMs = 0;
  });
});
