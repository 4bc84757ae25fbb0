import { Column, Entity, Index } from 'typeorm';
import {
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { Company } from '../../org/entities/company.entity';
import { User } from '../../org/entities/user.entity';

/**
 * A company's adjustment of the working calendar: a day made a working day or a day off, winning over
 * the published schedule (e.g. next year's holidays before a package release carries them).
 */
@Entity('calendar_override')
@Index('IDX_calendar_override_company_date', ['companyId', 'date'], { unique: true })
export class CalendarOverride {
  @IdColumn() id!: string;
  @RefColumn() companyId!: string;
  @RefersTo(() => Company, 'FK_calendar_override_company', 'CASCADE') company?: Company;
  /** China-time day, 'YYYY-MM-DD'. */
  @TextColumn(10) date!: string;
  @Column({ type: 'boolean' }) working!: boolean;
  @TextColumn(100, { nullable: true }) note!: string | null;
  @RefColumn({ nullable: true }) updatedById!: string | null;
  @RefersTo(() => User, 'FK_calendar_override_user', 'SET NULL') updatedBy?: User | null;
  @InstantColumn() updatedAt!: Date;
}
