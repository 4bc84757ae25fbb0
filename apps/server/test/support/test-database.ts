import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { AppConfig, MysqlDatabaseConfig, parseMysqlUrl } from '../../src/config/app-config';

/**
 * A fresh, empty database for one test app: a new SQLite file under the OS temp dir by default, or with
 * LINLI_TEST_DB=mysql a new database on the server of TEST_DATABASE_URL. There is no skipping: if the
 * server is not reachable the tests fail (CI must never pass without having run them).
 */
export const useMysql = process.env.LINLI_TEST_DB === 'mysql';
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/linli_test';

let counter = 0;

export interface TestDatabase {
  config: AppConfig['database'];
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  counter += 1;
  if (!useMysql) {
    const dir = mkdtempSync(path.join(tmpdir(), 'linli-test-'));
    return {
      config: { type: 'sqlite', path: path.join(dir, 'linli.sqlite') },
      drop: async () => undefined,
    };
  }
  const base = parseMysqlUrl(TEST_DATABASE_URL);
  if (typeof base === 'string') throw new Error(`TEST_DATABASE_URL ${base}`);
  // One database per test app: worker processes and concurrent runs never share one.
  const config: MysqlDatabaseConfig = {
    ...base,
    database: `${base.database}_${process.pid}_${counter}`,
  };
  await admin(config, `DROP DATABASE IF EXISTS \`${config.database}\``);
  await admin(
    config,
    `CREATE DATABASE \`${config.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  return { config, drop: () => admin(config, `DROP DATABASE IF EXISTS \`${config.database}\``) };
}

async function admin(db: MysqlDatabaseConfig, sql: string): Promise<void> {
  const connection = await createConnection({
    host: db.host,
    port: db.port,
    user: db.username,
    password: db.password,
  });
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}
