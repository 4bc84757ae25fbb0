import { MemberRole } from '@linli/contracts';
import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EnumColumn, InstantColumn, RefColumn } from '../../../database/columns';
import { Household } from '../../org/entities/household.entity';
import { User } from '../../org/entities/user.entity';

/** A one-time code that binds a WeChat user to a household, issued by the office or the owner. */
@Entity('household_invite')
export class HouseholdInvite {
  @PrimaryColumn({ type: 'varchar', length: 12 }) code!: string;
  @RefColumn() householdId!: string;
  @ManyToOne(() => Household, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'householdId', foreignKeyConstraintName: 'FK_invite_household' })
  household?: Household;
  @EnumColumn(MemberRole) role!: MemberRole;
  @RefColumn() createdById!: string;
  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'createdById', foreignKeyConstraintName: 'FK_invite_creator' })
  createdBy?: User;
  @InstantColumn() expiresAt!: Date;
  @RefColumn({ nullable: true }) usedById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'usedById', foreignKeyConstraintName: 'FK_invite_user' })
  usedBy?: User | null;
  @InstantColumn({ nullable: true }) usedAt!: Date | null;
}
