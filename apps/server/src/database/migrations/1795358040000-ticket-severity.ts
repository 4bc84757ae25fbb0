import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

const ACTIONS = [
  'submit', 'assign', 'accept', 'arrive', 'resolve', 'confirm', 'reopen', 'cancel', 'hold', 'resume', 'transfer', 'auto_close', 'sla_warning', 'escalate',
  'mark_invalid', 'reply', 'forward', 'follow_up', 'request_extension', 'approve_extension', 'reject_extension',
];
const NEW_ACTIONS = [...ACTIONS, 'reclassify'];

/**
 * Severity beside urgency (the emergency flag): a default per category and a value per ticket, and
 * the timeline action that records a change of either. Runs outside a transaction: on SQLite adding
 * columns and changing the enum rebuild tables, which must happen with foreign keys off (see
 * TicketInvalidAndForwarded1795357860000).
 */
export class TicketSeverity1795358040000 implements MigrationInterface {
  name = 'TicketSeverity1795358040000';
  transaction = false;

  up(db: QueryRunner): Promise<void> {
    return this.withForeignKeysOff(db, async () => {
      await db.addColumn('ticket_category', new TableColumn({ name: 'serious', type: 'boolean', default: 0 }));
      await db.addColumn('ticket', new TableColumn({ name: 'serious', type: 'boolean', default: 0 }));
      await this.setActions(db, NEW_ACTIONS);
    });
  }

  down(db: QueryRunner): Promise<void> {
    return this.withForeignKeysOff(db, async () => {
      await this.setActions(db, ACTIONS);
      await db.dropColumn('ticket', 'serious');
      await db.dropColumn('ticket_category', 'serious');
    });
  }

  private async setActions(db: QueryRunner, actions: string[]): Promise<void> {
    if (db.connection.driver.options.type !== 'better-sqlite3') {
      await db.query(`ALTER TABLE \`ticket_event\` MODIFY \`action\` enum (${actions.map((v) => `'${v}'`).join(',')}) NOT NULL`);
      return;
    }
    const table = await db.getTable('ticket_event');
    const old = table?.findColumnByName('action');
    if (!table || !old) throw new Error('ticket_event.action is missing');
    const next = old.clone();
    next.enum = actions;
    await db.changeColumn(table, old, next);
  }

  /** MySQL: DDL as is. SQLite: foreign keys off, one transaction, a foreign_key_check before committing. */
  private async withForeignKeysOff(db: QueryRunner, work: () => Promise<void>): Promise<void> {
    if (db.connection.driver.options.type !== 'better-sqlite3') return work();
    await db.query('PRAGMA foreign_keys = OFF');
    try {
      const [{ foreign_keys: enforced }] = (await db.query('PRAGMA foreign_keys')) as { foreign_keys: number }[];
      if (enforced) throw new Error(`${this.name} rebuilds tables on SQLite and must run outside a transaction (migrationsTransactionMode 'each')`);
      await db.startTransaction();
      try {
        await work();
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
