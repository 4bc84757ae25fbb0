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

/** One quarterly review of a household file (docs/domain-rules.md §3), and when the next one is due. */
@Entity('household_review')
@Index('IDX_household_review_household', ['householdId', 'reviewedAt'])
export class HouseholdReview {
  @IdColumn() id!: string;
  @RefColumn() householdId!: string;
  @RefersTo(() => Household, 'FK_household_review_household', 'CASCADE') household?: Household;
  @RefColumn({ nullable: true }) reviewerId!: string | null;
  @RefersTo(() => User, 'FK_household_review_reviewer', 'SET NULL') reviewer?: User | null;
  @TextColumn(200, { nullable: true }) note!: string | null;
  @InstantColumn() reviewedAt!: Date;
  /** 'YYYY-MM-DD', China date: the review after this one is due. */
  @TextColumn(10) nextReviewOn!: string;
}
