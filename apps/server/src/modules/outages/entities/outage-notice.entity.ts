import { OutageKindName, OutageStatus } from '@linli/contracts';
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

export const OUTAGE_KINDS: Record<string, OutageKindName> = { Water: 'water', Power: 'power' };
export const OUTAGE_STATUSES: Record<string, OutageStatus> = { Active: 'active', Closed: 'closed' };

/** A planned water or power cut announced to the residents of a community or some of its buildings. */
@Entity('outage_notice')
@Index('IDX_outage_notice_community', ['communityId', 'status', 'startsAt'])
export class OutageNotice {
  @IdColumn() id!: string;
  @RefColumn() communityId!: string;
  @RefersTo(() => Community, 'FK_outage_notice_community', 'CASCADE') community?: Community;
  @EnumColumn(OUTAGE_KINDS) kind!: OutageKindName;
  @TextColumn(60) title!: string;
  @TextColumn(500) body!: string;
  /** Covered buildings; empty: the whole community. */
  @Column({ type: 'json' }) buildingIds!: string[];
  @InstantColumn() startsAt!: Date;
  @InstantColumn() endsAt!: Date;
  @EnumColumn(OUTAGE_STATUSES) status!: OutageStatus;
  @RefColumn({ nullable: true }) createdById!: string | null;
  @RefersTo(() => User, 'FK_outage_notice_creator', 'SET NULL') createdBy?: User | null;
  @InstantColumn() createdAt!: Date;
  @RefColumn({ nullable: true }) closedById!: string | null;
  @RefersTo(() => User, 'FK_outage_notice_closer', 'SET NULL') closedBy?: User | null;
  @InstantColumn({ nullable: true }) closedAt!: Date | null;
  @TextColumn(200, { nullable: true }) closeNote!: string | null;
}
