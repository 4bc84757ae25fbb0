import { ApiRoutes, DemoPersona, ErrorCode } from '@linli/contracts';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ticketRequest } from '../support/builders';
import { bearer, loginPersona } from '../support/login';
import { freePort } from '../support/server-process';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { sleep, until } from './support';

jest.setTimeout(120_000);

/** A private redis-server on a loopback port (no persistence), stopped and started by the test. */
async function startRedis(port: number): Promise<ChildProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), 'linli-redis-'));
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: 'ignore' },
  );
  const { connect } = await import('node:net');
  await until(
    'redis to listen',
    () =>
      new Promise<boolean>((resolve) => {
        const s = connect(port, '127.0.0.1', () => {
          s.destroy();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      }),
    10_000,
  );
  return child;
}

/**
 * Rate-limit counters in Redis (REDIS_URL): two instances count one resident's submits together, the
 * database holds no counter, and while Redis is away requests go through (limits fail open) and counting
 * resumes once it is back, without a restart.
 */
describe('rate limits counted in Redis', () => {
  let db: TestDatabase;
  let redis: ChildProcess | null = null;
  let port: number;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    db = await createTestDatabase();
    // The real limits (no multiplier): 10 submits per resident per minute.
    const env = { REDIS_URL: `redis://127.0.0.1:${port}/0`, LINLI_RATE_LIMIT_MULTIPLIER: '1' };
    a = await createTestApp({ database: db, env });
    b = await createTestApp({ database: db, env });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    redis?.kill('SIGKILL');
    await db?.drop();
  });

  it('counts across instances, and lets requests through while Redis is away', async () => {
    for (const t of [a, b]) t.clock.set({ now: new Date('2026-12-07T02:00:00Z'), freeze: true });
    const token = (await loginPersona(a, DemoPersona.Resident)).token;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const t = i % 2 === 0 ? a : b;
      statuses.push(
        (await t.http().post(ApiRoutes.tickets).set(bearer(token)).send(ticketRequest())).status,
      );
    }
    // 10 per minute, whichever instance took them.
    expect(statuses).toEqual([...Array(10).fill(201), 429, 429]);
    const limited = await b.http().post(ApiRoutes.tickets).set(bearer(token)).send(ticketRequest());
    expect(limited.body.code).toBe(ErrorCode.RATE_LIMITED);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await a.dataSource.query('SELECT bucket FROM rate_limit_bucket')).toEqual([]);

    // Redis goes away: submits are not limited (nor failed) meanwhile.
    redis!.kill('SIGKILL');
    await sleep(200);
    for (const t of [a, b]) t.clock.set({ now: new Date('2026-12-07T02:05:00Z'), freeze: true });
    const during = await Promise.all(
      [a, b, a].map((t) =>
        t.http().post(ApiRoutes.tickets).set(bearer(token)).send(ticketRequest()),
      ),
    );
    expect(during.map((r) => r.status)).toEqual([201, 201, 201]);

    // Back (empty, as after a restart without persistence): counting resumes by itself.
    redis = await startRedis(port);
    await until(
      'the instances to count again',
      async () => {
        await a.http().post(ApiRoutes.tickets).set(bearer(token)).send(ticketRequest());
        return (
          (await b.http().post(ApiRoutes.tickets).set(bearer(token)).send(ticketRequest()))
            .status === 429
        );
      },
      30_000,
    );
  });
});
