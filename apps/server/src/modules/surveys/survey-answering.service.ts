import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  MySurveyDto,
  SurveyAnswerInput,
  SurveyAnswerValue,
  SurveyConversationDto,
  SurveyRoundStatus,
} from '@linli/contracts';
import {
  answerText,
  isComplete,
  isSatisfied,
  nextQuestion,
  SURVEY_GREETING,
  SURVEY_THANKS,
  surveyProgress,
  surveyWindowOpen,
  validateAnswer,
} from '@linli/domain/surveys';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, Repository } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { insertRows, isUniqueViolation, UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Questionnaire } from './entities/questionnaire.entity';
import { SurveyAnswer } from './entities/survey-answer.entity';
import { SurveyInvite } from './entities/survey-invite.entity';
import { SurveyRound } from './entities/survey-round.entity';
import { SENT_STATUSES } from './survey-rounds.service';

/** Who answers: a resident account and the household it answers for. Any channel resolves its caller to this. */
export interface Respondent {
  userId: string;
  householdId: string | null;
}

/** Where the conversation's reads go: the injected repositories, or a transaction's. */
interface SurveyReads {
  rounds: Repository<SurveyRound>;
  invites: Repository<SurveyInvite>;
  questionnaires: Repository<Questionnaire>;
  answers: Repository<SurveyAnswer>;
}

/**
 * The answering use case every channel calls (the mini-program's conversation page now, the WeChat
 * customer-service chat next): the household's conversation state, and one answer at a time, saved as
 * given. Only invited households; one submission per household (any member, the first to answer the last
 * question completes it); after the window, refused politely.
 */
@Injectable()
export class SurveyAnswering {
  constructor(
    @InjectRepository(SurveyInvite) private readonly surveyInvites: Repository<SurveyInvite>,
    @InjectRepository(SurveyRound) private readonly surveyRounds: Repository<SurveyRound>,
    @InjectRepository(Questionnaire) private readonly questionnaires: Repository<Questionnaire>,
    @InjectRepository(SurveyAnswer) private readonly surveyAnswers: Repository<SurveyAnswer>,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: ClockService,
  ) {}

  /** The questionnaires the household was invited to, open ones first. */
  async mine(who: Respondent): Promise<MySurveyDto[]> {
    if (!who.householdId) return [];
    const invites = await this.surveyInvites.find({
      where: { householdId: who.householdId },
      order: { invitedAt: 'DESC' },
      take: 50,
    });
    if (invites.length === 0) return [];
    const rounds = await this.surveyRounds.find({
      where: { id: In(invites.map((i) => i.roundId)), status: In(SENT_STATUSES) },
    });
    const now = this.clock.now();
    const out: MySurveyDto[] = [];
    for (const round of rounds) {
      const invite = invites.find((i) => i.roundId === round.id)!;
      const questionnaire = await this.questionnaires.findOneByOrFail({
        id: round.questionnaireId,
      });
      const answered = await this.surveyAnswers.count({ where: { inviteId: invite.id } });
      const completed = invite.completedAt !== null;
      out.push({
        roundId: round.id,
        title: round.title,
        kind: round.kind,
        closesAt: round.closesAt.toISOString(),
        status: round.status,
        answered,
        total: questionnaire.questions.length,
        completed,
        canAnswer: !completed && surveyWindowOpen(round, now),
        resultsPublished: round.status === SurveyRoundStatus.ResultsPublished,
      });
    }
    return out.sort(
      (a, b) => Number(b.canAnswer) - Number(a.canAnswer) || (a.closesAt < b.closesAt ? 1 : -1),
    );
  }

  async conversation(who: Respondent, roundId: string): Promise<SurveyConversationDto> {
    const reads = this.reads();
    const { round, invite } = await this.invitation(reads, who, roundId);
    return this.state(reads, round, invite);
  }

  async answer(
    who: Respondent,
    roundId: string,
    input: SurveyAnswerInput,
  ): Promise<SurveyConversationDto> {
    return this.unitOfWork.run(async (db) => {
      const reads = this.reads(db);
      const { round, invite } = await this.invitation(reads, who, roundId);
      if (invite.completedAt) throw new AppException(ErrorCode.SURVEY_ALREADY_COMPLETED);
      const now = this.clock.now();
      if (!surveyWindowOpen(round, now))
        throw new AppException(
          ErrorCode.SURVEY_WINDOW_CLOSED,
          now < round.opensAt ? '本轮调查还没开始，请稍后再来' : undefined,
        );
      const questionnaire = await db.findOneByOrFail(Questionnaire, { id: round.questionnaireId });
      const question = questionnaire.questions.find((q) => q.id === input.questionId);
      if (!question)
        throw new AppException(ErrorCode.SURVEY_ANSWER_INVALID, '没有这道题，请刷新后再答', [
          { field: 'questionId', message: '没有这道题' },
        ]);
      const checked = validateAnswer(question, input);
      if ('problem' in checked)
        throw new AppException(ErrorCode.SURVEY_ANSWER_INVALID, checked.problem, [
          { field: 'value', message: checked.problem },
        ]);
      await this.save(db, {
        roundId,
        inviteId: invite.id,
        questionId: question.id,
        theme: question.theme,
        value: checked.value,
        answeredById: who.userId,
        answeredAt: now,
      });
      const answers = await this.answersOf(reads, invite.id);
      if (isComplete(questionnaire.questions, answers)) {
        // The first member to answer the last question completes the household's questionnaire.
        const verdicts = [...answers.values()]
          .map(isSatisfied)
          .filter((v): v is boolean => v !== null);
        await db
          .createQueryBuilder()
          .update(SurveyInvite)
          .set({
            completedAt: now,
            completedById: who.userId,
            rated: verdicts.length,
            satisfied: verdicts.filter(Boolean).length,
          })
          .where('id = :id AND completedAt IS NULL', { id: invite.id })
          .execute();
      }
      return this.state(reads, round, await db.findOneByOrFail(SurveyInvite, { id: invite.id }));
    });
  }

  /** The repositories the reads go through: the injected ones, or inside a transaction its `db`'s. */
  private reads(db?: EntityManager): SurveyReads {
    if (!db)
      return {
        rounds: this.surveyRounds,
        invites: this.surveyInvites,
        questionnaires: this.questionnaires,
        answers: this.surveyAnswers,
      };
    return {
      rounds: db.getRepository(SurveyRound),
      invites: db.getRepository(SurveyInvite),
      questionnaires: db.getRepository(Questionnaire),
      answers: db.getRepository(SurveyAnswer),
    };
  }

  private async invitation(
    reads: SurveyReads,
    who: Respondent,
    roundId: string,
  ): Promise<{ round: SurveyRound; invite: SurveyInvite }> {
    const round = await reads.rounds.findOne({ where: { id: roundId } });
    if (!round || !SENT_STATUSES.includes(round.status))
      throw new AppException(ErrorCode.SURVEY_NOT_FOUND);
    const invite = who.householdId
      ? await reads.invites.findOne({ where: { roundId, householdId: who.householdId } })
      : null;
    if (!invite) throw new AppException(ErrorCode.SURVEY_NOT_INVITED);
    return { round, invite };
  }

  private async save(
    db: EntityManager,
    a: Omit<SurveyAnswer, 'id' | 'satisfied' | 'tag'>,
  ): Promise<void> {
    const satisfied = isSatisfied(a.value);
    const existing = await db.findOne(SurveyAnswer, {
      where: { inviteId: a.inviteId, questionId: a.questionId },
    });
    if (existing) {
      await db.update(
        SurveyAnswer,
        { id: existing.id },
        { value: a.value, satisfied, answeredById: a.answeredById, answeredAt: a.answeredAt },
      );
      return;
    }
    try {
      await insertRows(db, SurveyAnswer, { id: randomUUID(), ...a, satisfied, tag: null });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      await db.update(
        SurveyAnswer,
        { inviteId: a.inviteId, questionId: a.questionId },
        { value: a.value, satisfied, answeredById: a.answeredById, answeredAt: a.answeredAt },
      );
    }
  }

  private async answersOf(
    reads: SurveyReads,
    inviteId: string,
  ): Promise<Map<string, SurveyAnswerValue>> {
    const rows = await reads.answers.find({ where: { inviteId } });
    return new Map(rows.map((r) => [r.questionId, r.value]));
  }

  private async state(
    reads: SurveyReads,
    round: SurveyRound,
    invite: SurveyInvite,
  ): Promise<SurveyConversationDto> {
    const questionnaire = await reads.questionnaires.findOneByOrFail({ id: round.questionnaireId });
    const answers = await this.answersOf(reads, invite.id);
    const completed = invite.completedAt !== null;
    const open = surveyWindowOpen(round, this.clock.now());
    return {
      roundId: round.id,
      title: round.title,
      greeting: SURVEY_GREETING,
      closesAt: round.closesAt.toISOString(),
      turns: questionnaire.questions
        .filter((q) => answers.has(q.id))
        .map((q) => ({
          question: q,
          answer: answers.get(q.id)!,
          answerText: answerText(answers.get(q.id)!),
        })),
      next: completed || !open ? null : nextQuestion(questionnaire.questions, answers),
      progress: surveyProgress(questionnaire.questions, answers),
      completed,
      thanks: completed ? SURVEY_THANKS : null,
      closedMessage:
        !completed && !open
          ? this.clock.now() < round.opensAt
            ? '本轮调查还没开始，请稍后再来。'
            : '本轮调查已结束，感谢您的关注！结果公布后会通知您。'
          : null,
    };
  }
}
