import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../../../database/columns';
import { Household } from '../../org/entities/household.entity';
import { User } from '../../org/entities/user.entity';

/** What an assistant knows about a household (family make-up, habits, contact preferences…). */
@Entity('household_note')
@Index('IDX_note_household', ['householdId', 'createdAt'])
export class HouseholdNote {
  @IdColumn() id!: string;
  @RefColumn() householdId!: string;
  @ManyToOne(() => Household, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'householdId', foreignKeyConstraintName: 'FK_note_household' })
  household?: Household;
  @RefColumn() authorId!: string;
  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'authorId', foreignKeyConstraintName: 'FK_note_author' })
  author?: User;
  @TextColumn(500) text!: string;
  @InstantColumn() createdAt!: Date;
}
