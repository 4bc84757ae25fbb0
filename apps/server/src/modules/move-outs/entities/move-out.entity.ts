import { MemberRole, MoveOutScope, MoveOutStatus, OwnerAuthorisation } from '@linli/contracts';
import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
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
  @ManyToOne(() => Household, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'householdId', foreignKeyConstraintName: 'FK_move_out_household' })
  household?: Household;
  /** Copied from the household's place, for the office's scope (an assistant's buildings, a supervisor's community). */
  @RefColumn() buildingId!: string;
  @ManyToOne(() => Building, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'buildingId', foreignKeyConstraintName: 'FK_move_out_building' })
  building?: Building;
  @RefColumn() communityId!: string;
  @ManyToOne(() => Community, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'communityId', foreignKeyConstraintName: 'FK_move_out_community' })
  community?: Community;

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
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'applicantId', foreignKeyConstraintName: 'FK_move_out_applicant' })
  applicant?: User | null;
  @TextColumn(50) applicantName!: string;
  @EnumColumn(MemberRole) applicantRole!: MemberRole;
  @InstantColumn() createdAt!: Date;

  @EnumColumn(OwnerAuthorisation, { nullable: true })
  ownerAuthorisation!: OwnerAuthorisation | null;
  @RefColumn({ nullable: true }) ownerAuthorisedById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'ownerAuthorisedById',
    foreignKeyConstraintName: 'FK_move_out_owner_authoriser',
  })
  ownerAuthorisedBy?: User | null;
  @InstantColumn({ nullable: true }) ownerAuthorisedAt!: Date | null;
  @TextColumn(200, { nullable: true }) writtenAuthorisationNote!: string | null;

  @RefColumn({ nullable: true }) feesSettledById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'feesSettledById', foreignKeyConstraintName: 'FK_move_out_fees_settler' })
  feesSettledBy?: User | null;
  @InstantColumn({ nullable: true }) feesSettledAt!: Date | null;

  @RefColumn({ nullable: true }) decidedById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'decidedById', foreignKeyConstraintName: 'FK_move_out_decider' })
  decidedBy?: User | null;
  @InstantColumn({ nullable: true }) decidedAt!: Date | null;
  @TextColumn(200, { nullable: true }) rejectReason!: string | null;

  /** The release slip: issued on approval. */
  @TextColumn(8, { nullable: true }) slipCode!: string | null;
  @InstantColumn({ nullable: true }) slipValidUntil!: Date | null;
  @RefColumn({ nullable: true }) usedById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'usedById', foreignKeyConstraintName: 'FK_move_out_guard' })
  usedBy?: User | null;
  @TextColumn(50, { nullable: true }) usedByName!: string | null;
  @InstantColumn({ nullable: true }) usedAt!: Date | null;

  /** After the slip was used: the members who left for good were deregistered (their removedAt is this instant). */
  @RefColumn({ nullable: true }) deregisteredById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'deregisteredById', foreignKeyConstraintName: 'FK_move_out_deregistrar' })
  deregisteredBy?: User | null;
  @InstantColumn({ nullable: true }) deregisteredAt!: Date | null;
}
