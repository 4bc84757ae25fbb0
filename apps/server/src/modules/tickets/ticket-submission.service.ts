import { Injectable } from '@nestjs/common';
import { Channel, ErrorCode, MAX_TICKET_PHOTOS, TicketAction, TicketDetailDto, TicketStatus } from '@linli/contracts';
import { detectEmergency } from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { insertRows, isUniqueViolation, UnitOfWork } from '../../database/unit-of-work';
import { CategoriesService } from '../categories/categories.service';
import { ClockService } from '../clock/clock.service';
import { OrgDirectory } from '../org/org-directory.service';
import { UploadsService } from '../uploads/uploads.service';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { TicketEvent } from './entities/ticket-event.entity';
import { Ticket } from './entities/ticket.entity';
import { TicketDispatcher } from './ticket-dispatcher';
import { TicketNumbering } from './ticket-numbering';
import { TicketQueries } from './ticket-queries.service';
import { applyTransition, setNextCheck } from './ticket-transition';
import { TicketSla } from './ticket-sla.service';
import { TicketNotifier } from './ticket-notifier';

export interface SubmissionResult {
  ticket: TicketDetailDto;
  /** False when the idempotency key had been used: the first ticket is returned instead of a new one. */
  created: boolean;
}

/**
 * A resident reports a problem. In one transaction: the ticket (with its code), the submit event,
 * the photos, its time limits, and dispatch to the building's least-loaded assistant. Resubmitting the same
 * idempotency key, even concurrently, yields the first ticket.
 */
@Injectable()
export class TicketSubmission {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: ClockService,
    private readonly categories: CategoriesService,
    private readonly org: OrgDirectory,
    private readonly uploads: UploadsService,
    private readonly numbering: TicketNumbering,
    private readonly dispatcher: TicketDispatcher,
    private readonly queries: TicketQueries,
    private readonly sla: TicketSla,
    private readonly notifier: TicketNotifier,
  ) {}

  async submit(user: AuthUser, dto: CreateTicketDto): Promise<SubmissionResult> {
    const earlier = await this.queries.idByIdempotencyKey(user.id, dto.idempotencyKey);
    if (earlier) return { ticket: await this.queries.detail(user, earlier), created: false };

    if (!user.householdId) throw new AppException(ErrorCode.TICKET_NO_HOUSEHOLD);
    const place = await this.org.householdPlace(user.householdId);
    if (!place) throw new AppException(ErrorCode.TICKET_NO_HOUSEHOLD);
    const category = await this.categories.find(dto.categoryCode);
    if (!category) throw new AppException(ErrorCode.TICKET_CATEGORY_UNKNOWN);
    if (dto.photoIds.length > MAX_TICKET_PHOTOS) throw new AppException(ErrorCode.UPLOAD_TOO_MANY);

    await this.numbering.prepareDay(this.clock.now());
    let ticketId: string;
    try {
      ticketId = await this.unitOfWork.run(async (db) => {
        const now = this.clock.now();
        const ticket: Omit<Ticket, 'category' | 'household' | 'room' | 'building' | 'community' | 'reporter' | 'assignee'> = {
          id: randomUUID(),
          code: await this.numbering.nextCode(db, category.kind, now),
          kind: category.kind,
          categoryCode: category.code,
          description: dto.description,
          status: TicketStatus.Submitted,
          emergency: category.emergency || detectEmergency(dto.description).length > 0,
          householdId: place.householdId,
          roomId: place.roomId,
          buildingId: place.buildingId,
          communityId: place.communityId,
          reporterId: user.id,
          assigneeId: null,
          channel: Channel.MiniProgram,
          idempotencyKey: dto.idempotencyKey,
          preferredVisitAt: dto.preferredVisitAt ? new Date(dto.preferredVisitAt) : null,
          holdReason: null,
          pauses: [],
          reopenCount: 0,
          escalationLevel: 0,
          escalatedAt: null,
          resolvedAt: null,
          nextCheckAt: null,
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        await insertRows(db, Ticket, ticket);
        // The time limits start now; the sweep's first look is written without a version bump (nothing happened yet).
        const nextCheckAt = await this.sla.plan(db, ticket as Ticket, category, now);
        await setNextCheck(db, ticket.id, nextCheckAt);
        const submitted: TicketEvent = {
          id: randomUUID(),
          ticketId: ticket.id,
          version: 1,
          action: TicketAction.Submit,
          fromStatus: null,
          toStatus: TicketStatus.Submitted,
          actorId: user.id,
          note: null,
          at: now,
        };
        await insertRows(db, TicketEvent, submitted);
        await this.uploads.attachToTicket(db, user.id, dto.photoIds, ticket.id, submitted.id);

        const assistantId = await this.dispatcher.pickAssistant(db, place.buildingId);
        if (assistantId) {
          await applyTransition(db, {
            ticketId: ticket.id,
            fromVersion: 1,
            fromStatus: TicketStatus.Submitted,
            toStatus: TicketStatus.Assigned,
            action: TicketAction.Assign,
            actorId: null,
            at: now,
            changes: { assigneeId: assistantId },
          });
          await this.notifier.transitioned(db, ticket as Ticket, TicketAction.Assign, TicketStatus.Assigned, null, now, assistantId);
        } else {
          // Nobody serves the building: the supervisors must dispatch it by hand.
          await this.notifier.undispatched(db, ticket as Ticket, now);
        }
        return ticket.id;
      });
    } catch (err) {
      // A concurrent duplicate committed first: answer with its ticket.
      const winner = isUniqueViolation(err) ? await this.queries.idByIdempotencyKey(user.id, dto.idempotencyKey) : null;
      if (!winner) throw err;
      return { ticket: await this.queries.detail(user, winner), created: false };
    }
    return { ticket: await this.queries.detail(user, ticketId), created: true };
  }
}
