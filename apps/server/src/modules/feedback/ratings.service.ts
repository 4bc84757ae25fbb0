import { Injectable } from '@nestjs/common';
import {
  CallbackReason,
  ErrorCode,
  RatingDto,
  Role,
  SATISFACTION_LABELS,
  TicketAction,
  TicketFeedbackDto,
  TicketStatus,
} from '@linli/contracts';
import { ratingEffect } from '@linli/domain';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { insertRows, isUniqueViolation, UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { User } from '../org/entities/user.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { TicketEvent } from '../tickets/entities/ticket-event.entity';
import { TicketAccess } from '../tickets/ticket-access';
import { TicketActions } from '../tickets/ticket-actions.service';
import { CallbackPlanner } from './callback-planner';
import { CallbackReader } from './callback-reader';
import { RateTicketDto, RatingAddendumDto } from './dto/feedback.dto';
import { CallbackTask } from './entities/callback-task.entity';
import { RatingAddendum } from './entities/rating-addendum.entity';
import { TicketRating } from './entities/ticket-rating.entity';

/**
 * The resident's rating of a resolved ticket (issue #11). It acts through the resident's own confirm
 * (满意, 基本满意) or reopen (不满意, a rectification round) so the state machine, time limits and
 * notices behave exactly as for those actions; the rating row is written in the same transaction,
 * once per resolution round (a unique index), and never changed afterwards.
 */
@Injectable()
export class Ratings {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(TicketRating) private readonly ratings: Repository<TicketRating>,
    private readonly actions: TicketActions,
    private readonly access: TicketAccess,
    private readonly planner: CallbackPlanner,
    private readonly reader: CallbackReader,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: ClockService,
  ) {}

  async rate(user: AuthUser, ticketId: string, dto: RateTicketDto): Promise<TicketFeedbackDto> {
    const ticket = await this.visibleTicket(user, ticketId);
    if (ticket.householdId !== user.householdId)
      throw new AppException(ErrorCode.RATING_NOT_ALLOWED);
    if (await this.ratings.exists({ where: { ticketId, round: ticket.reopenCount } }))
      throw new AppException(ErrorCode.RATING_ALREADY_GIVEN);
    if (ticket.status !== TicketStatus.Resolved)
      throw new AppException(ErrorCode.RATING_NOT_ALLOWED);
    const effect = ratingEffect(dto.overall);
    const tags = [...new Set((dto.tags ?? []).map((t) => t.trim()).filter(Boolean))];
    const comment = dto.comment?.trim() || null;
    const note = [`评价：${SATISFACTION_LABELS[dto.overall]}`, tags.join('、'), comment]
      .filter(Boolean)
      .join('；');
    try {
      await this.actions.perform(
        user,
        ticketId,
        { action: effect.action, version: dto.version, note },
        async (db, before, now) => {
          await insertRows(db, TicketRating, {
            id: randomUUID(),
            ticketId,
            round: before.reopenCount,
            raterId: user.id,
            handlerId: before.assigneeId,
            overall: dto.overall,
            speed: dto.speed,
            attitude: dto.attitude,
            quality: dto.quality,
            tags,
            comment,
            createdAt: now,
          });
          if (effect.supervisorCallback)
            await this.planner.create(
              db,
              { ticket: before, reason: CallbackReason.Dissatisfied },
              now,
            );
        },
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppException(ErrorCode.RATING_ALREADY_GIVEN);
      throw err;
    }
    return this.feedback(user, ticketId);
  }

  /** Later words of the resident on their latest rating; the rating itself stays as it was. */
  async addendum(
    user: AuthUser,
    ticketId: string,
    dto: RatingAddendumDto,
  ): Promise<TicketFeedbackDto> {
    const ticket = await this.visibleTicket(user, ticketId);
    const latest = await this.ratings.findOne({ where: { ticketId }, order: { round: 'DESC' } });
    if (ticket.householdId !== user.householdId || !latest)
      throw new AppException(ErrorCode.RATING_NOT_ALLOWED, '评价后才能追加评价');
    await this.unitOfWork.run((db) =>
      insertRows(db, RatingAddendum, {
        id: randomUUID(),
        ratingId: latest.id,
        authorId: user.id,
        text: dto.text.trim(),
        createdAt: this.clock.now(),
      }),
    );
    return this.feedback(user, ticketId);
  }

  /** The ticket's ratings and callbacks (anyone who may see the ticket). */
  async feedback(user: AuthUser, ticketId: string): Promise<TicketFeedbackDto> {
    const ticket = await this.visibleTicket(user, ticketId);
    const db = this.tickets.manager;
    const rows = await this.ratings.find({ where: { ticketId }, order: { round: 'ASC' } });
    const addenda = rows.length
      ? await db.find(RatingAddendum, {
          where: { ratingId: In(rows.map((r) => r.id)) },
          order: { createdAt: 'ASC' },
        })
      : [];
    const raters = rows.length
      ? await db.find(User, {
          where: { id: In(rows.map((r) => r.raterId)) },
          select: { id: true, name: true },
        })
      : [];
    const ratings: RatingDto[] = rows.map((r) => ({
      id: r.id,
      round: r.round,
      overall: r.overall,
      speed: r.speed,
      attitude: r.attitude,
      quality: r.quality,
      tags: r.tags,
      comment: r.comment,
      raterName: raters.find((u) => u.id === r.raterId)?.name ?? '',
      at: r.createdAt.toISOString(),
      addenda: addenda
        .filter((a) => a.ratingId === r.id)
        .map((a) => ({ text: a.text, at: a.createdAt.toISOString() })),
    }));
    // Residents see the outcome of callbacks about their ticket; staff the whole task.
    const tasks = await db.find(CallbackTask, { where: { ticketId }, order: { createdAt: 'ASC' } });
    const callbacks = await this.reader.toDtos(db, tasks, this.clock.now());
    const own = user.role === Role.Resident && ticket.householdId === user.householdId;
    const ratedThisRound = rows.some((r) => r.round === ticket.reopenCount);
    const autoClosed =
      ticket.status === TicketStatus.Closed &&
      (await db.exists(TicketEvent, { where: { ticketId, action: TicketAction.AutoClose } }));
    return {
      ratings,
      callbacks: own
        ? callbacks.map((c) => ({ ...c, residentPhone: null, assigneeName: null }))
        : callbacks,
      canRate: own && ticket.status === TicketStatus.Resolved && !ratedThisRound,
      canAddToRating: own && rows.length > 0,
      notRated: autoClosed && !ratedThisRound,
    };
  }

  private async visibleTicket(user: AuthUser, ticketId: string): Promise<Ticket> {
    const ticket = await this.tickets.findOne({ where: { id: ticketId } });
    const actor = ticket && (await this.access.actorFor(user, ticket));
    if (!ticket || !actor || !this.access.canView(actor))
      throw new AppException(ErrorCode.TICKET_NOT_FOUND);
    return ticket;
  }
}
