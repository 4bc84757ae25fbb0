import { DepartmentName, Role } from '@linli/contracts';
import { Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { Community } from './community.entity';
import { Household } from './household.entity';

export const DEPARTMENTS: Record<string, DepartmentName> = {
  Engineering: 'engineering',
  Environment: 'environment',
  Security: 'security',
  CustomerService: 'customer_service',
};

/** Anyone who signs in: a resident bound to a household, or staff bound to a community. */
@Entity('user')
@Index('IDX_user_openid', ['openid'], { unique: true })
export class User {
  @IdColumn() id!: string;
  /** The WeChat openid of this mini-program; null until the person first signs in with WeChat. */
  @TextColumn(64, { nullable: true }) openid!: string | null;
  @TextColumn(50) name!: string;
  @TextColumn(20, { nullable: true }) phone!: string | null;
  @EnumColumn(Role) role!: Role;
  @RefColumn({ nullable: true }) householdId!: string | null;
  @RefersTo(() => Household, 'FK_user_household', 'RESTRICT') household?: Household | null;
  @RefColumn({ nullable: true }) communityId!: string | null;
  @RefersTo(() => Community, 'FK_user_community', 'RESTRICT') community?: Community | null;
  @InstantColumn() createdAt!: Date;
  /** A department head (部门负责人, role supervisor): the department whose work orders they receive. */
  @EnumColumn(DEPARTMENTS, { nullable: true }) department?: DepartmentName | null;
}
