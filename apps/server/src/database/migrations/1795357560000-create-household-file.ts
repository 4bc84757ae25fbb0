import { MigrationInterface, QueryRunner, TableForeignKeyOptions } from 'typeorm';
import { portableTable } from './portable-table';
import { instant, ref, text } from './column-helpers';

const ROLES = ['owner', 'family', 'tenant', 'relative'];
const fk = (
  name: string,
  column: string,
  table: string,
  onDelete = 'CASCADE',
): TableForeignKeyOptions => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
  onUpdate: 'RESTRICT',
});

/** The household file: its members, the assistants' notes, who read the file, and invitations to join it. */
export class CreateHouseholdFile1795357560000 implements MigrationInterface {
  name = 'CreateHouseholdFile1795357560000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'household_member',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          ref('householdId'),
          text('name', 50),
          { name: 'role', type: 'simple-enum', enum: ROLES },
          text('relationship', 20, true),
          text('phone', 20, true),
          text('idNumber', 32, true),
          text('moveInDate', 10, true),
          ref('userId', true),
          instant('createdAt'),
          // Members who left stay on file, out of the current list.
          instant('removedAt', true),
        ],
        indices: [
          { name: 'IDX_member_household', columnNames: ['householdId'] },
          { name: 'IDX_member_user', columnNames: ['userId'] },
        ],
        foreignKeys: [
          fk('FK_member_household', 'householdId', 'household'),
          fk('FK_member_user', 'userId', 'user', 'SET NULL'),
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'household_note',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          ref('householdId'),
          ref('authorId'),
          text('text', 500),
          instant('createdAt'),
        ],
        indices: [{ name: 'IDX_note_household', columnNames: ['householdId', 'createdAt'] }],
        foreignKeys: [
          fk('FK_note_household', 'householdId', 'household'),
          fk('FK_note_author', 'authorId', 'user', 'RESTRICT'),
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'household_read',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          ref('householdId'),
          ref('readerId'),
          instant('at'),
        ],
        indices: [{ name: 'IDX_read_household', columnNames: ['householdId', 'at'] }],
        foreignKeys: [
          fk('FK_read_household', 'householdId', 'household'),
          fk('FK_read_reader', 'readerId', 'user', 'RESTRICT'),
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'household_invite',
        columns: [
          { name: 'code', type: 'varchar', length: '12', isPrimary: true },
          ref('householdId'),
          { name: 'role', type: 'simple-enum', enum: ROLES },
          ref('createdById'),
          instant('expiresAt'),
          ref('usedById', true),
          instant('usedAt', true),
        ],
        foreignKeys: [
          fk('FK_invite_household', 'householdId', 'household'),
          fk('FK_invite_creator', 'createdById', 'user', 'RESTRICT'),
          fk('FK_invite_user', 'usedById', 'user', 'SET NULL'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('household_invite');
    await db.dropTable('household_read');
    await db.dropTable('household_note');
    await db.dropTable('household_member');
  }
}
