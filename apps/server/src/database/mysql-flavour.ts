import { createConnection } from 'mysql2/promise';
import { MysqlDatabaseConfig } from '../config/app-config';

/**
 * 'mariadb' or 'mysql': TypeORM reads MariaDB's information_schema differently (e.g. COLUMN_DEFAULT
 * 'NULL'), so the driver type must match the server or the schema never looks in sync.
 */
export async function detectMysqlFlavour(db: MysqlDatabaseConfig): Promise<'mariadb' | 'mysql'> {
  const connection = await createConnection({
    host: db.host,
    port: db.port,
    user: db.username,
    password: db.password,
  });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = String((rows as { version: string }[])[0]?.version ?? '');
    return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}
