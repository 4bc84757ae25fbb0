import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';

/** The company's adjustments of the working calendar (days made working or off). */
export class CreateCalendarOverrides1795357920000 implements MigrationInterface {
  name = 'CreateCalendarOverrides1795357920000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'calendar_override',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'companyId', type: 'varchar', length: '36' },
          { name: 'date', type: 'varchar', length: '10' },
          { name: 'working', type: 'boolean' },
          { name: 'note', type: 'varchar', length: '100', isNullable: true },
          { name: 'updatedById', type: 'varchar', length: '36', isNullable: true },
          { name: 'updatedAt', type: 'datetime', precision: 3 },
        ],
        indices: [
          {
            name: 'IDX_calendar_override_company_date',
            columnNames: ['companyId', 'date'],
            isUnique: true,
          },
        ],
        foreignKeys: [
          {
            name: 'FK_calendar_override_company',
            columnNames: ['companyId'],
            referencedTableName: 'company',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_calendar_override_user',
            columnNames: ['updatedById'],
            referencedTableName: 'user',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('calendar_override');
  }
}
