import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  NotificationKind,
  Role,
  SurveyRoundAction,
  SurveyRoundDto,
  SurveyRoundStatus,
} from '@linli/contracts';
import { reminderDueAt, surveyRoundTransition } from '@linli/domain/surveys';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Inbox } from '../notifications/inbox.service';
import { PublishSurveyResultsDto } from './dto/survey.dto';
import { SurveyInvite } from './entities/survey-invite.entity';
import { SurveyRound } from './entities/survey-round.entity';
import { SurveyAccess } from './survey-access';
import { SurveyMessages } from './survey-messages';
import { SurveyResultsService } from './survey-results.service';
import { SurveyRoundsService } from './survey-rounds.service';
import { SurveySettingsService } from './survey-settings.service';
import { communityResidents } from '../org/community-state';

/**
 * A round's transitions taken by the office (send, close, cancel, publish the results), each checked
 * against the transition table and applied with a compare-and-set on the status, so two clicks (or a
 * click and the sweeper) never both succeed.
 */
@Injectable()
export class SurveyRoundLifecycle {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly access: SurveyAccess,
    private readonly rounds: SurveyRoundsService,
    private readonly results: SurveyResultsService,
    private readonly settings: SurveySettingsService,
    private readonly messages: SurveyMessages,
    private readonly inbox: Inbox,
    private readonly clock: ClockService,
  ) {}

  /** Opens the window and invites every sampled household; the sweeper will remind and close. */
  async send(user: AuthUser, id: string): Promise<SurveyRoundDto> {
    await this.unitOfWork.run(async (db) => {
      const round = await this.access.roundFor(user, id, db);
      const to = this.check(round, SurveyRoundAction.Send, user.role);
      const now = this.clock.now();
      if (round.closesAt.getTime() <= now.getTime())
        throw new AppException(ErrorCode.SURVEY_STATE, '调查结束时间已过，请重新建立一轮调查');
      const invites = await db.find(SurveyInvite, {
        where: { roundId: id },
        select: { householdId: true },
      });
      if (invites.length === 0)
        throw new AppException(ErrorCode.SURVEY_STATE, '样本为空：请先添加要调查的住户');
      const settings = await this.settings.ofCommunity(round.communityId, db);
      const remindAt = reminderDueAt(round.closesAt, settings.reminderHoursBeforeClose);
      const nextCheckAt = remindAt.getTime() > now.getTime() ? remindAt : round.closesAt;
      await this.move(db, round, to, {
        sentAt: now,
        nextCheckAt,
        ...(remindAt.getTime() > now.getTime() ? {} : { remindedAt: now }),
      });
      await this.messages.send(
        'invite',
        db,
        round,
        invites.map((i) => i.householdId),
        now,
      );
    });
    return this.rounds.detail(user, id);
  }

  async close(user: AuthUser, id: string): Promise<SurveyRoundDto> {
    await this.unitOfWork.run(async (db) => {
      const round = await this.access.roundFor(user, id, db);
      await this.move(db, round, this.check(round, SurveyRoundAction.Close, user.role), {
        closedAt: this.clock.now(),
        nextCheckAt: null,
      });
    });
    return this.rounds.detail(user, id);
  }

  async cancel(user: AuthUser, id: string): Promise<SurveyRoundDto> {
    await this.unitOfWork.run(async (db) => {
      const round = await this.access.roundFor(user, id, db);
      await this.move(db, round, this.check(round, SurveyRoundAction.Cancel, user.role), {
        closedAt: this.clock.now(),
        nextCheckAt: null,
      });
    });
    return this.rounds.detail(user, id);
  }

  /** Publishes the headline figures and what will improve to every resident of the community (§9: the next survey says what improved). */
  async publishResults(
    user: AuthUser,
    id: string,
    dto: PublishSurveyResultsDto,
  ): Promise<SurveyRoundDto> {
    const head = await this.results.headline(id);
    await this.unitOfWork.run(async (db) => {
      const round = await this.access.roundFor(user, id, db);
      const now = this.clock.now();
      const improvements = dto.improvements.trim();
      await this.move(db, round, this.check(round, SurveyRoundAction.PublishResults, user.role), {
        resultsPublishedAt: now,
        improvements,
      });
      const residents = await this.residentsOfCommunity(db, round.communityId);
      const figures = `回收率 ${head.responseRate.percent ?? 0}%，满意率 ${head.adjustedSatisfaction ?? '—'}%${head.penalty > 0 ? `（按回收率规则已扣 ${head.penalty} 分）` : ''}`;
      await this.inbox.deliver(
        db,
        residents,
        {
          kind: NotificationKind.Notice,
          title: `调查结果公布：${round.title}`,
          body: `${figures}。我们将改进：${improvements}`,
          ticketId: null,
          page: `subpackages/surveys/summary/index?roundId=${round.id}`,
        },
        now,
      );
    });
    return this.rounds.detail(user, id);
  }

  private check(round: SurveyRound, action: SurveyRoundAction, role: Role): SurveyRoundStatus {
    const to = surveyRoundTransition(round.status, action, role);
    if (to === null) throw new AppException(ErrorCode.SURVEY_STATE);
    return to;
  }

  private async move(
    db: EntityManager,
    round: SurveyRound,
    to: SurveyRoundStatus,
    changes: Partial<SurveyRound>,
  ): Promise<void> {
    const done = await db.update(
      SurveyRound,
      { id: round.id, status: round.status },
      { status: to, ...changes },
    );
    if (done.affected !== 1) throw new AppException(ErrorCode.SURVEY_STATE);
  }

  private residentsOfCommunity(db: EntityManager, communityId: string): Promise<string[]> {
    return communityResidents(db, communityId);
  }
}
