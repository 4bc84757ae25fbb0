import { QuestionnaireStatus, SurveyQuestion, SurveyTheme } from '@linli/contracts';
import { Column, Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { Community } from '../../org/entities/community.entity';
import { Company } from '../../org/entities/company.entity';

export const QUESTIONNAIRE_STATUSES: Record<string, QuestionnaireStatus> = {
  Draft: 'draft',
  Published: 'published',
};

/**
 * A questionnaire version. Once published it is frozen: rounds and answers point at this row, so an
 * answer always refers to the exact wording it answered; changing it means saving a new version.
 */
@Entity('questionnaire')
@Index('IDX_questionnaire_owner', ['companyId', 'communityId'])
export class Questionnaire {
  @IdColumn() id!: string;
  @RefColumn() companyId!: string;
  @RefersTo(() => Company, 'FK_questionnaire_company', 'CASCADE') company?: Company;
  /** Null: a company-wide template. */
  @RefColumn({ nullable: true }) communityId!: string | null;
  @RefersTo(() => Community, 'FK_questionnaire_community', 'CASCADE') community?: Community | null;
  @TextColumn(60) title!: string;
  @EnumColumn(SurveyTheme) theme!: SurveyTheme;
  @Column({ type: 'int' }) version!: number;
  @EnumColumn(QUESTIONNAIRE_STATUSES) status!: QuestionnaireStatus;
  @Column({ type: 'json' }) questions!: SurveyQuestion[];
  @RefColumn({ nullable: true }) createdById!: string | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn({ nullable: true }) publishedAt!: Date | null;
}
