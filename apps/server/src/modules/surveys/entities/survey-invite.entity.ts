import { SampleSource } from '@linli/contracts';
import { Column, Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
} from '../../../database/columns';
import { Household } from '../../org/entities/household.entity';
import { SurveyRound } from './survey-round.entity';

export const SAMPLE_SOURCES: Record<string, SampleSource> = {
  Random: 'random',
  Complainer: 'complainer',
  Manual: 'manual',
};

/** A household in a round's sample. Completed once, by the first adult member who answers the last question. */
@Entity('survey_invite')
@Index('IDX_survey_invite_round_household', ['roundId', 'householdId'], { unique: true })
@Index('IDX_survey_invite_household', ['householdId', 'invitedAt'])
export class SurveyInvite {
  @IdColumn() id!: string;
  @RefColumn() roundId!: string;
  @RefersTo(() => SurveyRound, 'FK_survey_invite_round', 'CASCADE') round?: SurveyRound;
  @RefColumn() householdId!: string;
  @RefersTo(() => Household, 'FK_survey_invite_household', 'CASCADE') household?: Household;
  @RefColumn() buildingId!: string;
  @EnumColumn(SAMPLE_SOURCES) source!: SampleSource;
  @InstantColumn() invitedAt!: Date;
  @InstantColumn({ nullable: true }) completedAt!: Date | null;
  @RefColumn({ nullable: true }) completedById!: string | null;
  /**
   * Set when the questionnaire completes (answers are final then): its rating answers and how many were
   * satisfied, so a round's headline is one range scan over its invitations, not a join over its answers.
   */
  @Column({ type: 'int', default: 0 }) rated!: number;
  @Column({ type: 'int', default: 0 }) satisfied!: number;
}
