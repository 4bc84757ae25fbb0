import { Entity, Index } from 'typeorm';
import {
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { Household } from '../../org/entities/household.entity';
import { User } from '../../org/entities/user.entity';

/** What an assistant knows about a household (family make-up, habits, contact preferences…). */
@Entity('household_note')
@Index('IDX_note_household', ['householdId', 'createdAt'])
export class HouseholdNote {
  @IdColumn() id!: string;
  @RefColumn() householdId!: string;
  @RefersTo(() => Household, 'FK_note_household', 'CASCADE') household?: Household;
  @RefColumn() authorId!: string;
  @RefersTo(() => User, 'FK_note_author', 'RESTRICT') author?: User;
  @TextColumn(500) text!: string;
  @InstantColumn() createdAt!: Date;
}
