import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SurveyRoundAction, SurveyRoundStatus } from '@linli/contracts';
import { earliestDelivery } from '@linli/domain';
import { surveyRoundTransition } from '@linli/domain/surveys';
import { IsNull, LessThanOrEqual, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { SurveyInvite } from './entities/survey-invite.entity';
import { SurveyRound } from './entities/survey-round.entity';
import { SurveyMessages } from './survey-messages';
import { ScheduledJob, sweepTiming } from '../../common/jobs/scheduled-job';

export interface SurveySweepResult {
  checked: number;
  reminded: number;
  closed: number;
  /** Rounds another instance claimed first. */
  skipped: number;
}

const BATCH = 50;

/**
 * The questionnaire sweep, on the SLA sweep's pattern: it reads only rounds whose indexed `nextCheckAt`
 * has come, claims each with a compare-and-set on that column (so two instances never both remind), then
 * reminds the households that have not answered (once, `reminderHoursBeforeClose` before the end, never
 * in quiet hours: a reminder due at night waits for the morning, or is dropped if the window ends first)
 * and closes the round when its window ends. Runs on the SLA sweep's interval.
 */
@Injectable()
export class SurveySweeper extends ScheduledJob<SurveySweepResult> {
  constructor(
    @InjectRepository(SurveyRound) private readonly surveyRounds: Repository<SurveyRound>,
    private readonly unitOfWork: UnitOfWork,
    private readonly messages: SurveyMessages,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super('SurveySweeper', 'sweep failed', () => sweepTiming(config));
  }

  protected async round(): Promise<SurveySweepResult> {
    const result: SurveySweepResult = { checked: 0, reminded: 0, closed: 0, skipped: 0 };
    const now = this.clock.now();
    const due = await this.surveyRounds.find({
      select: { id: true, nextCheckAt: true },
      where: { nextCheckAt: LessThanOrEqual(now) },
      order: { nextCheckAt: 'ASC' },
      take: BATCH,
    });
    for (const { id, nextCheckAt } of due) {
      result.checked += 1;
      await this.check(id, nextCheckAt!, now, result);
    }
    if (result.reminded + result.closed > 0) this.logger.log(`sweep: ${JSON.stringify(result)}`);
    return result;
  }

  private async check(id: string, seen: Date, now: Date, result: SurveySweepResult): Promise<void> {
    await this.unitOfWork.run(async (db) => {
      const round = await db.findOneByOrFail(SurveyRound, { id });
      const next = this.plan(round, now);
      // Claim: only the instance that moves nextCheckAt from what it saw does the work.
      const claimed = await db.update(
        SurveyRound,
        { id, nextCheckAt: seen, status: round.status },
        { nextCheckAt: next.nextCheckAt, ...next.changes },
      );
      if (claimed.affected !== 1) {
        result.skipped += 1;
        return;
      }
      if (next.remind) {
        const pending = await db.find(SurveyInvite, {
          where: { roundId: id, completedAt: IsNull() },
          select: { householdId: true },
        });
        await this.messages.send(
          'remind',
          db,
          round,
          pending.map((p) => p.householdId),
          now,
        );
        result.reminded += 1;
      }
      if (next.changes.status === SurveyRoundStatus.Closed) result.closed += 1;
    });
  }

  private plan(
    round: SurveyRound,
    now: Date,
  ): { nextCheckAt: Date | null; changes: Partial<SurveyRound>; remind: boolean } {
    if (round.status !== SurveyRoundStatus.Open)
      return { nextCheckAt: null, changes: {}, remind: false };
    if (now.getTime() >= round.closesAt.getTime()) {
      const to = surveyRoundTransition(round.status, SurveyRoundAction.Expire, null);
      return {
        nextCheckAt: null,
        changes: { status: to ?? round.status, closedAt: now },
        remind: false,
      };
    }
    if (round.remindedAt === null) {
      const sendable = earliestDelivery(now, false, this.config.outbox.quietHours);
      if (sendable.getTime() > now.getTime()) {
        // Quiet hours: wait for the morning if the window is still open then; else no reminder.
        return sendable.getTime() < round.closesAt.getTime()
          ? { nextCheckAt: sendable, changes: {}, remind: false }
          : { nextCheckAt: round.closesAt, changes: { remindedAt: now }, remind: false };
      }
      return { nextCheckAt: round.closesAt, changes: { remindedAt: now }, remind: true };
    }
    return { nextCheckAt: round.closesAt, changes: {}, remind: false };
  }
}
