import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InstantColumn, RefColumn } from '../../../database/columns';
import { Household } from '../../org/entities/household.entity';
import { User } from '../../org/entities/user.entity';
import { Notice } from './notice.entity';

/** The read receipt of one household: the first member who opened the notice, and when. */
@Entity('notice_read')
@Index('IDX_notice_read_household', ['householdId'])
export class NoticeRead {
  @PrimaryColumn({ type: 'varchar', length: 36 }) noticeId!: string;
  @ManyToOne(() => Notice, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'noticeId', foreignKeyConstraintName: 'FK_notice_read_notice' })
  notice?: Notice;
  @PrimaryColumn({ type: 'varchar', length: 36 }) householdId!: string;
  @ManyToOne(() => Household, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'householdId', foreignKeyConstraintName: 'FK_notice_read_household' })
  household?: Household;
  @RefColumn({ nullable: true }) userId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_notice_read_user' })
  user?: User | null;
  @InstantColumn() readAt!: Date;
}
