import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';

const KINDS = [
  'water_cut',
  'power_cut',
  'pest_control',
  'works',
  'event',
  'fire_safety',
  'financial_report',
  'survey_result',
  'newsletter',
  'other',
];

/**
 * Notices of every kind docs/domain-rules.md §11 names, targeted by community, building or unit, published now or
 * at a set time, pinned while in force, with one read receipt per household. A planned water or power
 * cut (outage_notice) is announced as one of them.
 */
export class Notices1795358560000 implements MigrationInterface {
  name = 'Notices1795358560000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'notice',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'communityId', type: 'varchar', length: '36' },
          { name: 'kind', type: 'simple-enum', enum: KINDS },
          { name: 'title', type: 'varchar', length: '60' },
          { name: 'body', type: 'varchar', length: '1000' },
          { name: 'target', type: 'json' },
          { name: 'publishAt', type: 'datetime', precision: 3 },
          { name: 'publishedAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'inForceUntil', type: 'datetime', precision: 3, isNullable: true },
          { name: 'startsAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'outageId', type: 'varchar', length: '36', isNullable: true },
          { name: 'createdById', type: 'varchar', length: '36', isNullable: true },
          { name: 'createdAt', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'IDX_notice_community', columnNames: ['communityId', 'publishAt'] },
          { name: 'IDX_notice_unpublished', columnNames: ['publishedAt', 'publishAt'] },
          { name: 'IDX_notice_outage', columnNames: ['outageId'] },
        ],
        foreignKeys: [
          {
            name: 'FK_notice_community',
            columnNames: ['communityId'],
            referencedTableName: 'community',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_notice_outage',
            columnNames: ['outageId'],
            referencedTableName: 'outage_notice',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_notice_creator',
            columnNames: ['createdById'],
            referencedTableName: 'user',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'notice_read',
        columns: [
          { name: 'noticeId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'householdId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'userId', type: 'varchar', length: '36', isNullable: true },
          { name: 'readAt', type: 'datetime', precision: 3 },
        ],
        indices: [{ name: 'IDX_notice_read_household', columnNames: ['householdId'] }],
        foreignKeys: [
          {
            name: 'FK_notice_read_notice',
            columnNames: ['noticeId'],
            referencedTableName: 'notice',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_notice_read_household',
            columnNames: ['householdId'],
            referencedTableName: 'household',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_notice_read_user',
            columnNames: ['userId'],
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
    await db.dropTable('notice_read');
    await db.dropTable('notice');
  }
}
