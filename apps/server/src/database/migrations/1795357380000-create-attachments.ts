import { MigrationInterface, QueryRunner, TableForeignKeyOptions } from 'typeorm';
import { portableTable } from './portable-table';

const fk = (name: string, column: string, table: string): TableForeignKeyOptions => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'RESTRICT',
  onUpdate: 'RESTRICT',
});

/** Uploaded photos, owned by their uploader until attached to a ticket or one of its events. */
export class CreateAttachments1795357380000 implements MigrationInterface {
  name = 'CreateAttachments1795357380000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'attachment',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'ownerId', type: 'varchar', length: '36' },
          { name: 'ticketId', type: 'varchar', length: '36', isNullable: true },
          { name: 'eventId', type: 'varchar', length: '36', isNullable: true },
          { name: 'mimeType', type: 'varchar', length: '32' },
          { name: 'size', type: 'int' },
          { name: 'storageKey', type: 'varchar', length: '200' },
          { name: 'createdAt', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'IDX_attachment_ticket', columnNames: ['ticketId'] },
          { name: 'IDX_attachment_owner', columnNames: ['ownerId'] },
        ],
        foreignKeys: [
          fk('FK_attachment_owner', 'ownerId', 'user'),
          fk('FK_attachment_ticket', 'ticketId', 'ticket'),
          fk('FK_attachment_event', 'eventId', 'ticket_event'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('attachment');
  }
}
