import { Entity, Index } from 'typeorm';
import { HouseholdDocument } from '@linli/contracts';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { Household } from '../../org/entities/household.entity';
import { User } from '../../org/entities/user.entity';

/** A paper of the household's file that the office holds (docs/domain-rules.md §3 checklist): one row per kind. */
@Entity('household_document')
@Index('IDX_household_document_kind', ['householdId', 'kind'], { unique: true })
export class HouseholdDocumentRecord {
  @IdColumn() id!: string;
  @RefColumn() householdId!: string;
  @RefersTo(() => Household, 'FK_household_document_household', 'CASCADE') household?: Household;
  @EnumColumn(HouseholdDocument) kind!: HouseholdDocument;
  @TextColumn(200, { nullable: true }) note!: string | null;
  @RefColumn({ nullable: true }) recordedById!: string | null;
  @RefersTo(() => User, 'FK_household_document_recorder', 'SET NULL') recordedBy?: User | null;
  @InstantColumn() recordedAt!: Date;
}
