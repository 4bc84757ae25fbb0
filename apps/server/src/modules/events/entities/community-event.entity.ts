import { EventKind } from '@linli/contracts';
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

/** A community event with sign-up: arts, a health talk, a parent-child activity, the owners' meeting. */
@Entity('community_event')
@Index('IDX_community_event_community', ['communityId', 'startsAt'])
export class CommunityEvent {
  @IdColumn() id!: string;
  @RefColumn() communityId!: string;
  @RefersTo(() => Community, 'FK_community_event_community', 'CASCADE') community?: Community;
  @EnumColumn(EventKind) kind!: EventKind;
  @TextColumn(60) title!: string;
  @TextColumn(60) place!: string;
  @InstantColumn() startsAt!: Date;
  @Column({ type: 'int' }) capacity!: number;
  /** Seats taken; moved only by conditional UPDATEs (never past capacity). */
  @Column({ type: 'int', default: 0 }) confirmedCount!: number;
  @RefColumn({ nullable: true }) createdById!: string | null;
  @RefersTo(() => User, 'FK_community_event_creator', 'SET NULL') createdBy?: User | null;
  @InstantColumn() createdAt!: Date;
}
