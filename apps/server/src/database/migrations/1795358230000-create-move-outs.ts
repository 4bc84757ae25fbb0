import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';
import { fk, instant, ref, text } from './column-helpers';

/** Move-out applications with their release slips (docs/domain-rules.md §4). */
export class CreateMoveOuts1795358230000 implements MigrationInterface {
  name = 'CreateMoveOuts1795358230000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'move_out',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          ref('householdId'),
          ref('buildingId'),
          ref('communityId'),
          {
            name: 'status',
            type: 'simple-enum',
            enum: ['awaiting_owner', 'pending', 'approved', 'used', 'rejected', 'cancelled'],
          },
          { name: 'scope', type: 'simple-enum', enum: ['whole', 'partial'] },
          text('moveDate', 10),
          text('items', 1000),
          text('carrierName', 50),
          text('carrierPhone', 20),
          text('vehiclePlate', 16, true),
          ref('applicantId', true),
          text('applicantName', 50),
          {
            name: 'applicantRole',
            type: 'simple-enum',
            enum: ['owner', 'family', 'tenant', 'relative'],
          },
          instant('createdAt'),
          {
            name: 'ownerAuthorisation',
            type: 'simple-enum',
            enum: ['self', 'owner', 'written'],
            isNullable: true,
          },
          ref('ownerAuthorisedById', true),
          instant('ownerAuthorisedAt', true),
          text('writtenAuthorisationNote', 200, true),
          ref('feesSettledById', true),
          instant('feesSettledAt', true),
          ref('decidedById', true),
          instant('decidedAt', true),
          text('rejectReason', 200, true),
          text('slipCode', 8, true),
          instant('slipValidUntil', true),
          ref('usedById', true),
          text('usedByName', 50, true),
          instant('usedAt', true),
          ref('deregisteredById', true),
          instant('deregisteredAt', true),
        ],
        indices: [
          { name: 'IDX_move_out_household', columnNames: ['householdId', 'createdAt'] },
          { name: 'IDX_move_out_building', columnNames: ['buildingId', 'status'] },
          { name: 'IDX_move_out_community', columnNames: ['communityId', 'status'] },
          { name: 'IDX_move_out_slip_code', columnNames: ['slipCode'], isUnique: true },
        ],
        foreignKeys: [
          fk('FK_move_out_household', 'householdId', 'household', 'CASCADE'),
          fk('FK_move_out_building', 'buildingId', 'building', 'CASCADE'),
          fk('FK_move_out_community', 'communityId', 'community', 'CASCADE'),
          fk('FK_move_out_applicant', 'applicantId', 'user', 'SET NULL'),
          fk('FK_move_out_owner_authoriser', 'ownerAuthorisedById', 'user', 'SET NULL'),
          fk('FK_move_out_fees_settler', 'feesSettledById', 'user', 'SET NULL'),
          fk('FK_move_out_decider', 'decidedById', 'user', 'SET NULL'),
          fk('FK_move_out_guard', 'usedById', 'user', 'SET NULL'),
          fk('FK_move_out_deregistrar', 'deregisteredById', 'user', 'SET NULL'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('move_out');
  }
}
