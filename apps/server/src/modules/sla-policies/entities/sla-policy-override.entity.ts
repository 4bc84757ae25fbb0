import { SlaLimit, SlaMilestone } from '@linli/contracts';
import { Column, Entity, Index } from 'typeorm';
import {
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { Company } from '../../org/entities/company.entity';
import { User } from '../../org/entities/user.entity';

/**
 * A company's own numbers for one time-limit policy of docs/domain-rules.md §6: per milestone, a limit that
 * replaces the default, or null to drop that milestone. Applies to tickets reported afterwards.
 */
@Entity('sla_policy_override')
@Index('IDX_sla_policy_override_company_code', ['companyId', 'policyCode'], { unique: true })
export class SlaPolicyOverrideRow {
  @IdColumn() id!: string;
  @RefColumn() companyId!: string;
  @RefersTo(() => Company, 'FK_sla_policy_override_company', 'CASCADE') company?: Company;
  @TextColumn(40) policyCode!: string;
  @Column({ type: 'json' }) milestones!: Partial<Record<SlaMilestone, SlaLimit | null>>;
  @RefColumn({ nullable: true }) updatedById!: string | null;
  @RefersTo(() => User, 'FK_sla_policy_override_user', 'SET NULL') updatedBy?: User | null;
  @InstantColumn() updatedAt!: Date;
}
