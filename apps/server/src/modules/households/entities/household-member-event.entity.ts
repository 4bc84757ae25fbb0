import { JoinApprover, MemberRole, MembershipAction } from '@linli/contracts';
import { Entity, Index } from 'typeorm';
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
import { HouseholdJoinRequest } from './household-join-request.entity';
import { HouseholdMember } from './household-member.entity';

export const MEMBERSHIP_ACTIONS: Record<string, MembershipAction> = {
  Requested: 'requested',
  Approved: 'approved',
  Rejected: 'rejected',
  Joined: 'joined',
  Removed: 'removed',
  Cancelled: 'cancelled',
};
export const JOIN_APPROVERS: Record<string, JoinApprover> = { Owner: 'owner', Office: 'office' };

/** The household's membership history: every request, approval, rejection, join and removal, who and when. Never updated. */
@Entity('household_member_event')
@Index('IDX_member_event_household', ['householdId', 'at'])
export class HouseholdMemberEvent {
  @IdColumn() id!: string;
  @RefColumn() householdId!: string;
  @RefersTo(() => Household, 'FK_member_event_household', 'CASCADE') household?: Household;
  @RefColumn({ nullable: true }) requestId!: string | null;
  @RefersTo(() => HouseholdJoinRequest, 'FK_member_event_request', 'SET NULL')
  request?: HouseholdJoinRequest | null;
  @RefColumn({ nullable: true }) memberId!: string | null;
  @RefersTo(() => HouseholdMember, 'FK_member_event_member', 'SET NULL')
  member?: HouseholdMember | null;
  @EnumColumn(MEMBERSHIP_ACTIONS) action!: MembershipAction;
  @EnumColumn(JOIN_APPROVERS, { nullable: true }) actingAs!: JoinApprover | null;
  @RefColumn({ nullable: true }) actorId!: string | null;
  @RefersTo(() => User, 'FK_member_event_actor', 'SET NULL') actor?: User | null;
  /** The actor's name at the time (kept if the account goes). */
  @TextColumn(50, { nullable: true }) actorName!: string | null;
  @TextColumn(50) subjectName!: string;
  @EnumColumn(MemberRole) subjectRole!: MemberRole;
  @TextColumn(200, { nullable: true }) note!: string | null;
  @InstantColumn() at!: Date;
}
