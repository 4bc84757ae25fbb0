import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InstantColumn, RefColumn } from '../../../database/columns';
import { Company } from '../../org/entities/company.entity';
import { User } from '../../org/entities/user.entity';

/** A company's own indicator targets (the brief's seed numbers otherwise); only the keys it changed. */
@Entity('indicator_targets')
export class IndicatorTargetsRow {
  @PrimaryColumn({ type: 'varchar', length: 36 }) companyId!: string;
  @ManyToOne(() => Company, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'companyId', foreignKeyConstraintName: 'FK_indicator_targets_company' })
  company?: Company;
  @Column({ type: 'json' }) targets!: Record<string, number>;
  @RefColumn({ nullable: true }) updatedById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'updatedById', foreignKeyConstraintName: 'FK_indicator_targets_user' })
  updatedBy?: User | null;
  @InstantColumn() updatedAt!: Date;
}
