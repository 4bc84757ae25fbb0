import {
  MigrationInterface,
  QueryRunner,
  TableColumnOptions,
  TableForeignKeyOptions,
} from 'typeorm';
import { portableTable } from './portable-table';
import { ref, text } from './column-helpers';

const id = (name = 'id'): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isPrimary: true,
});
const instant = (name: string): TableColumnOptions => ({ name, type: 'datetime', precision: 3 });
const fk = (
  name: string,
  column: string,
  table: string,
  onDelete = 'RESTRICT',
): TableForeignKeyOptions => ({
  name,
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
  onUpdate: 'RESTRICT',
});

/** Places and people: company → community → building → room → household, users, and which buildings an assistant serves. */
export class CreateOrganisation1795357200000 implements MigrationInterface {
  name = 'CreateOrganisation1795357200000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'company',
        columns: [id(), text('name', 100), instant('createdAt')],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'community',
        columns: [id(), ref('companyId'), text('name', 100), instant('createdAt')],
        foreignKeys: [fk('FK_community_company', 'companyId', 'company')],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'building',
        columns: [
          id(),
          ref('communityId'),
          text('name', 50),
          { name: 'sortOrder', type: 'int', default: 0 },
        ],
        foreignKeys: [fk('FK_building_community', 'communityId', 'community')],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'room',
        columns: [
          id(),
          ref('buildingId'),
          text('unit', 20),
          text('number', 20),
          text('label', 100),
        ],
        indices: [
          {
            name: 'IDX_room_building_unit_number',
            columnNames: ['buildingId', 'unit', 'number'],
            isUnique: true,
          },
        ],
        foreignKeys: [fk('FK_room_building', 'buildingId', 'building')],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'household',
        columns: [id(), ref('roomId'), instant('createdAt')],
        indices: [{ name: 'IDX_household_room', columnNames: ['roomId'], isUnique: true }],
        foreignKeys: [fk('FK_household_room', 'roomId', 'room')],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'user',
        columns: [
          id(),
          text('openid', 64, true),
          text('name', 50),
          text('phone', 20, true),
          {
            name: 'role',
            type: 'simple-enum',
            enum: ['resident', 'assistant', 'supervisor', 'admin'],
          },
          ref('householdId', true),
          ref('communityId', true),
          instant('createdAt'),
        ],
        indices: [{ name: 'IDX_user_openid', columnNames: ['openid'], isUnique: true }],
        foreignKeys: [
          fk('FK_user_household', 'householdId', 'household'),
          fk('FK_user_community', 'communityId', 'community'),
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'assistant_building',
        columns: [id('userId'), id('buildingId')],
        foreignKeys: [
          fk('FK_assistant_building_user', 'userId', 'user', 'CASCADE'),
          fk('FK_assistant_building_building', 'buildingId', 'building', 'CASCADE'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'assistant_building',
      'user',
      'household',
      'room',
      'building',
      'community',
      'company',
    ]) {
      await db.dropTable(table);
    }
  }
}
