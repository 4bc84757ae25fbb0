import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';

/** The duty rota: which assistant is on duty for a building when (dispatch prefers them). */
export class DutyShifts1795358180000 implements MigrationInterface {
  name = 'DutyShifts1795358180000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'duty_shift',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'buildingId', type: 'varchar', length: '36' },
          { name: 'assistantId', type: 'varchar', length: '36' },
          { name: 'startsAt', type: 'datetime', precision: 3 },
          { name: 'endsAt', type: 'datetime', precision: 3 },
          { name: 'createdById', type: 'varchar', length: '36', isNullable: true },
          { name: 'createdAt', type: 'datetime', precision: 3 },
        ],
        indices: [
          {
            name: 'IDX_duty_shift_building_time',
            columnNames: ['buildingId', 'startsAt', 'endsAt'],
          },
        ],
        foreignKeys: [
          {
            name: 'FK_duty_shift_building',
            columnNames: ['buildingId'],
            referencedTableName: 'building',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_duty_shift_assistant',
            columnNames: ['assistantId'],
            referencedTableName: 'user',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('duty_shift');
  }
}
