import { MemberRole } from '@linli/contracts';
import { Entity, PrimaryColumn } from 'typeorm';
import { EnumColumn, InstantColumn, RefColumn, RefersTo } from '../../../database/columns';
import { Household } from '../../org/entities/household.entity';
import { User } from '../../org/entities/user.entity';

/** A one-time code that binds a WeChat user to a household, issued by the office or the owner. */
@Entity('household_invite')
export class HouseholdInvite {
  @PrimaryColumn({ type: 'varchar', length: 12 }) code!: string;
  @RefColumn() householdId!: string;
  @RefersTo(() => Household, 'FK_invite_household', 'CASCADE') household?: Household;
  @EnumColumn(MemberRole) role!: MemberRole;
  @RefColumn() createdById!: string;
  @RefersTo(() => User, 'FK_invite_creator', 'RESTRICT') createdBy?: User;
  @InstantColumn() expiresAt!: Date;
  @RefColumn({ nullable: true }) usedById!: string | null;
  @RefersTo(() => User, 'FK_invite_user', 'SET NULL') usedBy?: User | null;
  @InstantColumn({ nullable: true }) usedAt!: Date | null;
}
