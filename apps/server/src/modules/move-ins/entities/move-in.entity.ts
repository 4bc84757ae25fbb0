import { MoveInOwnerConsent, MoveInStatus } from '@linli/contracts';
import { Column, Entity, Index } from 'typeorm';
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
  @RefersTo(() => Household, 'FK_move_in_household', 'CASCADE') household?: Household;
  /** Copied from the household's place, for the office's scope. */
  @RefColumn() buildingId!: string;
  @RefersTo(() => Building, 'FK_move_in_building', 'CASCADE') building?: Building;
  @RefColumn() communityId!: string;
  @RefersTo(() => Community, 'FK_move_in_community', 'CASCADE') community?: Community;

  @EnumColumn(MoveInStatus) status!: MoveInStatus;
  @RefColumn({ nullable: true }) registrantId!: string | null;
  @RefersTo(() => User, 'FK_move_in_registrant', 'SET NULL') registrant?: User | null;
  @TextColumn(50) registrantName!: string;
  /** Registered by the office at the counter (not by a member in the mini-program). */
  @Column({ type: 'boolean' }) atCounter!: boolean;
  @InstantColumn() createdAt!: Date;

  @EnumColumn(MoveInOwnerConsent, { nullable: true }) ownerConsent!: MoveInOwnerConsent | null;
  @RefColumn({ nullable: true }) ownerConsentById!: string | null;
  @RefersTo(() => User, 'FK_move_in_owner_consenter', 'SET NULL') ownerConsentBy?: User | null;
  @InstantColumn({ nullable: true }) ownerConsentAt!: Date | null;

  /** The office holds the owner's written consent: who recorded it, when, and what it is. */
  @RefColumn({ nullable: true }) writtenConsentById!: string | null;
  @RefersTo(() => User, 'FK_move_in_written_consent_recorder', 'SET NULL')
  writtenConsentBy?: User | null;
  @InstantColumn({ nullable: true }) writtenConsentAt!: Date | null;
  @TextColumn(200, { nullable: true }) writtenConsentNote!: string | null;

  @RefColumn({ nullable: true }) decidedById!: string | null;
  @RefersTo(() => User, 'FK_move_in_decider', 'SET NULL') decidedBy?: User | null;
  @InstantColumn({ nullable: true }) decidedAt!: Date | null;
  @TextColumn(200, { nullable: true }) rejectReason!: string | null;
}
