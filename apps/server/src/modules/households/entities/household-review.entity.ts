import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../../../database/columns';
import { Household } from '../../org/entities/household.entity';
import { User } from '../../org/entities/user.entity';

/** One quarterly review of a household file (docs/domain-rules.md §3), and when the next one is due. */
@Entity('household_review')
@Index('IDX_household_review_household', ['householdId', 'reviewedAt'])
export class HouseholdReview {
  @IdColumn() id!: string;
  @RefColumn() householdId!: string;
  @ManyToOne(() => Household, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'householdId', foreignKeyConstraintName: 'FK_household_review_household' })
  household?: Household;
  @RefColumn({ nullable: true }) reviewerId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'reviewerId', foreignKeyConstraintName: 'FK_household_review_reviewer' })
  reviewer?: User | null;
  @TextColumn(200, { nullable: true }) note!: string | null;
  @InstantColumn() reviewedAt!: Date;
  /** 'YYYY-MM-DD', China date: the review after this one is due. */
  @TextColumn(10) nextReviewOn!: string;
}
