import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = ['submitted', 'assigned', 'accepted', 'on_site', 'on_hold', 'resolved', 'closed', 'cancelled'];
const ACTIONS = ['submit', 'assign', 'accept', 'arrive', 'resolve', 'confirm', 'reopen', 'cancel', 'hold', 'resume', 'transfer', 'auto_close', 'sla_warning', 'escalate'];
const NEW_STATUSES = [...STATUSES, 'invalid', 'forwarded'];
const NEW_ACTIONS = [...ACTIONS, 'mark_invalid', 'reply', 'forward', 'follow_up'];

/** Which enum columns change: [table, column, nullable]. */
const COLUMNS: [string, string, boolean, 'status' | 'action'][] = [
  ['ticket', 'status', false, 'status'],
  ['ticket_event', 'action', false, 'action'],
  ['ticket_event', 'fromStatus', true, 'status'],
  ['ticket_event', 'toStatus', false, 'status'],
];

/**
 * Invalid complaints and tickets forwarded to the developer or an outside agency: two statuses and
 * four actions more in the ticket and event enum columns.
 *
 * MySQL/MariaDB changes an ENUM in place. SQLite keeps the values in a CHECK constraint, so the table
 * is rebuilt (TypeORM's changeColumn); that must run with foreign keys off, or dropping the old table
 * would cascade into the rows that reference it (notifications, milestones…). PRAGMA foreign_keys is
 * ignored inside a transaction, hence `transaction = false` and the explicit transaction here, then
 * a foreign_key_check before foreign keys come back on (SQLite's documented procedure).
 */
export class TicketInvalidAndForwarded1795357860000 implements MigrationInterface {
  name = 'TicketInvalidAndForwarded1795357860000';
  transaction = false;

  up(db: QueryRunner): Promise<void> {
    return this.setEnums(db, NEW_STATUSES, NEW_ACTIONS);
  }

  down(db: QueryRunner): Promise<void> {
    return this.setEnums(db, STATUSES, ACTIONS);
  }

  private async setEnums(db: QueryRunner, statuses: string[], actions: string[]): Promise<void> {
    const values = { status: statuses, action: actions };
    if (db.connection.driver.options.type !== 'better-sqlite3') {
      for (const [table, column, nullable, kind] of COLUMNS) {
        const list = values[kind].map((v) => `'${v}'`).join(',');
        await db.query(`ALTER TABLE \`${table}\` MODIFY \`${column}\` enum (${list}) ${nullable ? 'NULL' : 'NOT NULL'}`);
      }
      return;
    }
    await db.query('PRAGMA foreign_keys = OFF');
    try {
      // Inside an outer transaction (e.g. runMigrations({ transaction: 'all' })) the PRAGMA is silently
      // ignored and the rebuild would delete every row that references a ticket: refuse instead.
      const [{ foreign_keys: enforced }] = (await db.query('PRAGMA foreign_keys')) as { foreign_keys: number }[];
      if (enforced) throw new Error(`${this.name} rebuilds tables on SQLite and must run outside a transaction (migrationsTransactionMode 'each')`);
      await db.startTransaction();
      try {
        for (const tableName of ['ticket', 'ticket_event']) {
          const table = await db.getTable(tableName);
          if (!table) throw new Error(`table ${tableName} is missing`);
          for (const [t, column, , kind] of COLUMNS) {
            if (t !== tableName) continue;
            const old = table.findColumnByName(column);
            if (!old) throw new Error(`column ${tableName}.${column} is missing`);
            const next = old.clone();
            next.enum = values[kind];
            await db.changeColumn(table, old, next);
          }
        }
        const broken = (await db.query('PRAGMA foreign_key_check')) as unknown[];
        if (broken.length > 0) throw new Error(`foreign keys broken by the rebuild: ${JSON.stringify(broken.slice(0, 5))}`);
        await db.commitTransaction();
      } catch (err) {
        await db.rollbackTransaction();
        throw err;
      }
    } finally {
      await db.query('PRAGMA foreign_keys = ON');
    }
  }
}
