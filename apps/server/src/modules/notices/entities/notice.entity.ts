import { NoticeKind, NoticeTargetDto } from '@linli/contracts';
import { Column, Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
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
  @RefersTo(() => Community, 'FK_notice_community', 'CASCADE') community?: Community;
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
  @RefersTo(() => OutageNotice, 'FK_notice_outage', 'SET NULL') outage?: OutageNotice | null;
  @RefColumn({ nullable: true }) createdById!: string | null;
  @RefersTo(() => User, 'FK_notice_creator', 'SET NULL') createdBy?: User | null;
  @InstantColumn() createdAt!: Date;
}
