import { MigrationInterface, QueryRunner, TableForeignKeyOptions } from 'typeorm';
import { portableTable } from './portable-table';
import { instant, ref, text } from './column-helpers';

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
const HOLD_REASONS = ['waiting_resident', 'resident_appointment', 'waiting_parts'];
const MILESTONES = ['respond', 'arrive', 'resolve', 'reply'];
const KINDS = ['repair_home', 'repair_common', 'complaint', 'inquiry', 'suggestion', 'praise'];
const CHANNELS = ['mini_program', 'hotline', 'walk_in', 'patrol', 'wechat_chat'];

const fk = (
  name: string,
  column: string,
  table: string,
  referenced = 'id',
  onDelete = 'RESTRICT',
): TableForeignKeyOptions => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: [referenced],
  onDelete,
  onUpdate: 'RESTRICT',
});

/** Tickets (报事), their event history and time limits, and the per-day counter behind ticket codes such as BX20261122-0007. */
export class CreateTickets1795357320000 implements MigrationInterface {
  name = 'CreateTickets1795357320000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'ticket',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          text('code', 20),
          { name: 'kind', type: 'simple-enum', enum: KINDS },
          text('categoryCode', 32),
          text('description', 500),
          { name: 'status', type: 'simple-enum', enum: STATUSES },
          { name: 'emergency', type: 'boolean', default: 0 },
          ref('householdId'),
          ref('roomId'),
          ref('buildingId'),
          ref('communityId'),
          ref('reporterId'),
          ref('assigneeId', true),
          { name: 'channel', type: 'simple-enum', enum: CHANNELS },
          text('idempotencyKey', 64),
          instant('preferredVisitAt', true),
          { name: 'holdReason', type: 'simple-enum', enum: HOLD_REASONS, isNullable: true },
          // Stretches when the time limits stood still: [{ from, to|null }] as ISO instants.
          { name: 'pauses', type: 'json' },
          { name: 'reopenCount', type: 'int', default: 0 },
          { name: 'escalationLevel', type: 'int', default: 0 },
          instant('escalatedAt', true),
          instant('resolvedAt', true),
          // When the sweep must next look at this ticket (a warning point, a deadline, an escalation or auto-close time).
          instant('nextCheckAt', true),
          { name: 'version', type: 'int' },
          instant('createdAt'),
          instant('updatedAt'),
        ],
        indices: [
          { name: 'IDX_ticket_code', columnNames: ['code'], isUnique: true },
          {
            name: 'IDX_ticket_reporter_idempotency',
            columnNames: ['reporterId', 'idempotencyKey'],
            isUnique: true,
          },
          { name: 'IDX_ticket_assignee_status', columnNames: ['assigneeId', 'status'] },
          { name: 'IDX_ticket_building_status', columnNames: ['buildingId', 'status'] },
          { name: 'IDX_ticket_household_created', columnNames: ['householdId', 'createdAt'] },
          { name: 'IDX_ticket_next_check', columnNames: ['nextCheckAt'] },
          { name: 'IDX_ticket_community_created', columnNames: ['communityId', 'createdAt'] },
        ],
        foreignKeys: [
          fk('FK_ticket_category', 'categoryCode', 'ticket_category', 'code'),
          fk('FK_ticket_household', 'householdId', 'household'),
          fk('FK_ticket_room', 'roomId', 'room'),
          fk('FK_ticket_building', 'buildingId', 'building'),
          fk('FK_ticket_community', 'communityId', 'community'),
          fk('FK_ticket_reporter', 'reporterId', 'user'),
          fk('FK_ticket_assignee', 'assigneeId', 'user'),
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'ticket_event',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          ref('ticketId'),
          { name: 'version', type: 'int' },
          { name: 'action', type: 'simple-enum', enum: ACTIONS },
          { name: 'fromStatus', type: 'simple-enum', enum: STATUSES, isNullable: true },
          { name: 'toStatus', type: 'simple-enum', enum: STATUSES },
          ref('actorId', true),
          text('note', 500, true),
          instant('at'),
        ],
        indices: [
          {
            name: 'IDX_ticket_event_ticket_version',
            columnNames: ['ticketId', 'version'],
            isUnique: true,
          },
        ],
        foreignKeys: [
          fk('FK_ticket_event_ticket', 'ticketId', 'ticket', 'id', 'CASCADE'),
          fk('FK_ticket_event_actor', 'actorId', 'user'),
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'ticket_milestone',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          ref('ticketId'),
          { name: 'milestone', type: 'simple-enum', enum: MILESTONES },
          text('policyCode', 40),
          text('policyName', 50),
          { name: 'limitSpec', type: 'json' },
          instant('startAt'),
          instant('metAt', true),
          instant('warnedAt', true),
          instant('breachedAt', true),
        ],
        indices: [
          {
            name: 'IDX_ticket_milestone_ticket',
            columnNames: ['ticketId', 'milestone'],
            isUnique: true,
          },
        ],
        foreignKeys: [fk('FK_ticket_milestone_ticket', 'ticketId', 'ticket', 'id', 'CASCADE')],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'ticket_sequence',
        columns: [
          { name: 'dayKey', type: 'varchar', length: '10', isPrimary: true },
          { name: 'lastValue', type: 'int' },
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('ticket_sequence');
    await db.dropTable('ticket_milestone');
    await db.dropTable('ticket_event');
    await db.dropTable('ticket');
  }
}
