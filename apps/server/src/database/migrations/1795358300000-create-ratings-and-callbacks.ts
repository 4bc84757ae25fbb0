import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';

const SATISFACTION = ['satisfied', 'basic', 'dissatisfied'];
const OUTCOMES = ['satisfied', 'basic', 'dissatisfied', 'unreachable'];
const CHANNELS = ['phone', 'in_person', 'wechat'];
const REASONS = ['complaint', 'dissatisfied', 'sample', 'care'];
const STATUSES = ['due', 'retrying', 'done', 'unreachable'];

const fk = (
  table: string,
  column: string,
  target: string,
  onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL' = 'RESTRICT',
) => ({
  name: `FK_${table}_${column.replace(/Id$/, '')}`,
  columnNames: [column],
  referencedTableName: target,
  referencedColumnNames: ['id'],
  onDelete,
  onUpdate: 'RESTRICT',
});

/**
 * Ratings (评价) and callbacks (回访), issue #11. In their own tables rather than as ticket events, so
 * the ticket's action enum stays as it is; the ticket's feedback is read beside its timeline.
 * - ticket_rating: one per ticket and resolution round (unique), what the resident said, never updated;
 * - ticket_rating_addendum: later words of the resident, kept apart so the rating itself never changes;
 * - callback_sample: the month's stored seed and draw (with why each ticket was chosen);
 * - callback_task: who calls whom about what, by when, the outcome and the in-person signature
 *   (an attachment that belongs to this one callback: unique);
 * - callback_attempt: every attempt with its channel and the resident's words.
 */
export class CreateRatingsAndCallbacks1795358300000 implements MigrationInterface {
  name = 'CreateRatingsAndCallbacks1795358300000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'ticket_rating',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'ticketId', type: 'varchar', length: '36' },
          { name: 'round', type: 'int' },
          { name: 'raterId', type: 'varchar', length: '36' },
          { name: 'handlerId', type: 'varchar', length: '36', isNullable: true },
          { name: 'overall', type: 'simple-enum', enum: SATISFACTION },
          { name: 'speed', type: 'int' },
          { name: 'attitude', type: 'int' },
          { name: 'quality', type: 'int' },
          { name: 'tags', type: 'json' },
          { name: 'comment', type: 'varchar', length: '500', isNullable: true },
          { name: 'createdAt', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'IDX_ticket_rating_round', columnNames: ['ticketId', 'round'], isUnique: true },
          { name: 'IDX_ticket_rating_handler', columnNames: ['handlerId', 'createdAt'] },
        ],
        foreignKeys: [
          fk('ticket_rating', 'ticketId', 'ticket', 'CASCADE'),
          fk('ticket_rating', 'raterId', 'user'),
          fk('ticket_rating', 'handlerId', 'user', 'SET NULL'),
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'ticket_rating_addendum',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'ratingId', type: 'varchar', length: '36' },
          { name: 'authorId', type: 'varchar', length: '36' },
          { name: 'text', type: 'varchar', length: '500' },
          { name: 'createdAt', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'IDX_ticket_rating_addendum_rating', columnNames: ['ratingId', 'createdAt'] },
        ],
        foreignKeys: [
          fk('ticket_rating_addendum', 'ratingId', 'ticket_rating', 'CASCADE'),
          fk('ticket_rating_addendum', 'authorId', 'user'),
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'callback_sample',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'communityId', type: 'varchar', length: '36' },
          { name: 'month', type: 'varchar', length: '7' },
          { name: 'seed', type: 'int' },
          { name: 'candidates', type: 'int' },
          { name: 'items', type: 'json' },
          { name: 'drawnById', type: 'varchar', length: '36', isNullable: true },
          { name: 'drawnAt', type: 'datetime', precision: 3 },
        ],
        indices: [
          {
            name: 'IDX_callback_sample_month',
            columnNames: ['communityId', 'month'],
            isUnique: true,
          },
        ],
        foreignKeys: [
          fk('callback_sample', 'communityId', 'community', 'CASCADE'),
          fk('callback_sample', 'drawnById', 'user', 'SET NULL'),
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'callback_task',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'communityId', type: 'varchar', length: '36' },
          { name: 'buildingId', type: 'varchar', length: '36' },
          { name: 'householdId', type: 'varchar', length: '36' },
          { name: 'ticketId', type: 'varchar', length: '36', isNullable: true },
          { name: 'sampleId', type: 'varchar', length: '36', isNullable: true },
          { name: 'reason', type: 'simple-enum', enum: REASONS },
          { name: 'status', type: 'simple-enum', enum: STATUSES },
          { name: 'assigneeId', type: 'varchar', length: '36', isNullable: true },
          { name: 'careDueOn', type: 'varchar', length: '10', isNullable: true },
          { name: 'supervisorCheck', type: 'boolean', default: 0 },
          { name: 'inPersonRequired', type: 'boolean', default: 0 },
          { name: 'dueAt', type: 'datetime', precision: 3 },
          { name: 'nextCheckAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'escalatedAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'attempts', type: 'int', default: 0 },
          { name: 'outcome', type: 'simple-enum', enum: OUTCOMES, isNullable: true },
          { name: 'channel', type: 'simple-enum', enum: CHANNELS, isNullable: true },
          { name: 'residentWords', type: 'varchar', length: '500', isNullable: true },
          { name: 'signatureId', type: 'varchar', length: '36', isNullable: true },
          { name: 'doneAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'doneById', type: 'varchar', length: '36', isNullable: true },
          { name: 'createdAt', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'IDX_callback_task_assignee_status', columnNames: ['assigneeId', 'status'] },
          {
            name: 'IDX_callback_task_community_created',
            columnNames: ['communityId', 'createdAt'],
          },
          { name: 'IDX_callback_task_ticket', columnNames: ['ticketId'] },
          { name: 'IDX_callback_task_household', columnNames: ['householdId', 'createdAt'] },
          { name: 'IDX_callback_task_next_check', columnNames: ['nextCheckAt'] },
          { name: 'IDX_callback_task_signature', columnNames: ['signatureId'], isUnique: true },
          {
            name: 'IDX_callback_task_care',
            columnNames: ['householdId', 'careDueOn'],
            isUnique: true,
          },
        ],
        foreignKeys: [
          fk('callback_task', 'communityId', 'community'),
          fk('callback_task', 'buildingId', 'building'),
          fk('callback_task', 'householdId', 'household'),
          fk('callback_task', 'ticketId', 'ticket', 'CASCADE'),
          fk('callback_task', 'sampleId', 'callback_sample', 'SET NULL'),
          fk('callback_task', 'assigneeId', 'user'),
          fk('callback_task', 'signatureId', 'attachment'),
          fk('callback_task', 'doneById', 'user'),
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'callback_attempt',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'callbackId', type: 'varchar', length: '36' },
          { name: 'callerId', type: 'varchar', length: '36' },
          { name: 'outcome', type: 'simple-enum', enum: OUTCOMES },
          { name: 'channel', type: 'simple-enum', enum: CHANNELS },
          { name: 'residentWords', type: 'varchar', length: '500', isNullable: true },
          { name: 'at', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'IDX_callback_attempt_callback', columnNames: ['callbackId', 'at'] }],
        foreignKeys: [
          fk('callback_attempt', 'callbackId', 'callback_task', 'CASCADE'),
          fk('callback_attempt', 'callerId', 'user'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('callback_attempt');
    await db.dropTable('callback_task');
    await db.dropTable('callback_sample');
    await db.dropTable('ticket_rating_addendum');
    await db.dropTable('ticket_rating');
  }
}
