import { Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, RefColumn, RefersTo } from '../../../database/columns';
import { Household } from '../../org/entities/household.entity';
import { User } from '../../org/entities/user.entity';
import { Notice } from './notice.entity';

/** The read receipt of one household: the first member who opened the notice, and when. */
@Entity('notice_read')
@Index('IDX_notice_read_household', ['householdId'])
export class NoticeRead {
  @PrimaryColumn({ type: 'varchar', length: 36 }) noticeId!: string;
  @RefersTo(() => Notice, 'FK_notice_read_notice', 'CASCADE') notice?: Notice;
  @PrimaryColumn({ type: 'varchar', length: 36 }) householdId!: string;
  @RefersTo(() => Household, 'FK_notice_read_household', 'CASCADE') household?: Household;
  @RefColumn({ nullable: true }) userId!: string | null;
  @RefersTo(() => User, 'FK_notice_read_user', 'SET NULL') user?: User | null;
  @InstantColumn() readAt!: Date;
}
