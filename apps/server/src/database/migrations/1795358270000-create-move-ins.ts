import { MigrationInterface, QueryRunner } from 'typeorm';
import { portableTable } from './portable-table';
import { fk, instant, ref, text } from './column-helpers';

const ROLES = ['owner', 'family', 'tenant', 'relative'];

/** Move-in registrations (入住登记, docs/domain-rules.md §4): the people, the papers checked, the consents and the residence passes. */
export class CreateMoveIns1795358270000 implements MigrationInterface {
  name = 'CreateMoveIns1795358270000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'move_in',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          ref('householdId'),
          ref('buildingId'),
          ref('communityId'),
          {
            name: 'status',
            type: 'simple-enum',
            enum: ['pending', 'approved', 'rejected', 'cancelled'],
          },
          ref('registrantId', true),
          text('registrantName', 50),
          { name: 'atCounter', type: 'boolean' },
          instant('createdAt'),
          {
            name: 'ownerConsent',
            type: 'simple-enum',
            enum: ['registrant', 'mini_program'],
            isNullable: true,
          },
          ref('ownerConsentById', true),
          instant('ownerConsentAt', true),
          ref('writtenConsentById', true),
          instant('writtenConsentAt', true),
          text('writtenConsentNote', 200, true),
          ref('decidedById', true),
          instant('decidedAt', true),
          text('rejectReason', 200, true),
        ],
        indices: [
          { name: 'IDX_move_in_household', columnNames: ['householdId', 'createdAt'] },
          { name: 'IDX_move_in_building', columnNames: ['buildingId', 'status'] },
          { name: 'IDX_move_in_community', columnNames: ['communityId', 'status'] },
        ],
        foreignKeys: [
          fk('FK_move_in_household', 'householdId', 'household', 'CASCADE'),
          fk('FK_move_in_building', 'buildingId', 'building', 'CASCADE'),
          fk('FK_move_in_community', 'communityId', 'community', 'CASCADE'),
          fk('FK_move_in_registrant', 'registrantId', 'user', 'SET NULL'),
          fk('FK_move_in_owner_consenter', 'ownerConsentById', 'user', 'SET NULL'),
          fk('FK_move_in_written_consent_recorder', 'writtenConsentById', 'user', 'SET NULL'),
          fk('FK_move_in_decider', 'decidedById', 'user', 'SET NULL'),
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'move_in_person',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          ref('moveInId'),
          { name: 'position', type: 'int' },
          text('name', 50),
          { name: 'role', type: 'simple-enum', enum: ROLES },
          text('relationship', 20, true),
          text('phone', 20),
          text('idNumber', 32),
          text('moveInDate', 10),
          ref('photoId', true),
          text('papers', 100),
          ref('papersCheckedById', true),
          instant('papersCheckedAt', true),
          ref('memberId', true),
          text('residencePass', 8, true),
        ],
        indices: [
          { name: 'IDX_move_in_person_move_in', columnNames: ['moveInId', 'position'] },
          { name: 'IDX_move_in_person_member', columnNames: ['memberId'] },
          { name: 'IDX_move_in_person_pass', columnNames: ['residencePass'], isUnique: true },
        ],
        foreignKeys: [
          fk('FK_move_in_person_move_in', 'moveInId', 'move_in', 'CASCADE'),
          fk('FK_move_in_person_photo', 'photoId', 'attachment', 'SET NULL'),
          fk('FK_move_in_person_checker', 'papersCheckedById', 'user', 'SET NULL'),
          fk('FK_move_in_person_member', 'memberId', 'household_member', 'SET NULL'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('move_in_person');
    await db.dropTable('move_in');
  }
}
