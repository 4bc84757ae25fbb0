import { MemberRole, MoveOutScope, MoveOutStatus, OwnerAuthorisation } from '@linli/contracts';
import { Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { Building } from '../../org/entities/building.entity';
import { Community } from '../../org/entities/community.entity';
import { Household } from '../../org/entities/household.entity';
import { User } from '../../org/entities/user.entity';

/**
 * An application to move belongings out (搬出申请, docs/domain-rules.md §4) and, once the office approves, its
 * release slip (放行条): the code the guard checks at the gate, used once. Who authorised, who recorded
 * the fees as settled, who approved, who let the goods out and who deregistered the leavers: each with when.
 */
@Entity('move_out')
@Index('IDX_move_out_household', ['householdId', 'createdAt'])
@Index('IDX_move_out_building', ['buildingId', 'status'])
@Index('IDX_move_out_community', ['communityId', 'status'])
@Index('IDX_move_out_slip_code', ['slipCode'], { unique: true })
export class MoveOut {
  @IdColumn() id!: string;
  @RefColumn() householdId!: string;
  @RefersTo(() => Household, 'FK_move_out_household', 'CASCADE') household?: Household;
  /** Copied from the household's place, for the office's scope (an assistant's buildings, a supervisor's community). */
  @RefColumn() buildingId!: string;
  @RefersTo(() => Building, 'FK_move_out_building', 'CASCADE') building?: Building;
  @RefColumn() communityId!: string;
  @RefersTo(() => Community, 'FK_move_out_community', 'CASCADE') community?: Community;

  @EnumColumn(MoveOutStatus) status!: MoveOutStatus;
  @EnumColumn(MoveOutScope) scope!: MoveOutScope;
  /** 'YYYY-MM-DD', China date. */
  @TextColumn(10) moveDate!: string;
  /** The main items, one per line. */
  @TextColumn(1000) items!: string;
  @TextColumn(50) carrierName!: string;
  @TextColumn(20) carrierPhone!: string;
  @TextColumn(16, { nullable: true }) vehiclePlate!: string | null;

  @RefColumn({ nullable: true }) applicantId!: string | null;
  @RefersTo(() => User, 'FK_move_out_applicant', 'SET NULL') applicant?: User | null;
  @TextColumn(50) applicantName!: string;
  @EnumColumn(MemberRole) applicantRole!: MemberRole;
  @InstantColumn() createdAt!: Date;

  @EnumColumn(OwnerAuthorisation, { nullable: true })
  ownerAuthorisation!: OwnerAuthorisation | null;
  @RefColumn({ nullable: true }) ownerAuthorisedById!: string | null;
  @RefersTo(() => User, 'FK_move_out_owner_authoriser', 'SET NULL') ownerAuthorisedBy?: User | null;
  @InstantColumn({ nullable: true }) ownerAuthorisedAt!: Date | null;
  @TextColumn(200, { nullable: true }) writtenAuthorisationNote!: string | null;

  @RefColumn({ nullable: true }) feesSettledById!: string | null;
  @RefersTo(() => User, 'FK_move_out_fees_settler', 'SET NULL') feesSettledBy?: User | null;
  @InstantColumn({ nullable: true }) feesSettledAt!: Date | null;

  @RefColumn({ nullable: true }) decidedById!: string | null;
  @RefersTo(() => User, 'FK_move_out_decider', 'SET NULL') decidedBy?: User | null;
  @InstantColumn({ nullable: true }) decidedAt!: Date | null;
  @TextColumn(200, { nullable: true }) rejectReason!: string | null;

  /** The release slip: issued on approval. */
  @TextColumn(8, { nullable: true }) slipCode!: string | null;
  @InstantColumn({ nullable: true }) slipValidUntil!: Date | null;
  @RefColumn({ nullable: true }) usedById!: string | null;
  @RefersTo(() => User, 'FK_move_out_guard', 'SET NULL') usedBy?: User | null;
  @TextColumn(50, { nullable: true }) usedByName!: string | null;
  @InstantColumn({ nullable: true }) usedAt!: Date | null;

  /** After the slip was used: the members who left for good were deregistered (their removedAt is this instant). */
  @RefColumn({ nullable: true }) deregisteredById!: string | null;
  @RefersTo(() => User, 'FK_move_out_deregistrar', 'SET NULL') deregisteredBy?: User | null;
  @InstantColumn({ nullable: true }) deregisteredAt!: Date | null;
}
