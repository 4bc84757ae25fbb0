import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { portableTable } from './portable-table';
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
  'reclassify',
];
const KINDS = ['ticket_assigned', 'ticket_updated', 'sla_warning', 'sla_escalated'];

/**
 * Planned water and power cuts (outage_notice), the reports linked to them (ticket.outageId), the
 * system action closing those reports, and notices as a kind of notification and WeChat message.
 */
export class OutageNotices1795358120000 implements MigrationInterface {
  name = 'OutageNotices1795358120000';
  transaction = false;

  up(db: QueryRunner): Promise<void> {
    return withForeignKeysOff(db, this.name, async () => {
      await db.createTable(
        portableTable(db, {
          name: 'outage_notice',
          columns: [
            { name: 'id', type: 'varchar', length: '36', isPrimary: true },
            { name: 'communityId', type: 'varchar', length: '36' },
            { name: 'kind', type: 'simple-enum', enum: ['water', 'power'] },
            { name: 'title', type: 'varchar', length: '60' },
            { name: 'body', type: 'varchar', length: '500' },
            { name: 'buildingIds', type: 'json' },
            { name: 'startsAt', type: 'datetime', precision: 3 },
            { name: 'endsAt', type: 'datetime', precision: 3 },
            { name: 'status', type: 'simple-enum', enum: ['active', 'closed'] },
            { name: 'createdById', type: 'varchar', length: '36', isNullable: true },
            { name: 'createdAt', type: 'datetime', precision: 3 },
            { name: 'closedById', type: 'varchar', length: '36', isNullable: true },
            { name: 'closedAt', type: 'datetime', precision: 3, isNullable: true },
            { name: 'closeNote', type: 'varchar', length: '200', isNullable: true },
          ],
          indices: [
            {
              name: 'IDX_outage_notice_community',
              columnNames: ['communityId', 'status', 'startsAt'],
            },
          ],
          foreignKeys: [
            {
              name: 'FK_outage_notice_community',
              columnNames: ['communityId'],
              referencedTableName: 'community',
              referencedColumnNames: ['id'],
              onDelete: 'CASCADE',
              onUpdate: 'RESTRICT',
            },
            {
              name: 'FK_outage_notice_creator',
              columnNames: ['createdById'],
              referencedTableName: 'user',
              referencedColumnNames: ['id'],
              onDelete: 'SET NULL',
              onUpdate: 'RESTRICT',
            },
            {
              name: 'FK_outage_notice_closer',
              columnNames: ['closedById'],
              referencedTableName: 'user',
              referencedColumnNames: ['id'],
              onDelete: 'SET NULL',
              onUpdate: 'RESTRICT',
            },
          ],
        }),
      );
      await db.addColumn(
        'ticket',
        new TableColumn({ name: 'outageId', type: 'varchar', length: '36', isNullable: true }),
      );
      await db.createIndex(
        'ticket',
        new TableIndex({ name: 'IDX_ticket_outage', columnNames: ['outageId'] }),
      );
      await db.createForeignKey(
        'ticket',
        new TableForeignKey({
          name: 'FK_ticket_outage',
          columnNames: ['outageId'],
          referencedTableName: 'outage_notice',
          referencedColumnNames: ['id'],
          onDelete: 'SET NULL',
          onUpdate: 'RESTRICT',
        }),
      );
      await setEnum(db, 'ticket_event', 'action', [...ACTIONS, 'outage_close']);
      await setEnum(db, 'notification', 'kind', [...KINDS, 'notice']);
      await setEnum(db, 'outbox_message', 'kind', [...KINDS, 'notice']);
    });
  }

  down(db: QueryRunner): Promise<void> {
    return withForeignKeysOff(db, this.name, async () => {
      await setEnum(db, 'outbox_message', 'kind', KINDS);
      await setEnum(db, 'notification', 'kind', KINDS);
      await setEnum(db, 'ticket_event', 'action', ACTIONS);
      await db.dropForeignKey('ticket', 'FK_ticket_outage');
      await db.dropIndex('ticket', 'IDX_ticket_outage');
      await db.dropColumn('ticket', 'outageId');
      await db.dropTable('outage_notice');
    });
  }
}
