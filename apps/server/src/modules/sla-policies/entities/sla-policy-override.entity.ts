import { SlaLimit, SlaMilestone } from '@linli/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../../../database/columns';
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
  @ManyToOne(() => Company, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'companyId', foreignKeyConstraintName: 'FK_sla_policy_override_company' })
  company?: Company;
  @TextColumn(40) policyCode!: string;
  @Column({ type: 'json' }) milestones!: Partial<Record<SlaMilestone, SlaLimit | null>>;
  @RefColumn({ nullable: true }) updatedById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'updatedById', foreignKeyConstraintName: 'FK_sla_policy_override_user' })
  updatedBy?: User | null;
  @InstantColumn() updatedAt!: Date;
}
