import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, SurveyRoundStatus, SurveySummaryDto } from '@linli/contracts';
import { Repository } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { OrgDirectory } from '../org/org-directory.service';
import { SurveyRound } from './entities/survey-round.entity';
import type { Respondent } from './survey-answering.service';
import { SurveyResultsService } from './survey-results.service';

/** ReadSurveySummary: what a resident of the community sees of a round once its results are published. */
@Injectable()
export class SurveySummary {
  constructor(
    @InjectRepository(SurveyRound) private readonly surveyRounds: Repository<SurveyRound>,
    private readonly results: SurveyResultsService,
    private readonly org: OrgDirectory,
  ) {}

  /** A published round's headline and what will improve, for any resident of its community. */
  async summary(who: Respondent, roundId: string): Promise<SurveySummaryDto> {
    const place = who.householdId ? await this.org.householdPlace(who.householdId) : null;
    const round = await this.surveyRounds.findOne({ where: { id: roundId } });
    if (
      !round ||
      !place ||
      round.communityId !== place.communityId ||
      round.status !== SurveyRoundStatus.ResultsPublished
    )
      throw new AppException(ErrorCode.SURVEY_NOT_FOUND, '调查结果尚未公布');
    const head = await this.results.headline(roundId);
    return {
      roundId,
      title: round.title,
      responseRate: head.responseRate.percent,
      adjustedSatisfaction: head.adjustedSatisfaction,
      improvements: round.improvements ?? '',
      publishedAt: round.resultsPublishedAt!.toISOString(),
    };
  }
}
