import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, RefersTo } from '../../../database/columns';
import { Company } from '../../org/entities/company.entity';

/** A company's survey settings; a company without a row uses the defaults (SURVEY_SETTING_DEFAULTS). */
@Entity('survey_settings')
export class SurveySettings {
  @PrimaryColumn({ type: 'varchar', length: 36 }) companyId!: string;
  @RefersTo(() => Company, 'FK_survey_settings_company', 'CASCADE') company?: Company;
  @Column({ type: 'boolean' }) staffSeeHouseholdAnswers!: boolean;
  @Column({ type: 'int' }) recontactDays!: number;
  @Column({ type: 'int' }) reminderHoursBeforeClose!: number;
  @Column({ type: 'int' }) monthlyRatePercent!: number;
  @Column({ type: 'int' }) annualRatePercent!: number;
  @Column({ type: 'int' }) targetPercent!: number;
  @InstantColumn() updatedAt!: Date;
}
