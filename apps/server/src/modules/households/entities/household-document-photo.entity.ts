import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, RefColumn } from '../../../database/columns';
import { Attachment } from '../../uploads/entities/attachment.entity';
import { HouseholdDocumentRecord } from './household-document.entity';

/** A scan or photo of a paper on file. An upload belongs to at most one document. */
@Entity('household_document_photo')
@Index('IDX_household_document_photo_attachment', ['attachmentId'], { unique: true })
@Index('IDX_household_document_photo_document', ['documentId'])
export class HouseholdDocumentPhoto {
  @IdColumn() id!: string;
  @RefColumn() documentId!: string;
  @ManyToOne(() => HouseholdDocumentRecord, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'documentId',
    foreignKeyConstraintName: 'FK_household_document_photo_document',
  })
  document?: HouseholdDocumentRecord;
  @RefColumn() attachmentId!: string;
  @ManyToOne(() => Attachment, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'attachmentId',
    foreignKeyConstraintName: 'FK_household_document_photo_attachment',
  })
  attachment?: Attachment;
}
