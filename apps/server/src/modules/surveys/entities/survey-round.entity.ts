import { SurveyRoundKind, SurveyRoundStatus } from '@linli/contracts';
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
import { Questionnaire } from './questionnaire.entity';

/** Per building: occupied households and the random target when the sample was drawn. */
export interface RoundStratum {
  buildingId: string;
  occupied: number;
  target: number;
}

/** A round of a questionnaire in one community: its window, its stored seed and sample, its state. */
@Entity('survey_round')
@Index('IDX_survey_round_community', ['communityId', 'closesAt'])
@Index('IDX_survey_round_next_check', ['nextCheckAt'])
export class SurveyRound {
  @IdColumn() id!: string;
  @RefColumn() communityId!: string;
  @RefersTo(() => Community, 'FK_survey_round_community', 'CASCADE') community?: Community;
  @RefColumn() questionnaireId!: string;
  @RefersTo(() => Questionnaire, 'FK_survey_round_questionnaire', 'RESTRICT')
  questionnaire?: Questionnaire;
  @EnumColumn(SurveyRoundKind) kind!: SurveyRoundKind;
  @TextColumn(60) title!: string;
  @EnumColumn(SurveyRoundStatus) status!: SurveyRoundStatus;
  @InstantColumn() opensAt!: Date;
  @InstantColumn() closesAt!: Date;
  /** The PRNG seed of the random draw: the same seed and households give the same sample. */
  @Column({ type: 'int' }) seed!: number;
  @Column({ type: 'json' }) strata!: RoundStratum[];
  @Column({ type: 'int' }) recontactExcluded!: number;
  @Column({ type: 'int' }) shortfall!: number;
  @RefColumn({ nullable: true }) createdById!: string | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn({ nullable: true }) sentAt!: Date | null;
  @InstantColumn({ nullable: true }) closedAt!: Date | null;
  @InstantColumn({ nullable: true }) resultsPublishedAt!: Date | null;
  /** What the company will improve, as published to residents with the results. */
  @TextColumn(500, { nullable: true }) improvements!: string | null;
  /** When the sweeper next has work here (the reminder, then the end of the window); null: none. */
  @InstantColumn({ nullable: true }) nextCheckAt!: Date | null;
  @InstantColumn({ nullable: true }) remindedAt!: Date | null;
}
