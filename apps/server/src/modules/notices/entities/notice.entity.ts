import { NoticeKind, NoticeTargetDto } from '@linli/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  TextColumn,
} from '../../../database/columns';
import { Community } from '../../org/entities/community.entity';
import { User } from '../../org/entities/user.entity';
import { OutageNotice } from '../../outages/entities/outage-notice.entity';

/** A notice to the residents of a community, some buildings or some unit entrances (docs/domain-rules.md §11). */
@Entity('notice')
@Index('IDX_notice_community', ['communityId', 'publishAt'])
@Index('IDX_notice_unpublished', ['publishedAt', 'publishAt'])
@Index('IDX_notice_outage', ['outageId'])
export class Notice {
  @IdColumn() id!: string;
  @RefColumn() communityId!: string;
  @ManyToOne(() => Community, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'communityId', foreignKeyConstraintName: 'FK_notice_community' })
  community?: Community;
  @EnumColumn(NoticeKind) kind!: NoticeKind;
  @TextColumn(60) title!: string;
  @TextColumn(1000) body!: string;
  @Column({ type: 'json' }) target!: NoticeTargetDto;
  @InstantColumn() publishAt!: Date;
  /** Set when residents were told (inbox, WeChat); null while scheduled. */
  @InstantColumn({ nullable: true }) publishedAt!: Date | null;
  @InstantColumn({ nullable: true }) inForceUntil!: Date | null;
  @InstantColumn({ nullable: true }) startsAt!: Date | null;
  @RefColumn({ nullable: true }) outageId!: string | null;
  @ManyToOne(() => OutageNotice, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'outageId', foreignKeyConstraintName: 'FK_notice_outage' })
  outage?: OutageNotice | null;
  @RefColumn({ nullable: true }) createdById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'createdById', foreignKeyConstraintName: 'FK_notice_creator' })
  createdBy?: User | null;
  @InstantColumn() createdAt!: Date;
}
