import { Injectable } from '@nestjs/common';
import {
  Channel,
  CHANNEL_LABELS,
  ErrorCode,
  MAX_TICKET_PHOTOS,
  Role,
  TicketAction,
  TicketDetailDto,
  TicketStatus,
} from '@linli/contracts';
import { detectEmergency } from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { insertRows, isUniqueViolation, UnitOfWork } from '../../database/unit-of-work';
import { CategoriesService } from '../categories/categories.service';
import { ClockService } from '../clock/clock.service';
import { Access } from '../org/access.service';
import { OrgDirectory } from '../org/org-directory.service';
import { UploadsService } from '../uploads/uploads.service';
import { HouseholdPlace } from '../org/org-directory.service';
import { CreateTicketDto, CreateTicketOnBehalfDto } from './dto/create-ticket.dto';
import { TicketEvent } from './entities/ticket-event.entity';
import { TicketMilestone } from './entities/ticket-milestone.entity';
import { User } from '../org/entities/user.entity';
import { Ticket } from './entities/ticket.entity';
import { TicketDispatcher } from './ticket-dispatcher';
import { TicketNumbering } from './ticket-numbering';
import { TicketQueries } from './ticket-queries.service';
import { TicketSla } from './ticket-sla.service';
import { TicketNotifier } from './ticket-notifier';
import { OutagesService } from '../outages/outages.service';
import { formatChinaDateTime, OUTAGE_KIND_LABELS } from '@linli/domain';

export interface SubmissionResult {
  ticket: TicketDetailDto;
  /** False when the idempotency key had been used: the first ticket is returned instead of a new one. */
  created: boolean;
}

/** A ticket just written, with what the answer shows: no read-back needed. */
interface Created {
  ticket: Ticket;
  events: TicketEvent[];
  milestones: TicketMilestone[];
}

/** Who registered a request, through which channel, for whom: the resident themself, or staff on their behalf. */
interface Intake {
  place: HouseholdPlace;
  reporterId: string;
  channel: Channel;
  /** Staff who took the request (首接责任制); null when the resident reported it. */
  receiver: AuthUser | null;
  contactName: string | null;
  contactPhone: string | null;
}

/**
 * A resident reports a problem, or staff register one for them. In one transaction: the ticket (with
 * its code), the submit event, the photos, its time limits, and dispatch: to the receiving assistant
 * (first-contact responsibility), else to the building's least-loaded assistant. Resubmitting the same
 * idempotency key, even concurrently, yields the first ticket.
 */
@Injectable()
export class TicketSubmission {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: ClockService,
    private readonly categories: CategoriesService,
    private readonly org: OrgDirectory,
    private readonly access: Access,
    private readonly uploads: UploadsService,
    private readonly numbering: TicketNumbering,
    private readonly dispatcher: TicketDispatcher,
    private readonly queries: TicketQueries,
    private readonly sla: TicketSla,
    private readonly notifier: TicketNotifier,
    private readonly outages: OutagesService,
  ) {}

  async submit(user: AuthUser, dto: CreateTicketDto): Promise<SubmissionResult> {
    const earlier = await this.queries.idByIdempotencyKey(user.id, dto.idempotencyKey);
    if (earlier) return { ticket: await this.queries.detail(user, earlier), created: false };
    if (!user.householdId) throw new AppException(ErrorCode.TICKET_NO_HOUSEHOLD);
    const place = await this.org.householdPlace(user.householdId);
    if (!place) throw new AppException(ErrorCode.TICKET_NO_HOUSEHOLD);
    return this.create(user, dto, {
      place,
      reporterId: user.id,
      channel: Channel.MiniProgram,
      receiver: null,
      contactName: null,
      contactPhone: null,
    });
  }

  /**
   * A bound resident wrote the request in WeChat's customer-service chat: the same submission as from the
   * mini-program, recorded with channel 微信客服 (the chat module supplies the category and an idempotency
   * key derived from WeChat's message id, so a redelivered message opens no second ticket).
   */
  async submitFromChat(user: AuthUser, dto: CreateTicketDto): Promise<SubmissionResult> {
    const earlier = await this.queries.idByIdempotencyKey(user.id, dto.idempotencyKey);
    if (earlier) return { ticket: await this.queries.detail(user, earlier), created: false };
    const place = user.householdId ? await this.org.householdPlace(user.householdId) : null;
    if (!place) throw new AppException(ErrorCode.TICKET_NO_HOUSEHOLD);
    return this.create(user, dto, {
      place,
      reporterId: user.id,
      channel: Channel.WechatChat,
      receiver: null,
      contactName: null,
      contactPhone: null,
    });
  }

  /**
   * Staff register a request received by phone, at the desk, on patrol or in WeChat chat. Only for a
   * household they may see (an assistant: the buildings they serve; a supervisor: their community).
   * The reporter is the household's member with the caller's phone when they use the mini-program (so
   * they follow it there), otherwise the receiver, with the caller kept as the contact to call back.
   */
  async submitOnBehalf(staff: AuthUser, dto: CreateTicketOnBehalfDto): Promise<SubmissionResult> {
    const place = await this.org.householdPlace(dto.householdId);
    if (!place || !(await this.access.reaches(staff, place)))
      throw new AppException(ErrorCode.HOUSEHOLD_NOT_FOUND);
    const reporterId =
      (await this.org.boundMemberWithPhone(place.householdId, dto.contactPhone)) ?? staff.id;
    const earlier = await this.queries.idByIdempotencyKey(reporterId, dto.idempotencyKey);
    if (earlier) return { ticket: await this.queries.detail(staff, earlier), created: false };
    return this.create(staff, dto, {
      place,
      reporterId,
      channel: dto.channel,
      receiver: staff,
      contactName: dto.contactName,
      contactPhone: dto.contactPhone,
    });
  }

  private async create(
    user: AuthUser,
    dto: CreateTicketDto,
    intake: Intake,
  ): Promise<SubmissionResult> {
    const { place } = intake;
    const category = await this.categories.find(dto.categoryCode);
    if (!category) throw new AppException(ErrorCode.TICKET_CATEGORY_UNKNOWN);
    if (dto.photoIds.length > MAX_TICKET_PHOTOS) throw new AppException(ErrorCode.UPLOAD_TOO_MANY);

    // The code first, in a statement of its own: no counter lock is held through the transaction below.
    const code = await this.numbering.nextCode(category.kind, this.clock.now());
    let ticketId: string;
    let created = null as Created | null;
    try {
      ticketId = await this.unitOfWork.run(async (db) => {
        const now = this.clock.now();
        // A report of a planned cut announced for this building: linked to the notice, not dispatched.
        const outage = await this.outages.covering(db, place, category.code, now);
        // Dispatch is decided before the INSERT, so the ticket is written once with its final fields:
        // first-contact responsibility (an assistant who took the request owns it until they hand it
        // on), else the building's least-loaded assistant, else nobody (the supervisors dispatch it).
        const receiverOwns = intake.receiver?.role === Role.Assistant;
        const assistant = outage
          ? null
          : receiverOwns
            ? { id: intake.receiver!.id, name: intake.receiver!.name }
            : await this.dispatcher.pickAssistant(db, place.buildingId, now);
        const assistantId = assistant?.id ?? null;
        const ticket: Omit<
          Ticket,
          | 'category'
          | 'household'
          | 'room'
          | 'building'
          | 'community'
          | 'reporter'
          | 'assignee'
          | 'receivedBy'
        > = {
          id: randomUUID(),
          code,
          kind: category.kind,
          categoryCode: category.code,
          description: dto.description,
          status: assistantId ? TicketStatus.Assigned : TicketStatus.Submitted,
          emergency: outage
            ? false
            : category.emergency || detectEmergency(dto.description).length > 0,
          serious: category.serious,
          outageId: outage?.id ?? null,
          householdId: place.householdId,
          roomId: place.roomId,
          buildingId: place.buildingId,
          communityId: place.communityId,
          reporterId: intake.reporterId,
          assigneeId: assistantId,
          channel: intake.channel,
          receivedById: intake.receiver?.id ?? null,
          contactName: intake.contactName,
          contactPhone: intake.contactPhone,
          idempotencyKey: dto.idempotencyKey,
          preferredVisitAt: dto.preferredVisitAt ? new Date(dto.preferredVisitAt) : null,
          holdReason: null,
          pauses: [],
          reopenCount: 0,
          escalationLevel: 0,
          escalatedAt: null,
          resolvedAt: null,
          nextCheckAt: null,
          // Version 1 is the submit; the dispatch, when there is one, is version 2.
          version: assistantId ? 2 : 1,
          createdAt: now,
          updatedAt: now,
        };
        // The time limits start now (none for a report of a planned cut); the sweep's first look goes in with the ticket.
        const planned = outage ? null : this.sla.planRows(ticket as Ticket, category, now);
        ticket.nextCheckAt = planned?.nextCheckAt ?? null;
        await insertRows(db, Ticket, ticket);
        if (planned && planned.rows.length > 0) await insertRows(db, TicketMilestone, planned.rows);
        const submitted: TicketEvent = {
          id: randomUUID(),
          ticketId: ticket.id,
          version: 1,
          action: TicketAction.Submit,
          fromStatus: null,
          toStatus: TicketStatus.Submitted,
          actorId: user.id,
          // Read back to the caller, as first-contact responsibility asks: how it came in and whom to call.
          note: outage
            ? `计划${OUTAGE_KIND_LABELS[outage.kind]}期间的报事，已关联通知「${outage.title}」（预计 ${formatChinaDateTime(outage.endsAt)} 恢复），恢复后一并关闭`
            : intake.receiver
              ? `${CHANNEL_LABELS[intake.channel]}受理，联系人 ${intake.contactName}（${intake.contactPhone}）`
              : null,
          at: now,
        };
        const assignedBy = receiverOwns ? intake.receiver!.id : null;
        const assigned: TicketEvent | null = assistantId
          ? {
              id: randomUUID(),
              ticketId: ticket.id,
              version: 2,
              action: TicketAction.Assign,
              fromStatus: TicketStatus.Submitted,
              toStatus: TicketStatus.Assigned,
              actorId: assignedBy,
              note: null,
              at: now,
            }
          : null;
        const events = assigned ? [submitted, assigned] : [submitted];
        await insertRows(db, TicketEvent, events);
        await this.uploads.attachToTicket(db, user.id, dto.photoIds, ticket.id, submitted.id);

        // The ticket as the answer shows it, with what this request already holds (no read-back after the commit).
        const shown = {
          ...ticket,
          category,
          room: { id: place.roomId, label: place.roomLabel },
          assignee: assistant ? { id: assistant.id, name: assistant.name } : null,
          outage: outage ?? null,
        } as Ticket;
        const withActors = events.map((e) => ({
          ...e,
          actor: e.actorId === user.id ? ({ name: user.name, role: user.role } as User) : null,
        }));
        created = { ticket: shown, events: withActors, milestones: planned?.rows ?? [] };
        if (outage) return ticket.id;
        if (assistantId)
          await this.notifier.transitioned(
            db,
            shown,
            TicketAction.Assign,
            TicketStatus.Assigned,
            assignedBy,
            now,
            assistantId,
          );
        // Nobody serves the building: the supervisors must dispatch it by hand.
        else await this.notifier.undispatched(db, shown, now);
        return ticket.id;
      });
    } catch (err) {
      // A concurrent duplicate committed first: answer with its ticket.
      const winner = isUniqueViolation(err)
        ? await this.queries.idByIdempotencyKey(intake.reporterId, dto.idempotencyKey)
        : null;
      if (!winner) throw err;
      return { ticket: await this.queries.detail(user, winner), created: false };
    }
    const made = created as Created | null; // assigned inside the transaction's callback
    if (!made) return { ticket: await this.queries.detail(user, ticketId), created: true };
    return {
      ticket: await this.queries.createdDetail(
        user,
        made.ticket,
        made.events,
        made.milestones,
        dto.photoIds.length > 0,
        place.companyId,
      ),
      created: true,
    };
  }
}
