import { Injectable } from '@nestjs/common';
import { CHANNEL_LABELS, Role, TicketAction, TicketStatus } from '@linli/contracts';
import { detectEmergency, formatChinaDateTime, OUTAGE_KIND_LABELS } from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { insertRows } from '../../database/unit-of-work';
import { TicketCategory } from '../categories/entities/ticket-category.entity';
import { User } from '../org/entities/user.entity';
import { OutagesService } from '../outages/outages.service';
import { UploadsService } from '../uploads/uploads.service';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { TicketEvent } from './entities/ticket-event.entity';
import { TicketMilestone } from './entities/ticket-milestone.entity';
import { Ticket } from './entities/ticket.entity';
import { TicketDispatcher } from './ticket-dispatcher';
import { TicketNotifier } from './ticket-notifier';
import { TicketSla } from './ticket-sla.service';
import { HouseholdPlace } from '../org/org-directory.service';
import { Channel } from '@linli/contracts';

/** Who registered a request, through which channel, for whom: the resident themself, or staff on their behalf. */
export interface Intake {
  place: HouseholdPlace;
  reporterId: string;
  channel: Channel;
  /** Staff who took the request (首接责任制); null when the resident reported it. */
  receiver: AuthUser | null;
  contactName: string | null;
  contactPhone: string | null;
}

/** A ticket just written, with what the answer shows: no read-back needed. */
export interface Created {
  ticket: Ticket;
  events: TicketEvent[];
  milestones: TicketMilestone[];
}

/**
 * The write side of a submit, inside its transaction: the planned-outage check, dispatch, the ticket
 * (written once with its final fields), its time limits, the submit and assign events, the photos, and
 * the notification of whoever must act.
 */
@Injectable()
export class TicketWriter {
  constructor(
    private readonly outages: OutagesService,
    private readonly dispatcher: TicketDispatcher,
    private readonly sla: TicketSla,
    private readonly uploads: UploadsService,
    private readonly notifier: TicketNotifier,
  ) {}

  async write(
    db: EntityManager,
    user: AuthUser,
    dto: CreateTicketDto,
    intake: Intake,
    category: TicketCategory,
    code: string,
    now: Date,
  ): Promise<Created> {
    const { place } = intake;
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
      emergency: outage ? false : category.emergency || detectEmergency(dto.description).length > 0,
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
    const created = { ticket: shown, events: withActors, milestones: planned?.rows ?? [] };
    if (outage) return created;
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
    return created;
  }
}
