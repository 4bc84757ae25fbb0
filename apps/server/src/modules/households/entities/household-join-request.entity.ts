import { JoinRequestStatus, MemberRole } from '@linli/contracts';
import { Column, Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { Household } from '../../org/entities/household.entity';
import { User } from '../../org/entities/user.entity';
import { HouseholdMember } from './household-member.entity';

export const JOIN_REQUEST_STATUSES: Record<string, JoinRequestStatus> = {
  Pending: 'pending',
  Approved: 'approved',
  Rejected: 'rejected',
  Cancelled: 'cancelled',
};

/**
 * A WeChat user's request to join a household (issue #4): approved by an owner of the household
 * and/or the office, as joinApprovers(role) says; on the last approval the user becomes a member.
 */
@Entity('household_join_request')
@Index('IDX_join_request_household', ['householdId', 'status'])
@Index('IDX_join_request_community', ['communityId', 'status', 'createdAt'])
@Index('IDX_join_request_user', ['userId', 'createdAt'])
export class HouseholdJoinRequest {
  @IdColumn() id!: string;
  @RefColumn() householdId!: string;
  @RefersTo(() => Household, 'FK_join_request_household', 'CASCADE') household?: Household;
  /** The household's building and community, copied so the office's queue is one index range. */
  @RefColumn() buildingId!: string;
  @RefColumn() communityId!: string;
  @RefColumn() userId!: string;
  @RefersTo(() => User, 'FK_join_request_user', 'CASCADE') user?: User;
  @TextColumn(50) name!: string;
  @TextColumn(20) phone!: string;
  @EnumColumn(MemberRole) role!: MemberRole;
  @TextColumn(20, { nullable: true }) relationship!: string | null;
  @EnumColumn(JOIN_REQUEST_STATUSES) status!: JoinRequestStatus;
  @Column({ type: 'boolean' }) needsOwner!: boolean;
  @Column({ type: 'boolean' }) needsOffice!: boolean;
  @RefColumn({ nullable: true }) ownerApprovedById!: string | null;
  @RefersTo(() => User, 'FK_join_request_owner_approver', 'SET NULL') ownerApprovedBy?: User | null;
  @InstantColumn({ nullable: true }) ownerApprovedAt!: Date | null;
  @RefColumn({ nullable: true }) officeApprovedById!: string | null;
  @RefersTo(() => User, 'FK_join_request_office_approver', 'SET NULL')
  officeApprovedBy?: User | null;
  @InstantColumn({ nullable: true }) officeApprovedAt!: Date | null;
  /** Who rejected it (or the requester, when cancelled). */
  @RefColumn({ nullable: true }) decidedById!: string | null;
  @RefersTo(() => User, 'FK_join_request_decider', 'SET NULL') decidedBy?: User | null;
  @InstantColumn({ nullable: true }) decidedAt!: Date | null;
  @TextColumn(200, { nullable: true }) rejectReason!: string | null;
  /** The member row the approval created or linked. */
  @RefColumn({ nullable: true }) memberId!: string | null;
  @RefersTo(() => HouseholdMember, 'FK_join_request_member', 'SET NULL')
  member?: HouseholdMember | null;
  @InstantColumn() createdAt!: Date;
}
