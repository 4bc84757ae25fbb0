import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';
import { setEnum, withForeignKeysOff } from './sqlite-rebuild';
import { fk, instant, ref } from './column-helpers';

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
];
const NEW_ACTIONS = [...ACTIONS, 'request_extension', 'approve_extension', 'reject_extension'];

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
          {
            name: 'milestone',
            type: 'simple-enum',
            enum: ['respond', 'arrive', 'resolve', 'reply'],
          },
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
          {
            name: 'IDX_ticket_extension_community',
            columnNames: ['communityId', 'status', 'requestedAt'],
          },
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

  private setActions(db: QueryRunner, actions: string[]): Promise<void> {
    return withForeignKeysOff(db, this.name, () => setEnum(db, 'ticket_event', 'action', actions));
  }
}
