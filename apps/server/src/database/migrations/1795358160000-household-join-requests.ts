import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey } from 'typeorm';
import { portableTable } from './portable-table';
import { fk, instant, ref, text } from './column-helpers';

const ROLES = ['owner', 'family', 'tenant', 'relative'];

/**
 * Joining a household from WeChat (issue #4): the join requests with their owner and office approvals,
 * the household's membership history, and who removed a member (household_member.removedById).
 *
 * household_member is altered first: on SQLite adding a column rebuilds the table, and nothing may
 * reference it yet when the old copy is dropped (the new tables do, so they come after; down undoes
 * it in the reverse order).
 */
export class HouseholdJoinRequests1795358160000 implements MigrationInterface {
  name = 'HouseholdJoinRequests1795358160000';

  async up(db: QueryRunner): Promise<void> {
    await db.addColumn('household_member', new TableColumn(ref('removedById', true)));
    await db.createForeignKey(
      'household_member',
      new TableForeignKey(fk('FK_member_remover', 'removedById', 'user', 'SET NULL')),
    );
    await db.createTable(
      portableTable(db, {
        name: 'household_join_request',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          ref('householdId'),
          ref('buildingId'),
          ref('communityId'),
          ref('userId'),
          text('name', 50),
          text('phone', 20),
          { name: 'role', type: 'simple-enum', enum: ROLES },
          text('relationship', 20, true),
          {
            name: 'status',
            type: 'simple-enum',
            enum: ['pending', 'approved', 'rejected', 'cancelled'],
          },
          { name: 'needsOwner', type: 'boolean' },
          { name: 'needsOffice', type: 'boolean' },
          ref('ownerApprovedById', true),
          instant('ownerApprovedAt', true),
          ref('officeApprovedById', true),
          instant('officeApprovedAt', true),
          ref('decidedById', true),
          instant('decidedAt', true),
          text('rejectReason', 200, true),
          ref('memberId', true),
          instant('createdAt'),
        ],
        indices: [
          { name: 'IDX_join_request_household', columnNames: ['householdId', 'status'] },
          {
            name: 'IDX_join_request_community',
            columnNames: ['communityId', 'status', 'createdAt'],
          },
          { name: 'IDX_join_request_user', columnNames: ['userId', 'createdAt'] },
        ],
        foreignKeys: [
          fk('FK_join_request_household', 'householdId', 'household', 'CASCADE'),
          fk('FK_join_request_user', 'userId', 'user', 'CASCADE'),
          fk('FK_join_request_owner_approver', 'ownerApprovedById', 'user', 'SET NULL'),
          fk('FK_join_request_office_approver', 'officeApprovedById', 'user', 'SET NULL'),
          fk('FK_join_request_decider', 'decidedById', 'user', 'SET NULL'),
          fk('FK_join_request_member', 'memberId', 'household_member', 'SET NULL'),
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'household_member_event',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          ref('householdId'),
          ref('requestId', true),
          ref('memberId', true),
          {
            name: 'action',
            type: 'simple-enum',
            enum: ['requested', 'approved', 'rejected', 'joined', 'removed', 'cancelled'],
          },
          { name: 'actingAs', type: 'simple-enum', enum: ['owner', 'office'], isNullable: true },
          ref('actorId', true),
          text('actorName', 50, true),
          text('subjectName', 50),
          { name: 'subjectRole', type: 'simple-enum', enum: ROLES },
          text('note', 200, true),
          instant('at'),
        ],
        indices: [{ name: 'IDX_member_event_household', columnNames: ['householdId', 'at'] }],
        foreignKeys: [
          fk('FK_member_event_household', 'householdId', 'household', 'CASCADE'),
          fk('FK_member_event_request', 'requestId', 'household_join_request', 'SET NULL'),
          fk('FK_member_event_member', 'memberId', 'household_member', 'SET NULL'),
          fk('FK_member_event_actor', 'actorId', 'user', 'SET NULL'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('household_member_event');
    await db.dropTable('household_join_request');
    await db.dropForeignKey('household_member', 'FK_member_remover');
    await db.dropColumn('household_member', 'removedById');
  }
}
