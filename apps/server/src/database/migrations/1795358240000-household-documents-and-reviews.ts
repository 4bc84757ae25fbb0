import { MigrationInterface, QueryRunner, TableColumnOptions } from 'typeorm';
import { portableTable } from './portable-table';
import { fk, ref, text } from './column-helpers';

const instant = (name: string): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable: false,
});

const DOCUMENT_KINDS = [
  'move_in_sign_off',
  'interim_covenant',
  'preliminary_service_agreement',
  'move_in_fee_receipt',
  'handover_inspection',
  'member_register',
  'renovation_agreement',
  'renovation_start_application',
  'renovation_worker_register',
  'renovation_pledge',
  'renovation_fee_notice',
  'fire_safety_pledge',
  'id_copies',
  'floor_plan',
];

/** The documents checklist of a household file with its scans, and the file's quarterly reviews (docs/domain-rules.md §3). */
export class HouseholdDocumentsAndReviews1795358240000 implements MigrationInterface {
  name = 'HouseholdDocumentsAndReviews1795358240000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(
      portableTable(db, {
        name: 'household_document',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          ref('householdId'),
          { name: 'kind', type: 'simple-enum', enum: DOCUMENT_KINDS },
          text('note', 200, true),
          ref('recordedById', true),
          instant('recordedAt'),
        ],
        indices: [
          {
            name: 'IDX_household_document_kind',
            columnNames: ['householdId', 'kind'],
            isUnique: true,
          },
        ],
        foreignKeys: [
          fk('FK_household_document_household', 'householdId', 'household', 'CASCADE'),
          fk('FK_household_document_recorder', 'recordedById', 'user', 'SET NULL'),
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'household_document_photo',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          ref('documentId'),
          ref('attachmentId'),
        ],
        indices: [
          {
            name: 'IDX_household_document_photo_attachment',
            columnNames: ['attachmentId'],
            isUnique: true,
          },
          { name: 'IDX_household_document_photo_document', columnNames: ['documentId'] },
        ],
        foreignKeys: [
          fk('FK_household_document_photo_document', 'documentId', 'household_document', 'CASCADE'),
          fk('FK_household_document_photo_attachment', 'attachmentId', 'attachment', 'CASCADE'),
        ],
      }),
    );
    await db.createTable(
      portableTable(db, {
        name: 'household_review',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          ref('householdId'),
          ref('reviewerId', true),
          text('note', 200, true),
          instant('reviewedAt'),
          text('nextReviewOn', 10),
        ],
        indices: [
          { name: 'IDX_household_review_household', columnNames: ['householdId', 'reviewedAt'] },
        ],
        foreignKeys: [
          fk('FK_household_review_household', 'householdId', 'household', 'CASCADE'),
          fk('FK_household_review_reviewer', 'reviewerId', 'user', 'SET NULL'),
        ],
      }),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('household_review');
    await db.dropTable('household_document_photo');
    await db.dropTable('household_document');
  }
}
