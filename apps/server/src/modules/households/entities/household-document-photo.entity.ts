import { Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, RefersTo } from '../../../database/columns';
import { Attachment } from '../../uploads/entities/attachment.entity';
import { HouseholdDocumentRecord } from './household-document.entity';

/** A scan or photo of a paper on file. An upload belongs to at most one document. */
@Entity('household_document_photo')
@Index('IDX_household_document_photo_attachment', ['attachmentId'], { unique: true })
@Index('IDX_household_document_photo_document', ['documentId'])
export class HouseholdDocumentPhoto {
  @IdColumn() id!: string;
  @RefColumn() documentId!: string;
  @RefersTo(() => HouseholdDocumentRecord, 'FK_household_document_photo_document', 'CASCADE')
  document?: HouseholdDocumentRecord;
  @RefColumn() attachmentId!: string;
  @RefersTo(() => Attachment, 'FK_household_document_photo_attachment', 'CASCADE')
  attachment?: Attachment;
}
