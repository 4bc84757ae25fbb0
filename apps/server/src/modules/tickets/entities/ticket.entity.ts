import { Channel, HoldReason, TicketKind, TicketStatus } from '@linli/contracts';
import { OutageNotice } from '../../outages/entities/outage-notice.entity';
import { Column, Entity, Index, VersionColumn } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { TicketCategory } from '../../categories/entities/ticket-category.entity';
import { Building } from '../../org/entities/building.entity';
import { Community } from '../../org/entities/community.entity';
import { Household } from '../../org/entities/household.entity';
import { Room } from '../../org/entities/room.entity';
import { User } from '../../org/entities/user.entity';

/** A stretch when the time limits stood still, as ISO instants; `to` is null while it lasts. */
export interface StoredPause {
  from: string;
  to: string | null;
}

/**
 * A request, repair, complaint… from a household (报事). Where it is (room → building → community) is
 * copied onto the ticket so queues and access checks need no joins. Status changes go through the
 * domain state machine and an optimistic lock on `version`.
 */
@Entity('ticket')
@Index('IDX_ticket_code', ['code'], { unique: true })
@Index('IDX_ticket_reporter_idempotency', ['reporterId', 'idempotencyKey'], { unique: true })
@Index('IDX_ticket_assignee_status', ['assigneeId', 'status'])
@Index('IDX_ticket_building_status', ['buildingId', 'status'])
@Index('IDX_ticket_household_created', ['householdId', 'createdAt'])
@Index('IDX_ticket_next_check', ['nextCheckAt'])
@Index('IDX_ticket_community_created', ['communityId', 'createdAt'])
@Index('IDX_ticket_community_status', ['communityId', 'status'])
@Index('IDX_ticket_outage', ['outageId'])
export class Ticket {
  @IdColumn() id!: string;
  @TextColumn(20) code!: string;
  @EnumColumn(TicketKind) kind!: TicketKind;

  @TextColumn(32) categoryCode!: string;
  @RefersTo(() => TicketCategory, 'FK_ticket_category', 'RESTRICT', 'categoryCode')
  category?: TicketCategory;

  @TextColumn(500) description!: string;
  @EnumColumn(TicketStatus) status!: TicketStatus;
  @Column({ type: 'boolean', default: false }) emergency!: boolean;
  /** Severity (docs/domain-rules.md §6): a serious case gets the stricter limit where the table has one. Urgency is `emergency`. */
  @Column({ type: 'boolean', default: false }) serious!: boolean;
  /** A report of a planned cut: linked to its notice instead of dispatched, closed with it. */
  @RefColumn({ nullable: true }) outageId!: string | null;
  @RefersTo(() => OutageNotice, 'FK_ticket_outage', 'SET NULL') outage?: OutageNotice | null;

  @RefColumn() householdId!: string;
  @RefersTo(() => Household, 'FK_ticket_household', 'RESTRICT') household?: Household;

  @RefColumn() roomId!: string;
  @RefersTo(() => Room, 'FK_ticket_room', 'RESTRICT') room?: Room;

  @RefColumn() buildingId!: string;
  @RefersTo(() => Building, 'FK_ticket_building', 'RESTRICT') building?: Building;

  @RefColumn() communityId!: string;
  @RefersTo(() => Community, 'FK_ticket_community', 'RESTRICT') community?: Community;

  @RefColumn() reporterId!: string;
  @RefersTo(() => User, 'FK_ticket_reporter', 'RESTRICT') reporter?: User;

  @RefColumn({ nullable: true }) assigneeId!: string | null;
  @RefersTo(() => User, 'FK_ticket_assignee', 'RESTRICT') assignee?: User | null;

  @EnumColumn(Channel) channel!: Channel;
  /** The staff member who registered a request received by phone, at the desk or on patrol (首接责任制). */
  @RefColumn({ nullable: true }) receivedById!: string | null;
  @RefersTo(() => User, 'FK_ticket_received_by', 'RESTRICT') receivedBy?: User | null;
  /** Whom to call back about a request staff registered: the caller may have no account. */
  @TextColumn(50, { nullable: true }) contactName!: string | null;
  @TextColumn(20, { nullable: true }) contactPhone!: string | null;
  /** Client-generated; the same (reporter, key) always means the same ticket. */
  @TextColumn(64) idempotencyKey!: string;
  @InstantColumn({ nullable: true }) preferredVisitAt!: Date | null;
  @EnumColumn(HoldReason, { nullable: true }) holdReason!: HoldReason | null;
  /** Stretches when the time limits stood still (on hold), as ISO instants; the last may be open. */
  @Column({ type: 'json' }) pauses!: StoredPause[];
  @Column({ type: 'int', default: 0 }) reopenCount!: number;
  /** 0 none, 1 supervisor, 2 company manager. */
  @Column({ type: 'int', default: 0 }) escalationLevel!: number;
  @InstantColumn({ nullable: true }) escalatedAt!: Date | null;
  @InstantColumn({ nullable: true }) resolvedAt!: Date | null;
  /** When the sweep must next look at this ticket; null when nothing is pending. */
  @InstantColumn({ nullable: true }) nextCheckAt!: Date | null;
  @VersionColumn() version!: number;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}
