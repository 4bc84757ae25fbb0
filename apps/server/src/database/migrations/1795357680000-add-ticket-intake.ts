import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey } from 'typeorm';

/** Requests staff register for a resident (hotline, desk, patrol, WeChat chat): who received it, and whom to call back. */
export class AddTicketIntake1795357680000 implements MigrationInterface {
  name = 'AddTicketIntake1795357680000';

  async up(db: QueryRunner): Promise<void> {
    await db.addColumns('ticket', [
      new TableColumn({ name: 'receivedById', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'contactName', type: 'varchar', length: '50', isNullable: true }),
      new TableColumn({ name: 'contactPhone', type: 'varchar', length: '20', isNullable: true }),
    ]);
    await db.createForeignKey(
      'ticket',
      new TableForeignKey({
        name: 'FK_ticket_received_by',
        columnNames: ['receivedById'],
        referencedTableName: 'user',
        referencedColumnNames: ['id'],
        onDelete: 'RESTRICT',
        onUpdate: 'RESTRICT',
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropForeignKey('ticket', 'FK_ticket_received_by');
    await db.dropColumns('ticket', ['receivedById', 'contactName', 'contactPhone']);
  }
}
