import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';

/** The assistant's card: photo, specialities, service phone, a line of introduction. */
export class CreateStaffProfiles1795358250000 implements MigrationInterface {
  name = 'CreateStaffProfiles1795358250000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'staff_profile',
        columns: [
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'photoId', type: 'varchar', length: '36', isNullable: true },
          { name: 'specialities', type: 'json' },
          { name: 'servicePhone', type: 'varchar', length: '20', isNullable: true },
          { name: 'intro', type: 'varchar', length: '200', isNullable: true },
          { name: 'updatedAt', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [
          {
            name: 'FK_staff_profile_user',
            columnNames: ['userId'],
            referencedTableName: 'user',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_staff_profile_photo',
            columnNames: ['photoId'],
            referencedTableName: 'attachment',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('staff_profile');
  }
}
