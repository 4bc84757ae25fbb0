import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { TypeOrmNestLogger } from './typeorm-logger';

/**
 * One set of options for SQLite (embedded, the default) and MySQL/MariaDB. Schema changes only ever
 * come from migrations, which run at boot.
 */
export function dataSourceOptions(
  database: AppConfig['database'],
  mysqlFlavour: 'mysql' | 'mariadb' = 'mysql',
): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logger: new TypeOrmNestLogger(),
  };
  if (database.type === 'sqlite') {
    return { ...common, type: 'better-sqlite3', database: database.path, enableWAL: true };
  }
  return {
    ...common,
    type: mysqlFlavour,
    host: database.host,
    port: database.port,
    username: database.username,
    password: database.password,
    database: database.database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
  };
}
