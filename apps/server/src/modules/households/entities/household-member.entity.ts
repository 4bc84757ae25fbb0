import { MemberRole } from '@linli/contracts';
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

/** A person on a household's file. The ID number is stored in full and shown masked except to supervisors. */
@Entity('household_member')
@Index('IDX_member_household', ['householdId'])
@Index('IDX_member_user', ['userId'])
export class HouseholdMember {
  @IdColumn() id!: string;
  @RefColumn() householdId!: string;
  @RefersTo(() => Household, 'FK_member_household', 'CASCADE') household?: Household;
  @TextColumn(50) name!: string;
  @EnumColumn(MemberRole) role!: MemberRole;
  @TextColumn(20, { nullable: true }) relationship!: string | null;
  @TextColumn(20, { nullable: true }) phone!: string | null;
  @TextColumn(32, { nullable: true }) idNumber!: string | null;
  @TextColumn(10, { nullable: true }) moveInDate!: string | null;
  @RefColumn({ nullable: true }) userId!: string | null;
  @RefersTo(() => User, 'FK_member_user', 'SET NULL') user?: User | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn({ nullable: true }) removedAt!: Date | null;
  /** Who removed the member (an owner or the office); the removal is also in the membership history. */
  @RefColumn({ nullable: true }) removedById!: string | null;
  @RefersTo(() => User, 'FK_member_remover', 'SET NULL') removedBy?: User | null;
}
