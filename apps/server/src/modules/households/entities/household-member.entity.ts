import { MemberRole } from '@linli/contracts';
import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
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
  @ManyToOne(() => Household, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'householdId', foreignKeyConstraintName: 'FK_member_household' })
  household?: Household;
  @TextColumn(50) name!: string;
  @EnumColumn(MemberRole) role!: MemberRole;
  @TextColumn(20, { nullable: true }) relationship!: string | null;
  @TextColumn(20, { nullable: true }) phone!: string | null;
  @TextColumn(32, { nullable: true }) idNumber!: string | null;
  @TextColumn(10, { nullable: true }) moveInDate!: string | null;
  @RefColumn({ nullable: true }) userId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_member_user' })
  user?: User | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn({ nullable: true }) removedAt!: Date | null;
  /** Who removed the member (an owner or the office); the removal is also in the membership history. */
  @RefColumn({ nullable: true }) removedById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'removedById', foreignKeyConstraintName: 'FK_member_remover' })
  removedBy?: User | null;
}
