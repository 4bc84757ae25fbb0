import { MigrationInterface, QueryRunner, TableColumnOptions, TableForeignKeyOptions } from 'typeorm';
import { portableTable } from './portable-table';

const ACTIONS = [
  'submit', 'assign', 'accept', 'arrive', 'resolve', 'confirm', 'reopen', 'cancel', 'hold', 'resume', 'transfer', 'auto_close', 'sla_warning', 'escalate',
  'mark_invalid', 'reply', 'forward', 'follow_up',
];
const NEW_ACTIONS = [...ACTIONS, 'request_extension', 'approve_extension', 'reject_extension'];

const ref = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable });
const instant = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable });
const fk = (name: string, column: string, table: string, onDelete: string): TableForeignKeyOptions => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
  onUpdate: 'RESTRICT',
});

/**
 * Deadline extensions: the requests and decisions, and three event actions more on the ticket's
 * timeline. The enum change rebuilds ticket_event on SQLite, with foreign keys off and outside a
 * transaction, as TicketInvalidAndForwarded1795357860000 explains.
 */
export class TicketExtensions1795357980000 implements MigrationInterface {
  name = 'TicketExtensions1795357980000';
  transaction = false;

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'ticket_extension',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          ref('ticketId'),
          ref('communityId'),
          { name: 'milestone', type: 'simple-enum', enum: ['respond', 'arrive', 'resolve', 'reply'] },
          { name: 'status', type: 'simple-enum', enum: ['pending', 'approved', 'rejected'] },
          { name: 'reason', type: 'varchar', length: '200' },
          ref('requestedById', true),
          instant('requestedAt'),
          instant('previousDueAt'),
          instant('requestedDueAt'),
          ref('decidedById', true),
          instant('decidedAt', true),
          { name: 'decisionNote', type: 'varchar', length: '200', isNullable: true },
        ],
        indices: [
          { name: 'IDX_ticket_extension_ticket', columnNames: ['ticketId', 'requestedAt'] },
          { name: 'IDX_ticket_extension_community', columnNames: ['communityId', 'status', 'requestedAt'] },
        ],
        foreignKeys: [
          fk('FK_ticket_extension_ticket', 'ticketId', 'ticket', 'CASCADE'),
          fk('FK_ticket_extension_requester', 'requestedById', 'user', 'SET NULL'),
          fk('FK_ticket_extension_decider', 'decidedById', 'user', 'SET NULL'),
        ],
      }),
    );
    await this.setActions(db, NEW_ACTIONS);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.setActions(db, ACTIONS);
    await db.dropTable('ticket_extension');
  }

  private async setActions(db: QueryRunner, actions: string[]): Promise<void> {
    if (db.connection.driver.options.type !== 'better-sqlite3') {
      await db.query(`ALTER TABLE \`ticket_event\` MODIFY \`action\` enum (${actions.map((v) => `'${v}'`).join(',')}) NOT NULL`);
      return;
    }
    await db.query('PRAGMA foreign_keys = OFF');
    try {
      const [{ foreign_keys: enforced }] = (await db.query('PRAGMA foreign_keys')) as { foreign_keys: number }[];
      if (enforced) throw new Error(`${this.name} rebuilds tables on SQLite and must run outside a transaction (migrationsTransactionMode 'each')`);
      await db.startTransaction();
      try {
        const table = await db.getTable('ticket_event');
        const old = table?.findColumnByName('action');
        if (!table || !old) throw new Error('ticket_event.action is missing');
        const next = old.clone();
        next.enum = actions;
        await db.changeColumn(table, old, next);
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
