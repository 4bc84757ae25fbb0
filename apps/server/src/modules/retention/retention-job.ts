import { findPage, PageRequest } from '../../common/paging/paging';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CallbackStatus,
  Page,
  RetentionCounts,
  RetentionRunDto,
  TicketStatus,
} from '@linli/contracts';
import { ANONYMISED_TEXT, chinaDateKey, isOpen, retentionCutoff } from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isUniqueViolation, UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { CallbackAttempt } from '../feedback/entities/callback-attempt.entity';
import { CallbackTask } from '../feedback/entities/callback-task.entity';
import { RatingAddendum } from '../feedback/entities/rating-addendum.entity';
import { TicketRating } from '../feedback/entities/ticket-rating.entity';
import { TicketEvent } from '../tickets/entities/ticket-event.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { RetentionRun } from './entities/retention-run.entity';
import { jobTiming, ScheduledJob } from '../../common/jobs/scheduled-job';

/** A ticket is finished (retention can apply) once closed, cancelled or otherwise out of the open states. */
const FINISHED_TICKET = Object.values(TicketStatus).filter((s) => !isOpen(s));
const FINISHED_CALLBACK = [CallbackStatus.Done, CallbackStatus.Unreachable];

/**
 * Retention (§12): records are kept for two years (LINLI_RETENTION_YEARS). Once a day (whichever instance
 * claims the day's run row first) the residents' own words in finished records last touched before the
 * cutoff — isPastRetention in @linli/domain — are anonymised: a ticket's description and walk-in contact,
 * its events' notes, its ratings' comments and addenda, and the callbacks' recorded words. The figures
 * stay (statuses, times, verdicts), so past months' indicators do not change. Each run is recorded with
 * what it did and logged; admins list the runs. Off unless LINLI_RETENTION_ENABLED=1 or production mode.
 */
@Injectable()
export class RetentionJob extends ScheduledJob<RetentionRunDto | null> {
  constructor(
    @InjectRepository(RetentionRun) private readonly runs: Repository<RetentionRun>,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super('Retention', 'retention run failed', () => {
      const { enabled, sweepSeconds } = config.retention;
      return jobTiming(enabled ? sweepSeconds * 1000 : 0, config);
    });
  }

  protected round(): Promise<RetentionRunDto | null> {
    return this.run();
  }

  /** Today's run, if retention is on and no instance has claimed today yet; null otherwise. */
  async run(): Promise<RetentionRunDto | null> {
    if (!this.config.retention.enabled) return null;
    const now = this.clock.now();
    const years = this.config.retention.years;
    const cutoff = retentionCutoff(now, { years });
    const run: RetentionRun = {
      id: randomUUID(),
      runKey: chinaDateKey(now),
      startedAt: now,
      finishedAt: null,
      cutoff,
      years,
      counts: null,
    };
    try {
      await this.runs.insert(run);
    } catch (err) {
      if (isUniqueViolation(err)) return null; // another instance has today's run
      throw err;
    }
    const counts = await this.unitOfWork.run((db) => this.anonymise(db, cutoff));
    run.counts = counts;
    run.finishedAt = this.clock.now();
    await this.runs.update({ id: run.id }, { counts, finishedAt: run.finishedAt });
    const dto = toDto(run);
    this.logger.log(`retention ${run.runKey}: ${dto.summary}`);
    return dto;
  }

  /** The runs, newest first, a page at a time (one run a day: years of them). */
  async list(page: PageRequest): Promise<Page<RetentionRunDto>> {
    return findPage(this.runs, {}, page, (rows) => rows.map(toDto), {
      at: 'startedAt',
    });
  }

  private async anonymise(db: EntityManager, cutoff: Date): Promise<RetentionCounts> {
    const mark = ANONYMISED_TEXT;
    // Table names quoted: the query builder would read a bare `ticket` as TicketEvent's relation and rewrite it.
    const q = (name: string) => db.connection.driver.escape(name);
    const tickets = await db
      .createQueryBuilder()
      .update(Ticket)
      .set({ description: mark, contactName: null, contactPhone: null })
      .where('status IN (:...finished) AND updatedAt < :cutoff AND description <> :mark', {
        finished: FINISHED_TICKET,
        cutoff,
        mark,
      })
      .execute();
    // The anonymised tickets (this run's and earlier runs') are the ones carrying the mark.
    const gone = `SELECT id FROM ${q('ticket')} WHERE description = :mark`;
    const events = await db
      .createQueryBuilder()
      .update(TicketEvent)
      .set({ note: null })
      .where(`note IS NOT NULL AND ticketId IN (${gone})`, { mark })
      .execute();
    const ratings = await db
      .createQueryBuilder()
      .update(TicketRating)
      .set({ comment: null })
      .where(`comment IS NOT NULL AND ticketId IN (${gone})`, { mark })
      .execute();
    const addenda = await db
      .createQueryBuilder()
      .update(RatingAddendum)
      .set({ text: mark })
      .where(
        `text <> :mark AND ratingId IN (SELECT id FROM ${q('ticket_rating')} WHERE ticketId IN (${gone}))`,
        { mark },
      )
      .execute();
    const oldCallback = `status IN (:...done) AND COALESCE(doneAt, createdAt) < :cutoff`;
    const callbacks = await db
      .createQueryBuilder()
      .update(CallbackTask)
      .set({ residentWords: null })
      .where(`residentWords IS NOT NULL AND ${oldCallback}`, { done: FINISHED_CALLBACK, cutoff })
      .execute();
    const attempts = await db
      .createQueryBuilder()
      .update(CallbackAttempt)
      .set({ residentWords: null })
      .where(
        `residentWords IS NOT NULL AND callbackId IN (SELECT id FROM ${q('callback_task')} WHERE ${oldCallback})`,
        { done: FINISHED_CALLBACK, cutoff },
      )
      .execute();
    return {
      tickets: tickets.affected ?? 0,
      events: events.affected ?? 0,
      ratings: ratings.affected ?? 0,
      addenda: addenda.affected ?? 0,
      callbacks: callbacks.affected ?? 0,
      attempts: attempts.affected ?? 0,
    };
  }
}

function toDto(r: RetentionRun): RetentionRunDto {
  const c = r.counts;
  const day = chinaDateKey(r.cutoff);
  const summary = c
    ? `保存期限 ${r.years} 年：${day} 前办结的记录已匿名化——工单 ${c.tickets} 件，处理记录备注 ${c.events} 条，评价留言 ${c.ratings} 条，追评 ${c.addenda} 条，回访记录 ${c.callbacks} 条，回访通话 ${c.attempts} 条`
    : `保存期限 ${r.years} 年：正在处理 ${day} 前办结的记录`;
  return {
    id: r.id,
    runKey: r.runKey,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    cutoff: r.cutoff.toISOString(),
    years: r.years,
    counts: c ?? { tickets: 0, events: 0, ratings: 0, addenda: 0, callbacks: 0, attempts: 0 },
    summary,
  };
}
