import { ApiRoutes, DemoPersona, TicketDetailDto } from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { ticketRequest } from '../support/builders';
import { databaseEnv, ServerProcess, startServerProcess } from '../support/server-process';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { call, login, record, sql, until } from './support';

/** Bounded for CI (`pnpm test:resilience`); `pnpm bench`'s long form raises these through the environment. */
const CLIENTS = Number(process.env.LINLI_RESILIENCE_CLIENTS ?? 10);
const SUBMITS = Number(process.env.LINLI_RESILIENCE_SUBMITS ?? 300);

jest.setTimeout(180_000);

/**
 * SIGKILL during a submit load on MariaDB (issue #16): 10 clients submit; the server is killed at a
 * random point (no shutdown hooks, transactions cut mid-way). After a restart, every ticket whose submit
 * was acknowledged (201) exists exactly once, and submitting again with the same idempotency key returns
 * it (200). A submit that was in flight at the kill either committed (the retry returns it) or did not
 * (the retry creates it): never two tickets for one key.
 */
describe('a SIGKILL during a submit load', () => {
  let db: TestDatabase;
  let server: ServerProcess | null = null;
  const env = () => ({
    ...databaseEnv(db),
    NODE_ENV: 'test',
    LINLI_SLA_SWEEP_SECONDS: '0',
    LINLI_OUTBOX_POLL_MS: '0',
  });

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await server?.kill('SIGKILL');
    await db?.drop();
  });

  it('keeps every acknowledged ticket exactly once, and the retry returns it', async () => {
    server = await startServerProcess(env());
    const token = await login(server.baseUrl, DemoPersona.Resident);
    const acknowledged = new Map<string, string>(); // idempotency key → ticket id
    const unknown = new Set<string>(); // in flight at the kill: no answer
    const bodies = new Map<string, ReturnType<typeof ticketRequest>>();
    const killAt = Math.floor(SUBMITS * (0.2 + 0.6 * Math.random()));
    let started = 0;
    let killed: Promise<void> | null = null;
    const target = server;

    const client = async () => {
      while (started < SUBMITS && !killed) {
        started += 1;
        const body = ticketRequest({ description: `压力测试 ${randomUUID().slice(0, 8)}` });
        bodies.set(body.idempotencyKey, body);
        const res = await call(target.baseUrl, 'POST', ApiRoutes.tickets, token, body);
        if (res.status === 201)
          acknowledged.set(body.idempotencyKey, (res.body as TicketDetailDto).id);
        else unknown.add(body.idempotencyKey);
        if (acknowledged.size >= killAt && !killed) killed = target.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    await killed;
    server = null;
    expect(acknowledged.size).toBeGreaterThanOrEqual(killAt);
    // The kill landed under load: some submits were in flight and got no answer.
    expect(unknown.size).toBeGreaterThan(0);

    // What the database holds, read with no server running.
    const rows = await sql<{ idempotencyKey: string; id: string; n: number }>(
      db,
      'SELECT idempotencyKey, MIN(id) AS id, COUNT(*) AS n FROM ticket GROUP BY idempotencyKey',
    );
    const stored = new Map(rows.map((r) => [r.idempotencyKey, r]));
    for (const [key, id] of acknowledged) {
      expect({ key, n: Number(stored.get(key)?.n ?? 0), id: stored.get(key)?.id }).toEqual({
        key,
        n: 1,
        id,
      });
    }
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);

    // Restart; the client retries what it did not hear back about, and re-sends some acknowledged ones.
    const restarting = Date.now();
    server = await startServerProcess(env());
    record('submit-kill: restart to healthy (ms)', Date.now() - restarting);
    record('submit-kill: acknowledged before the kill', acknowledged.size);
    record('submit-kill: in flight at the kill (no answer)', unknown.size);
    const again = await login(server.baseUrl, DemoPersona.Resident);
    const sample = [...acknowledged].slice(0, 20);
    for (const [key, id] of sample) {
      const res = await call(server.baseUrl, 'POST', ApiRoutes.tickets, again, bodies.get(key));
      expect({ key, status: res.status, id: (res.body as TicketDetailDto).id }).toEqual({
        key,
        status: 200,
        id,
      });
    }
    for (const key of unknown) {
      const res = await call(server.baseUrl, 'POST', ApiRoutes.tickets, again, bodies.get(key));
      // Committed before the kill (200, the same ticket) or never (201, created now).
      expect([200, 201]).toContain(res.status);
    }
    const keys = [...acknowledged.keys(), ...unknown];
    const counts = await sql<{ n: number }>(
      db,
      `SELECT COUNT(*) AS n FROM ticket WHERE idempotencyKey IN (${keys.map(() => '?').join(',')}) GROUP BY idempotencyKey`,
      keys,
    );
    expect(counts).toHaveLength(keys.length);
    expect(counts.every((r) => Number(r.n) === 1)).toBe(true);
    // And the server reads them back: the resident's list holds every acknowledged ticket.
    await until(
      'the restarted server to answer',
      async () => (await call(server!.baseUrl, 'GET', ApiRoutes.healthReady)).status === 200,
    );
  });
});
