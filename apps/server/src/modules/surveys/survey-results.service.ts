import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, QuestionType, SurveyResultsDto, SurveyRoundStatus } from '@linli/contracts';
import {
  adjustedSatisfaction,
  byTheme,
  countsOf,
  pareto,
  rate,
  responsePenalty,
  satisfactionOf,
  ScoredAnswer,
} from '@linli/domain/surveys';
import { In, Not, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { Household } from '../org/entities/household.entity';
import { Room } from '../org/entities/room.entity';
import { TagAnswerDto } from './dto/survey.dto';
import { Questionnaire } from './entities/questionnaire.entity';
import { SurveyAnswer } from './entities/survey-answer.entity';
import { SurveyInvite } from './entities/survey-invite.entity';
import { SurveyRound } from './entities/survey-round.entity';
import { SurveyAccess } from './survey-access';
import { SurveySettingsService } from './survey-settings.service';
import { roomLabelsOf } from '../org/room-labels';

/** A round's headline figures: the response rate, satisfaction, the penalty and the adjusted rate. */
export type Headline = Pick<
  SurveyResultsDto,
  'invited' | 'responded' | 'responseRate' | 'satisfaction' | 'penalty' | 'adjustedSatisfaction'
>;

/**
 * Results (domain brief §9, §12). Only completed questionnaires count. The headline figures are one
 * aggregate over the round's invitations (each completed one carries its rated and satisfied counts),
 * so they stay fast with a million answers; the per-question detail reads the round's completed answers.
 */
@Injectable()
export class SurveyResultsService {
  constructor(
    @InjectRepository(Household) private readonly households: Repository<Household>,
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
    @InjectRepository(SurveyInvite) private readonly surveyInvites: Repository<SurveyInvite>,
    @InjectRepository(Questionnaire) private readonly questionnaires: Repository<Questionnaire>,
    @InjectRepository(SurveyAnswer) private readonly surveyAnswers: Repository<SurveyAnswer>,
    @InjectRepository(SurveyRound) private readonly surveyRounds: Repository<SurveyRound>,
    private readonly access: SurveyAccess,
    private readonly settings: SurveySettingsService,
  ) {}

  async headline(roundId: string): Promise<Headline> {
    const row = (await this.surveyInvites
      .createQueryBuilder('i')
      .select('COUNT(*)', 'invited')
      .addSelect('SUM(CASE WHEN i.completedAt IS NULL THEN 0 ELSE 1 END)', 'responded')
      .addSelect('SUM(CASE WHEN i.completedAt IS NULL THEN 0 ELSE i.rated END)', 'rated')
      .addSelect('SUM(CASE WHEN i.completedAt IS NULL THEN 0 ELSE i.satisfied END)', 'satisfied')
      .where('i.roundId = :roundId', { roundId })
      .getRawOne()) as {
      invited: string | number;
      responded: string | number | null;
      rated: string | number | null;
      satisfied: string | number | null;
    };
    const invited = Number(row.invited);
    const responded = Number(row.responded ?? 0);
    const satisfaction = rate(Number(row.satisfied ?? 0), Number(row.rated ?? 0));
    const penalty = responsePenalty(responded, invited);
    return {
      invited,
      responded,
      responseRate: rate(responded, invited),
      satisfaction,
      penalty,
      adjustedSatisfaction: adjustedSatisfaction(satisfaction.percent, penalty),
    };
  }

  async results(user: AuthUser, roundId: string): Promise<SurveyResultsDto> {
    const round = await this.access.roundFor(user, roundId);
    if (round.status === SurveyRoundStatus.Draft || round.status === SurveyRoundStatus.Cancelled)
      throw new AppException(ErrorCode.SURVEY_STATE, '调查尚未发出，还没有结果');
    const questionnaire = await this.questionnaires.findOneByOrFail({ id: round.questionnaireId });
    const settings = await this.settings.ofCommunity(round.communityId);
    const head = await this.headline(roundId);
    const rows = await this.surveyAnswers
      .createQueryBuilder('a')
      .innerJoin(SurveyInvite, 'i', 'i.id = a.inviteId')
      .addSelect('i.householdId', 'householdId')
      .where('a.roundId = :roundId AND i.completedAt IS NOT NULL', { roundId })
      .getRawAndEntities();
    const answers = rows.entities;
    const householdOf = new Map(
      rows.raw.map((r: { a_id: string; householdId: string }) => [r.a_id, r.householdId]),
    );
    const scored: ScoredAnswer[] = answers.map((a) => ({
      questionId: a.questionId,
      theme: a.theme,
      value: a.value,
      tag: a.tag,
    }));
    const rooms = settings.staffSeeHouseholdAnswers
      ? await this.roomsOf([...new Set(householdOf.values())])
      : new Map<string, string>();
    const questions = questionnaire.questions.map((q) => {
      const mine = answers.filter((a) => a.questionId === q.id);
      const rating = q.type === QuestionType.Stars || q.type === QuestionType.Satisfaction;
      return {
        questionId: q.id,
        text: q.text,
        type: q.type,
        theme: q.theme,
        answered: mine.filter((a) => a.value.kind !== 'skipped').length,
        satisfaction: rating ? satisfactionOf(scored.filter((s) => s.questionId === q.id)) : null,
        counts: countsOf(q, scored),
        ...(q.type === QuestionType.Text
          ? {
              texts: mine
                .filter((a) => a.value.kind === 'text')
                .map((a) => ({
                  answerId: a.id,
                  text: a.value.kind === 'text' ? a.value.text : '',
                  tag: a.tag,
                  room: settings.staffSeeHouseholdAnswers
                    ? (rooms.get(householdOf.get(a.id) ?? '') ?? null)
                    : null,
                })),
            }
          : {}),
      };
    });
    const trend = await this.trend(round);
    const previousRound = trend.length >= 2 ? trend[trend.length - 2] : null;
    return {
      roundId,
      title: round.title,
      status: round.status,
      invited: head.invited,
      responded: head.responded,
      responseRate: head.responseRate,
      satisfaction: head.satisfaction,
      penalty: head.penalty,
      adjustedSatisfaction: head.adjustedSatisfaction,
      target: settings.targetPercent,
      byTheme: byTheme(scored, settings.targetPercent),
      questions,
      pareto: pareto(answers.map((a) => a.tag)),
      trend,
      previous: previousRound
        ? {
            roundId: previousRound.roundId,
            title: previousRound.title,
            adjustedSatisfaction: previousRound.adjustedSatisfaction,
            responseRate: previousRound.responseRate,
          }
        : null,
      householdAnswersVisible: settings.staffSeeHouseholdAnswers,
    };
  }

  /** The supervisor groups a free-text reason under a tag (the Pareto chart's bars); null removes it. */
  async tag(
    user: AuthUser,
    answerId: string,
    dto: TagAnswerDto,
  ): Promise<{ answerId: string; tag: string | null }> {
    const answer = await this.surveyAnswers.findOne({ where: { id: answerId } });
    if (!answer) throw new AppException(ErrorCode.SURVEY_NOT_FOUND);
    await this.access.roundFor(user, answer.roundId);
    if (answer.value.kind !== 'text')
      throw new AppException(ErrorCode.VALIDATION_FAILED, '只能给文字意见加标签', [
        { field: 'tag', message: '只能给文字意见加标签' },
      ]);
    const tag = dto.tag?.trim() || null;
    await this.surveyAnswers.update({ id: answerId }, { tag });
    return { answerId, tag };
  }

  /** This round and up to 11 earlier sent rounds of the community, oldest first (the month-by-month trend). */
  private async trend(round: SurveyRound): Promise<SurveyResultsDto['trend']> {
    const earlier = await this.surveyRounds.find({
      where: {
        communityId: round.communityId,
        status: In([SurveyRoundStatus.Closed, SurveyRoundStatus.ResultsPublished]),
        id: Not(round.id),
      },
      order: { closesAt: 'DESC' },
      take: 11,
    });
    const rounds = [
      ...earlier.filter((r) => r.closesAt.getTime() <= round.closesAt.getTime()).reverse(),
      round,
    ];
    const out: SurveyResultsDto['trend'] = [];
    for (const r of rounds) {
      const h = await this.headline(r.id);
      out.push({
        roundId: r.id,
        title: r.title,
        closesAt: r.closesAt.toISOString(),
        adjustedSatisfaction: h.adjustedSatisfaction,
        responseRate: h.responseRate.percent,
      });
    }
    return out;
  }

  private roomsOf(householdIds: string[]): Promise<Map<string, string>> {
    return roomLabelsOf({ households: this.households, rooms: this.rooms }, householdIds);
  }
}
