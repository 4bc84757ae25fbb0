import { SurveyAnswerValue, SurveyTheme } from '@linli/contracts';
import { Column, Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { SurveyInvite } from './survey-invite.entity';

/**
 * One household's answer to one question of a round, saved as it is given (nothing is lost when the page
 * closes). `satisfied` is denormalised for rating questions (null otherwise) so the headline figures are
 * one indexed aggregate; `tag` is the supervisor's grouping of a free-text reason for the Pareto chart.
 */
@Entity('survey_answer')
@Index('IDX_survey_answer_invite_question', ['inviteId', 'questionId'], { unique: true })
@Index('IDX_survey_answer_round', ['roundId', 'questionId', 'satisfied'])
export class SurveyAnswer {
  @IdColumn() id!: string;
  @RefColumn() roundId!: string;
  @RefColumn() inviteId!: string;
  @RefersTo(() => SurveyInvite, 'FK_survey_answer_invite', 'CASCADE') invite?: SurveyInvite;
  @TextColumn(20) questionId!: string;
  @EnumColumn(SurveyTheme) theme!: SurveyTheme;
  @Column({ type: 'json' }) value!: SurveyAnswerValue;
  @Column({ type: 'boolean', nullable: true }) satisfied!: boolean | null;
  @TextColumn(30, { nullable: true }) tag!: string | null;
  @RefColumn({ nullable: true }) answeredById!: string | null;
  @InstantColumn() answeredAt!: Date;
}
