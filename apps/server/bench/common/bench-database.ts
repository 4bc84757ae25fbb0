/** What the benchmarks share to set up a MariaDB/MySQL database: a fresh one, and a DataSource on it. */
import 'reflect-metadata';
import { createConnection } from 'mysql2/promise';
import { parseMysqlUrl } from '../../src/config/app-config';
import type { MysqlDatabaseConfig } from '../../src/config/config-types';
import { ENTITIES } from '../../src/database/entities';

/** The database a mysql:// URL names; throws when the URL is not one. */
export function mysqlDatabase(url: string): MysqlDatabaseConfig {
  const db = parseMysqlUrl(url);
  if (typeof db === 'string') throw new Error(`BENCH_DATABASE_URL ${db}`);
  return db;
}

/** Drops the URL's database and creates it again, empty (utf8mb4). */
export async function recreateDatabase(url: string): Promise<void> {
  const db = mysqlDatabase(url);
  const admin = await createConnection({
    host: db.host,
    port: db.port,
    user: db.username,
    password: db.password,
  });
  await admin.query(`DROP DATABASE IF EXISTS \`${db.database}\``);
  await admin.query(
    `CREATE DATABASE \`${db.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await admin.end();
}

/** A DataSource's connection to the database as the server makes it (utf8mb4, UTC), with every entity. */
export function mysqlConnection(db: MysqlDatabaseConfig) {
  return {
    host: db.host,
    port: db.port,
    username: db.username,
    password: db.password,
    database: db.database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    entities: ENTITIES,
  };
}
