import { MoveInOwnerConsent, MoveInStatus } from '@linli/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
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
 * A move-in registration (入住登记, docs/domain-rules.md §4): people moving into a room, registered by a member of
 * the household or by the office at the counter. The owner's consent (registering themself or agreeing in
 * the mini-program) and the owner's written consent the office holds are kept apart: a relative needs
 * the written one. The people are in move_in_person.
 */
@Entity('move_in')
@Index('IDX_move_in_household', ['householdId', 'createdAt'])
@Index('IDX_move_in_building', ['buildingId', 'status'])
@Index('IDX_move_in_community', ['communityId', 'status'])
export class MoveIn {
  @IdColumn() id!: string;
  @RefColumn() householdId!: string;
  @ManyToOne(() => Household, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'householdId', foreignKeyConstraintName: 'FK_move_in_household' })
  household?: Household;
  /** Copied from the household's place, for the office's scope. */
  @RefColumn() buildingId!: string;
  @ManyToOne(() => Building, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'buildingId', foreignKeyConstraintName: 'FK_move_in_building' })
  building?: Building;
  @RefColumn() communityId!: string;
  @ManyToOne(() => Community, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'communityId', foreignKeyConstraintName: 'FK_move_in_community' })
  community?: Community;

  @EnumColumn(MoveInStatus) status!: MoveInStatus;
  @RefColumn({ nullable: true }) registrantId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'registrantId', foreignKeyConstraintName: 'FK_move_in_registrant' })
  registrant?: User | null;
  @TextColumn(50) registrantName!: string;
  /** Registered by the office at the counter (not by a member in the mini-program). */
  @Column({ type: 'boolean' }) atCounter!: boolean;
  @InstantColumn() createdAt!: Date;

  @EnumColumn(MoveInOwnerConsent, { nullable: true }) ownerConsent!: MoveInOwnerConsent | null;
  @RefColumn({ nullable: true }) ownerConsentById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'ownerConsentById', foreignKeyConstraintName: 'FK_move_in_owner_consenter' })
  ownerConsentBy?: User | null;
  @InstantColumn({ nullable: true }) ownerConsentAt!: Date | null;

  /** The office holds the owner's written consent: who recorded it, when, and what it is. */
  @RefColumn({ nullable: true }) writtenConsentById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'writtenConsentById',
    foreignKeyConstraintName: 'FK_move_in_written_consent_recorder',
  })
  writtenConsentBy?: User | null;
  @InstantColumn({ nullable: true }) writtenConsentAt!: Date | null;
  @TextColumn(200, { nullable: true }) writtenConsentNote!: string | null;

  @RefColumn({ nullable: true }) decidedById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'decidedById', foreignKeyConstraintName: 'FK_move_in_decider' })
  decidedBy?: User | null;
  @InstantColumn({ nullable: true }) decidedAt!: Date | null;
  @TextColumn(200, { nullable: true }) rejectReason!: string | null;
}
