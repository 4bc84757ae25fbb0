import { ApiRoutes, DemoPersona, SessionDto } from '@linli/contracts';
import { appendFileSync } from 'node:fs';
import { createConnection } from 'mysql2/promise';
import { MysqlDatabaseConfig } from '../../src/config/app-config';
import { TestDatabase } from '../support/test-database';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

export function mysqlConfig(db: TestDatabase): MysqlDatabaseConfig {
  if (db.config.type !== 'mysql')
    throw new Error('test:resilience runs on MariaDB (LINLI_TEST_DB=mysql)');
  return db.config;
}

/** Runs SQL on the test database directly (not through any server): what is really stored. */
export async function sql<T = Record<string, unknown>>(
  db: TestDatabase,
  query: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = mysqlConfig(db);
  const connection = await createConnection({
    host: c.host,
    port: c.port,
    user: c.username,
    password: c.password,
    database: c.database,
  });
  try {
    const [rows] = await connection.query(query, params);
    return rows as T[];
  } finally {
    await connection.end();
  }
}

export interface HttpAnswer {
  status: number;
  body: unknown;
}

/** One HTTP call to a server process; a network failure (refused, reset) is status 0. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<HttpAnswer> {
  try {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: kept as text, and the assertions on {code, message} will say so
    }
    return { status: res.status, body: parsed };
  } catch {
    return { status: 0, body: null };
  }
}

export async function login(baseUrl: string, persona: DemoPersona): Promise<string> {
  const res = await call(baseUrl, 'POST', ApiRoutes.demoLogin, undefined, { persona });
  if (res.status !== 200)
    throw new Error(`demo login as ${persona} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as SessionDto).token;
}

/** Signs in through the real WeChat login path (a server with WECHAT_APPID has no demo login): the code minted by the local WeChat server. */
export async function loginWechat(
  baseUrl: string,
  wechat: { mintCode(openid: string): string },
  openid: string,
): Promise<string> {
  const res = await call(baseUrl, 'POST', ApiRoutes.wechatLogin, undefined, {
    code: wechat.mintCode(openid),
  });
  if (res.status !== 200)
    throw new Error(`login as ${openid} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as SessionDto).token;
}

/**
 * A figure for `pnpm --filter @linli/server bench:resilience` (bench/resilience.ts): appended as one JSON
 * line to LINLI_RESILIENCE_RECORD when set; nothing otherwise.
 */
export function record(name: string, value: number): void {
  const file = process.env.LINLI_RESILIENCE_RECORD;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ name, value })}\n`);
}
