import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, RefersTo } from '../../../database/columns';
import { Household } from '../../org/entities/household.entity';
import { User } from '../../org/entities/user.entity';

/** One reading of a household's file (with its notes): the audit supervisors see. */
@Entity('household_read')
@Index('IDX_read_household', ['householdId', 'at'])
export class HouseholdRead {
  @IdColumn() id!: string;
  @RefColumn() householdId!: string;
  @RefersTo(() => Household, 'FK_read_household', 'CASCADE') household?: Household;
  @RefColumn() readerId!: string;
  @RefersTo(() => User, 'FK_read_reader', 'RESTRICT') reader?: User;
  @InstantColumn() at!: Date;
}
