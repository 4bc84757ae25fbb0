import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';

/**
 * Community events with sign-up (docs/domain-rules.md §10). `confirmedCount` is moved only by a conditional UPDATE
 * (… WHERE confirmedCount < capacity), so concurrent sign-ups never overbook; one sign-up per household.
 */
export class CommunityEvents1795358570000 implements MigrationInterface {
  name = 'CommunityEvents1795358570000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'community_event',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'communityId', type: 'varchar', length: '36' },
          {
            name: 'kind',
            type: 'simple-enum',
            enum: ['arts', 'health_talk', 'parent_child', 'owners_meeting', 'other'],
          },
          { name: 'title', type: 'varchar', length: '60' },
          { name: 'place', type: 'varchar', length: '60' },
          { name: 'startsAt', type: 'datetime', precision: 3 },
          { name: 'capacity', type: 'int' },
          { name: 'confirmedCount', type: 'int', default: 0 },
          { name: 'createdById', type: 'varchar', length: '36', isNullable: true },
          { name: 'createdAt', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'IDX_community_event_community', columnNames: ['communityId', 'startsAt'] },
        ],
        foreignKeys: [
          {
            name: 'FK_community_event_community',
            columnNames: ['communityId'],
            referencedTableName: 'community',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_community_event_creator',
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
        name: 'event_signup',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'eventId', type: 'varchar', length: '36' },
          { name: 'householdId', type: 'varchar', length: '36' },
          { name: 'userId', type: 'varchar', length: '36', isNullable: true },
          {
            name: 'status',
            type: 'simple-enum',
            enum: ['confirmed', 'waitlisted', 'cancelled', 'attended'],
          },
          { name: 'code', type: 'varchar', length: '8' },
          { name: 'createdAt', type: 'datetime', precision: 3 },
          { name: 'cancelledAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'checkedInAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'checkedInById', type: 'varchar', length: '36', isNullable: true },
        ],
        indices: [
          {
            name: 'UQ_event_signup_household',
            columnNames: ['eventId', 'householdId'],
            isUnique: true,
          },
          { name: 'UQ_event_signup_code', columnNames: ['eventId', 'code'], isUnique: true },
          { name: 'IDX_event_signup_status', columnNames: ['eventId', 'status', 'createdAt'] },
        ],
        foreignKeys: [
          {
            name: 'FK_event_signup_event',
            columnNames: ['eventId'],
            referencedTableName: 'community_event',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_event_signup_household',
            columnNames: ['householdId'],
            referencedTableName: 'household',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_event_signup_user',
            columnNames: ['userId'],
            referencedTableName: 'user',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'FK_event_signup_checker',
            columnNames: ['checkedInById'],
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
    await db.dropTable('event_signup');
    await db.dropTable('community_event');
  }
}
