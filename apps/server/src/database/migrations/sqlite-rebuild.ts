import { QueryRunner } from 'typeorm';

/**
 * FROZEN and append-only, like column-helpers.ts: shipped migrations depend on exactly this behaviour.
 *
 * For migrations that change enums or add columns: on SQLite those rebuild the table, which must
 * happen with foreign keys off, or dropping the old table would cascade into the rows that reference
 * it. PRAGMA foreign_keys is ignored inside a transaction, so such a migration sets `transaction =
 * false` and runs its work here: foreign keys off, one explicit transaction, a foreign_key_check
 * before committing (SQLite's documented procedure). On MySQL/MariaDB the work runs as is.
 */
export async function withForeignKeysOff(
  db: QueryRunner,
  migration: string,
  work: () => Promise<void>,
): Promise<void> {
  if (db.connection.driver.options.type !== 'better-sqlite3') return work();
  await db.query('PRAGMA foreign_keys = OFF');
  try {
    const [{ foreign_keys: enforced }] = (await db.query('PRAGMA foreign_keys')) as {
      foreign_keys: number;
    }[];
    if (enforced)
      throw new Error(
        `${migration} rebuilds tables on SQLite and must run outside a transaction (migrationsTransactionMode 'each')`,
      );
    await db.startTransaction();
    try {
      await work();
      const broken = (await db.query('PRAGMA foreign_key_check')) as unknown[];
      if (broken.length > 0)
        throw new Error(
          `foreign keys broken by the rebuild: ${JSON.stringify(broken.slice(0, 5))}`,
        );
      await db.commitTransaction();
    } catch (err) {
      await db.rollbackTransaction();
      throw err;
    }
  } finally {
    await db.query('PRAGMA foreign_keys = ON');
  }
}

/** Sets the values of an enum column: ALTER … MODIFY on MySQL/MariaDB, a rebuild of the CHECK on SQLite. */
export async function setEnum(
  db: QueryRunner,
  table: string,
  column: string,
  values: readonly string[],
  nullable = false,
): Promise<void> {
  if (db.connection.driver.options.type !== 'better-sqlite3') {
    await db.query(
      `ALTER TABLE \`${table}\` MODIFY \`${column}\` enum (${values.map((v) => `'${v}'`).join(',')}) ${nullable ? 'NULL' : 'NOT NULL'}`,
    );
    return;
  }
  const t = await db.getTable(table);
  const old = t?.findColumnByName(column);
  if (!t || !old) throw new Error(`${table}.${column} is missing`);
  const next = old.clone();
  next.enum = [...values];
  await db.changeColumn(t, old, next);
}

/**
 * Turns an enum column into a plain varchar of `length` (added for the growing enums, 1795450000000):
 * ALTER … MODIFY on MySQL/MariaDB (the values stay), a rebuild without the CHECK on SQLite. The allowed
 * values are then the application's to check, so a new value needs no migration.
 */
export async function enumToVarchar(
  db: QueryRunner,
  table: string,
  column: string,
  length: number,
  nullable = false,
): Promise<void> {
  if (db.connection.driver.options.type !== 'better-sqlite3') {
    await db.query(
      `ALTER TABLE \`${table}\` MODIFY \`${column}\` varchar(${length}) ${nullable ? 'NULL' : 'NOT NULL'}`,
    );
    return;
  }
  const t = await db.getTable(table);
  const old = t?.findColumnByName(column);
  if (!t || !old) throw new Error(`${table}.${column} is missing`);
  const next = old.clone();
  next.type = 'varchar';
  next.length = String(length);
  next.enum = undefined;
  await db.changeColumn(t, old, next);
}
