import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, RefColumn, RefersTo } from '../../../database/columns';
import { Company } from '../../org/entities/company.entity';
import { User } from '../../org/entities/user.entity';

/** A company's own indicator targets (the brief's seed numbers otherwise); only the keys it changed. */
@Entity('indicator_targets')
export class IndicatorTargetsRow {
  @PrimaryColumn({ type: 'varchar', length: 36 }) companyId!: string;
  @RefersTo(() => Company, 'FK_indicator_targets_company', 'CASCADE') company?: Company;
  @Column({ type: 'json' }) targets!: Record<string, number>;
  @RefColumn({ nullable: true }) updatedById!: string | null;
  @RefersTo(() => User, 'FK_indicator_targets_user', 'SET NULL') updatedBy?: User | null;
  @InstantColumn() updatedAt!: Date;
}
