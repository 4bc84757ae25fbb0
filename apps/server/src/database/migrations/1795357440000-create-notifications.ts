import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';

const KINDS = ['ticket_assigned', 'ticket_updated', 'sla_warning', 'sla_escalated'];

/** The in-app inbox: one row per recipient and message, written in the transaction of the change it reports. */
export class CreateNotifications1795357440000 implements MigrationInterface {
  name = 'CreateNotifications1795357440000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'notification',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'userId', type: 'varchar', length: '36' },
          { name: 'kind', type: 'simple-enum', enum: KINDS },
          { name: 'title', type: 'varchar', length: '50' },
          { name: 'body', type: 'varchar', length: '200' },
          { name: 'ticketId', type: 'varchar', length: '36', isNullable: true },
          { name: 'createdAt', type: 'datetime', precision: 3 },
          { name: 'readAt', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          { name: 'IDX_notification_user_created', columnNames: ['userId', 'createdAt'] },
          { name: 'IDX_notification_user_read', columnNames: ['userId', 'readAt'] },
        ],
        foreignKeys: [
          {
            name: 'FK_notification_user',
            columnNames: ['userId'],
            referencedTableName: 'user',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_notification_ticket',
            columnNames: ['ticketId'],
            referencedTableName: 'ticket',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('notification');
  }
}
