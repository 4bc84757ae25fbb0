import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { setEnum, withForeignKeysOff } from './sqlite-rebuild';

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
  'mark_invalid',
  'reply',
  'forward',
  'follow_up',
  'request_extension',
  'approve_extension',
  'reject_extension',
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
    return withForeignKeysOff(db, this.name, async () => {
      await db.addColumn(
        'ticket_category',
        new TableColumn({ name: 'serious', type: 'boolean', default: 0 }),
      );
      await db.addColumn(
        'ticket',
        new TableColumn({ name: 'serious', type: 'boolean', default: 0 }),
      );
      await this.setActions(db, NEW_ACTIONS);
    });
  }

  down(db: QueryRunner): Promise<void> {
    return withForeignKeysOff(db, this.name, async () => {
      await this.setActions(db, ACTIONS);
      await db.dropColumn('ticket', 'serious');
      await db.dropColumn('ticket_category', 'serious');
    });
  }

  private setActions(db: QueryRunner, actions: string[]): Promise<void> {
    return setEnum(db, 'ticket_event', 'action', actions);
  }
}
