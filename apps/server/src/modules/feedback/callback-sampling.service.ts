import { Inject, Injectable } from '@nestjs/common';
import {
  CallbackCoverageDto,
  CallbackReason,
  CallbackStatus,
  ErrorCode,
  Role,
  Satisfaction,
  SampledTicketDto,
  TicketAction,
  TicketKind,
  TicketStatus,
} from '@linli/contracts';
import {
  chinaDateKey,
  chinaMidnight,
  drawMonthlySample,
  SAMPLE_REASON_LABELS,
  SampleCandidate,
  shareOf,
} from '@linli/domain';
import { InjectRepository } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import { Between, EntityManager, In, IsNull, Not, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { insertRows, isUniqueViolation, UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Ticket } from '../tickets/entities/ticket.entity';
import { User } from '../org/entities/user.entity';
import { TicketEvent } from '../tickets/entities/ticket-event.entity';
import { CallbackPlanner } from './callback-planner';
import { CallbackSample } from './entities/callback-sample.entity';
import { CallbackTask } from './entities/callback-task.entity';
import { TicketRating } from './entities/ticket-rating.entity';

/** First and last instant of a China-time month 'YYYY-MM'. */
export function monthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return {
    from: chinaMidnight(`${month}-01`),
    to: new Date(chinaMidnight(`${next}-01`).getTime() - 1),
  };
}

/**
 * The monthly callback sample (docs/domain-rules.md §8) and the supervisor's coverage screen (回访抽查). The draw is
 * the domain's seeded one; the seed and the chosen tickets with their reasons are stored, one sample per
 * community and month (drawing again returns the stored one), and each chosen ticket gets its callback.
 */
@Injectable()
export class CallbackSampling {
  constructor(
    @InjectRepository(CallbackSample) private readonly samples: Repository<CallbackSample>,
    private readonly planner: CallbackPlanner,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(user: AuthUser, month: string | undefined): Promise<CallbackCoverageDto> {
    const communityId = this.communityOf(user);
    const m = month ?? chinaDateKey(this.clock.now()).slice(0, 7);
    try {
      await this.draw(
        this.samples.manager,
        communityId,
        m,
        randomInt(0, 2 ** 31 - 1),
        user.id,
        this.clock.now(),
      );
    } catch (err) {
      if (!isUniqueViolation(err)) throw err; // drawn meanwhile by someone else: show that one
    }
    return this.coverage(user, m);
  }

  /** Draw and store the sample with its callbacks (also used by the demo seed with a fixed seed). Returns null when already drawn. */
  async draw(
    db: EntityManager,
    communityId: string,
    month: string,
    seed: number,
    drawnById: string | null,
    now: Date,
  ): Promise<CallbackSample | null> {
    if (await db.exists(CallbackSample, { where: { communityId, month } })) return null;
    const candidates = await this.candidates(db, communityId, month);
    const sample = drawMonthlySample(
      candidates.map((t): SampleCandidate => ({ id: t.id, major: t.serious })),
      seed,
      this.config.feedback.sampling,
    );
    const row: CallbackSample = {
      id: randomUUID(),
      communityId,
      month,
      seed,
      candidates: candidates.length,
      items: sample.items,
      drawnById,
      drawnAt: now,
    };
    await this.unitOfWork.run(async (tx) => {
      await insertRows(tx, CallbackSample, row);
      for (const item of sample.items) {
        const ticket = candidates.find((c) => c.id === item.id)!;
        if (item.formal)
          await this.planner.create(
            tx,
            {
              ticket,
              reason: CallbackReason.Sample,
              sampleId: row.id,
              inPersonRequired: item.inPerson,
            },
            now,
          );
        if (item.supervisorCheck)
          await this.planner.create(
            tx,
            {
              ticket,
              reason: CallbackReason.Sample,
              sampleId: row.id,
              supervisorCheck: true,
              assigneeId: drawnById ?? (await this.supervisorOf(tx, communityId)),
            },
            now,
          );
      }
    });
    return row;
  }

  async coverage(user: AuthUser, month: string | undefined): Promise<CallbackCoverageDto> {
    const communityId = this.communityOf(user);
    const m = month ?? chinaDateKey(this.clock.now()).slice(0, 7);
    const db = this.samples.manager;
    const { from, to } = monthRange(m);
    const complaints = await db.find(Ticket, {
      where: {
        communityId,
        kind: TicketKind.Complaint,
        createdAt: Between(from, to),
        status: Not(TicketStatus.Cancelled),
      },
      select: { id: true, code: true, description: true, serious: true, status: true },
    });
    const valid = await this.candidates(db, communityId, m);
    const validIds = valid.map((t) => t.id);
    const tasks = validIds.length
      ? await db.find(CallbackTask, { where: { ticketId: In(validIds) } })
      : [];
    const done = (t: CallbackTask) => t.status === CallbackStatus.Done;
    const complaintCalled = new Set(
      tasks.filter((t) => t.reason === CallbackReason.Complaint && done(t)).map((t) => t.ticketId),
    );
    const sample = await db.findOne(CallbackSample, { where: { communityId, month: m } });
    const sampleTasks = sample ? tasks.filter((t) => t.sampleId === sample.id) : [];
    const formalTasks = sampleTasks.filter((t) => !t.supervisorCheck);
    const supervisorTasks = sampleTasks.filter((t) => t.supervisorCheck);
    const majors = valid.filter((t) => t.serious);
    const majorChecked = new Set(supervisorTasks.filter(done).map((t) => t.ticketId));
    const pct = this.config.feedback.sampling;
    const figures = [
      { label: '有效投诉回访', done: complaintCalled.size, total: valid.length, target: 1 },
      {
        label: '正式抽样回访',
        done: formalTasks.filter(done).length,
        total: valid.length,
        target: pct.formalSharePct / 100,
      },
      {
        label: '上门签字回访',
        done: formalTasks.filter((t) => done(t) && t.signatureId !== null).length,
        total: shareOf(valid.length, pct.formalSharePct),
        target: pct.inPersonSharePct / 100,
      },
      {
        label: '主任抽查',
        done: supervisorTasks.filter(done).length,
        total: valid.length,
        target: pct.supervisorSharePct / 100,
      },
      {
        label: '重大投诉抽查',
        done: majors.filter((t) => majorChecked.has(t.id)).length,
        total: majors.length,
        target: 1,
      },
    ];
    const tickets: SampledTicketDto[] = (sample?.items ?? []).map((item) => {
      const t = valid.find((c) => c.id === item.id) ?? complaints.find((c) => c.id === item.id);
      const mine = sampleTasks.filter((s) => s.ticketId === item.id);
      const open = mine.find((s) => !done(s));
      return {
        ticketId: item.id,
        ticketCode: t?.code ?? '',
        description: t?.description ?? '',
        why:
          item.reasons.map((r) => SAMPLE_REASON_LABELS[r]).join('；') +
          (item.inPerson ? '；上门签字' : ''),
        inPerson: item.inPerson,
        callbackStatus: (open ?? mine[0])?.status ?? null,
      };
    });
    return {
      month: m,
      communityId,
      complaints: complaints.length,
      validComplaints: valid.length,
      majorComplaints: majors.length,
      figures,
      sample: sample ? { seed: sample.seed, drawnAt: sample.drawnAt.toISOString(), tickets } : null,
      ratings: await this.ratingFigures(db, communityId, from, to),
    };
  }

  /** Closed tickets of the month by their latest rating; auto-closed ones without a rating are "not rated". */
  private async ratingFigures(
    db: EntityManager,
    communityId: string,
    from: Date,
    to: Date,
  ): Promise<CallbackCoverageDto['ratings']> {
    const closed = await db.find(Ticket, {
      where: { communityId, status: TicketStatus.Closed, createdAt: Between(from, to) },
      select: { id: true },
    });
    const ids = closed.map((t) => t.id);
    const figures = { rated: 0, satisfied: 0, basic: 0, dissatisfied: 0, notRated: 0 };
    if (ids.length === 0) return figures;
    const ratings = await db.find(TicketRating, {
      where: { ticketId: In(ids) },
      order: { round: 'ASC' },
    });
    const latest = new Map(ratings.map((r) => [r.ticketId, r.overall]));
    const autoClosed = await db.find(TicketEvent, {
      where: { ticketId: In(ids), action: TicketAction.AutoClose },
      select: { ticketId: true },
    });
    for (const id of ids) {
      const verdict = latest.get(id);
      if (verdict === undefined) {
        if (autoClosed.some((e) => e.ticketId === id)) figures.notRated += 1;
        continue;
      }
      figures.rated += 1;
      if (verdict === Satisfaction.Satisfied) figures.satisfied += 1;
      else if (verdict === Satisfaction.Basic) figures.basic += 1;
      else figures.dissatisfied += 1;
    }
    return figures;
  }

  /** The month's handled valid complaints: closed, never judged invalid. */
  private async candidates(
    db: EntityManager,
    communityId: string,
    month: string,
  ): Promise<Ticket[]> {
    const { from, to } = monthRange(month);
    const closed = await db.find(Ticket, {
      where: {
        communityId,
        kind: TicketKind.Complaint,
        status: TicketStatus.Closed,
        createdAt: Between(from, to),
      },
      order: { id: 'ASC' },
    });
    if (closed.length === 0) return [];
    const invalid = await db.find(TicketEvent, {
      where: { ticketId: In(closed.map((t) => t.id)), action: TicketAction.MarkInvalid },
      select: { ticketId: true },
    });
    const invalidIds = new Set(invalid.map((e) => e.ticketId));
    return closed.filter((t) => !invalidIds.has(t.id));
  }

  private async supervisorOf(db: EntityManager, communityId: string): Promise<string | null> {
    const supervisor = await db.findOne(User, {
      where: { role: Role.Supervisor, communityId, department: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
      select: { id: true },
    });
    return supervisor?.id ?? null;
  }

  private communityOf(user: AuthUser): string {
    if (!user.communityId) throw new AppException(ErrorCode.FORBIDDEN);
    return user.communityId;
  }
}
