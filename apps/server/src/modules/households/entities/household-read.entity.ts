import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn } from '../../../database/columns';
import { Household } from '../../org/entities/household.entity';
import { User } from '../../org/entities/user.entity';

/** One reading of a household's file (with its notes): the audit supervisors see. */
@Entity('household_read')
@Index('IDX_read_household', ['householdId', 'at'])
export class HouseholdRead {
  @IdColumn() id!: string;
  @RefColumn() householdId!: string;
  @ManyToOne(() => Household, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'householdId', foreignKeyConstraintName: 'FK_read_household' })
  household?: Household;
  @RefColumn() readerId!: string;
  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'readerId', foreignKeyConstraintName: 'FK_read_reader' })
  reader?: User;
  @InstantColumn() at!: Date;
}
