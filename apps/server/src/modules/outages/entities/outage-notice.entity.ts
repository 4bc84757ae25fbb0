import { OutageKindName, OutageStatus } from '@linli/contracts';
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

export const OUTAGE_KINDS: Record<string, OutageKindName> = { Water: 'water', Power: 'power' };
export const OUTAGE_STATUSES: Record<string, OutageStatus> = { Active: 'active', Closed: 'closed' };

/** A planned water or power cut announced to the residents of a community or some of its buildings. */
@Entity('outage_notice')
@Index('IDX_outage_notice_community', ['communityId', 'status', 'startsAt'])
export class OutageNotice {
  @IdColumn() id!: string;
  @RefColumn() communityId!: string;
  @ManyToOne(() => Community, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'communityId', foreignKeyConstraintName: 'FK_outage_notice_community' })
  community?: Community;
  @EnumColumn(OUTAGE_KINDS) kind!: OutageKindName;
  @TextColumn(60) title!: string;
  @TextColumn(500) body!: string;
  /** Covered buildings; empty: the whole community. */
  @Column({ type: 'json' }) buildingIds!: string[];
  @InstantColumn() startsAt!: Date;
  @InstantColumn() endsAt!: Date;
  @EnumColumn(OUTAGE_STATUSES) status!: OutageStatus;
  @RefColumn({ nullable: true }) createdById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'createdById', foreignKeyConstraintName: 'FK_outage_notice_creator' })
  createdBy?: User | null;
  @InstantColumn() createdAt!: Date;
  @RefColumn({ nullable: true }) closedById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'closedById', foreignKeyConstraintName: 'FK_outage_notice_closer' })
  closedBy?: User | null;
  @InstantColumn({ nullable: true }) closedAt!: Date | null;
  @TextColumn(200, { nullable: true }) closeNote!: string | null;
}
