import { MigrationInterface, QueryRunner } from 'typeorm';
import { setEnum, withForeignKeysOff } from './sqlite-rebuild';

const STATUSES = [
  'submitted',
  'assigned',
  'accepted',
  'on_site',
  'on_hold',
  'resolved',
  'closed',
  'cancelled',
];
const ACTIONS = [
  'submit',
  'assign',
  'accept',
  'arrive',
  'resolve',
  'confirm',
  'reopen',
  'cancel',
  'hold',
  'resume',
  'transfer',
  'auto_close',
  'sla_warning',
  'escalate',
];
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

  private setEnums(db: QueryRunner, statuses: string[], actions: string[]): Promise<void> {
    const values = { status: statuses, action: actions };
    return withForeignKeysOff(db, this.name, async () => {
      for (const [table, column, nullable, kind] of COLUMNS)
        await setEnum(db, table, column, values[kind], nullable);
    });
  }
}
