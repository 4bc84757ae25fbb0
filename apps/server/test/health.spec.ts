import { ApiRoutes, DemoPersona, ERROR_MESSAGES, ErrorCode } from '@linli/contracts';
import { createRequire } from 'node:module';
import { isDatabaseUnavailable } from '../src/common/errors/database-unavailable';
import { HealthService } from '../src/modules/health/health.service';
import { ticketRequest } from './support/builders';
import { bearer, loginPersona } from './support/login';
import { createTestApp, TestApp } from './support/test-app';
import { useMysql } from './support/test-database';

/** better-sqlite3 (the server's SQLite driver) opened beside the server, as another process's writer would. */
const Database = createRequire(__filename)('better-sqlite3') as new (
  file: string,
  options: { timeout: number },
) => { exec(sql: string): void; close(): void };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('liveness and readiness', () => {
  it('answers liveness without the database, readiness with it', async () => {
    expect((await t.http().get(ApiRoutes.healthLive).expect(200)).body).toEqual({ status: 'ok' });
    expect((await t.http().get(ApiRoutes.healthReady).expect(200)).body).toEqual({
      status: 'ready',
      database: 'up',
      migrations: 'current',
    });
    // The README's check stays as it was.
    expect((await t.http().get(ApiRoutes.health).expect(200)).body).toMatchObject({
      status: 'ok',
      database: 'up',
    });
  });

  it('is not ready while a migration of this build has not run', async () => {
    const table = t.dataSource.options.migrationsTableName ?? 'migrations';
    const [last] = await t.dataSource.query(
      `SELECT id, timestamp, name FROM ${table} ORDER BY timestamp DESC LIMIT 1`,
    );
    await t.dataSource.query(`DELETE FROM ${table} WHERE id = ?`, [last.id]);
    try {
      // A fresh service: the app's own one has seen the migrations current and keeps that.
      const health = new HealthService(t.dataSource, t.clock);
      expect(await health.ready()).toEqual({
        status: 'not_ready',
        database: 'up',
        migrations: 'pending',
      });
      expect(await health.pendingMigrations()).toEqual([last.name]);
    } finally {
      await t.dataSource.query(`INSERT INTO ${table} (id, timestamp, name) VALUES (?, ?, ?)`, [
        last.id,
        last.timestamp,
        last.name,
      ]);
    }
    expect(await new HealthService(t.dataSource, t.clock).ready()).toMatchObject({
      status: 'ready',
    });
  });
});

describe('which errors mean the database is unavailable', () => {
  it.each([
    [
      'mysql2: refused',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), {
        code: 'ECONNREFUSED',
        errno: -111,
      }),
      true,
    ],
    [
      'mysql2: lost mid-query, wrapped by TypeORM',
      {
        name: 'QueryFailedError',
        message: 'Connection lost: The server closed the connection.',
        driverError: { code: 'PROTOCOL_CONNECTION_LOST' },
      },
      true,
    ],
    [
      'mysql2: server shutting down',
      {
        name: 'QueryFailedError',
        message: 'Server shutdown in progress',
        driverError: { code: 'ER_SERVER_SHUTDOWN', errno: 1053 },
      },
      true,
    ],
    ['mysql2: too many connections', { code: 'ER_CON_COUNT_ERROR', errno: 1040 }, true],
    [
      'mysql2: lock wait timeout',
      {
        name: 'QueryFailedError',
        message: 'Lock wait timeout exceeded',
        driverError: { code: 'ER_LOCK_WAIT_TIMEOUT', errno: 1205 },
      },
      true,
    ],
    [
      'better-sqlite3: busy',
      {
        name: 'QueryFailedError',
        message: 'SqliteError: database is locked',
        driverError: { code: 'SQLITE_BUSY' },
      },
      true,
    ],
    ['a cause chain', new Error('outer', { cause: { code: 'ETIMEDOUT' } }), true],
    [
      'a duplicate key is the request, not the database',
      {
        name: 'QueryFailedError',
        message: 'Duplicate entry',
        driverError: { code: 'ER_DUP_ENTRY', errno: 1062 },
      },
      false,
    ],
    [
      'a syntax error is a bug',
      {
        name: 'QueryFailedError',
        message: 'You have an error in your SQL syntax',
        driverError: { code: 'ER_PARSE_ERROR', errno: 1064 },
      },
      false,
    ],
    [
      'a constraint failure on SQLite',
      {
        name: 'QueryFailedError',
        message: 'UNIQUE constraint failed',
        driverError: { code: 'SQLITE_CONSTRAINT_UNIQUE' },
      },
      false,
    ],
    ['not an error', 'ECONNREFUSED', false],
  ])('%s', (_, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});

/**
 * The embedded database is locked by another writer for longer than the busy timeout: a submit answers
 * 503 with the Chinese message, not a 500, and the same submit succeeds once the lock is gone.
 * (MariaDB going away under load is test:resilience's database-outage spec.)
 */
(useMysql ? describe.skip : describe)('SQLite locked by another writer', () => {
  it('answers 503 DATABASE_UNAVAILABLE, then works again once the lock is released', async () => {
    const session = await loginPersona(t, DemoPersona.Resident);
    const config = t.config.database;
    if (config.type !== 'sqlite') throw new Error('sqlite only');
    const other = new Database(config.path, { timeout: 0 });
    const body = ticketRequest();
    try {
      other.exec('BEGIN EXCLUSIVE');
      const res = await t.http().post(ApiRoutes.tickets).set(bearer(session)).send(body);
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        code: ErrorCode.DATABASE_UNAVAILABLE,
        message: ERROR_MESSAGES[ErrorCode.DATABASE_UNAVAILABLE],
      });
      expect(res.body.message).toBe('系统繁忙，请稍后再试');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await t.http().post(ApiRoutes.tickets).set(bearer(session)).send(body).expect(201);
  }, 30_000);
});
