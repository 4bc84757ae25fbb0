import { Inject, Injectable } from '@nestjs/common';
import {
  CallbackReason,
  CallbackStatus,
  Role,
  TicketAction,
  TicketKind,
  TicketStatus,
} from '@linli/contracts';
import { pickCallbackAssignee } from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { insertRows } from '../../database/unit-of-work';
import { AssistantBuilding } from '../org/entities/assistant-building.entity';
import { User } from '../org/entities/user.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { CallbackTask } from './entities/callback-task.entity';
import { NOT_YET_CALLED } from './callback-task-defaults';

const DAY_MS = 86_400_000;

export interface NewCallback {
  ticket: Pick<Ticket, 'id' | 'communityId' | 'buildingId' | 'householdId' | 'assigneeId'>;
  reason: CallbackReason;
  /** Who calls; when absent, chosen by the domain rule (a colleague of the handler, else the supervisor). */
  assigneeId?: string | null;
  sampleId?: string | null;
  supervisorCheck?: boolean;
  inPersonRequired?: boolean;
}

/**
 * Creates callback tasks inside the transaction of what caused them: a valid complaint closed (by the
 * resident's confirm or the auto-close), a 不满意 rating, the monthly sample.
 */
@Injectable()
export class CallbackPlanner {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Called by the ticket notifier for every transition. A complaint that closes after being handled
   * (confirmed or auto-closed; not one judged invalid and answered) gets its callback (docs/domain-rules.md §8).
   */
  async ticketTransitioned(
    db: EntityManager,
    ticket: Ticket,
    action: TicketAction,
    toStatus: TicketStatus,
    at: Date,
  ): Promise<void> {
    if (ticket.kind !== TicketKind.Complaint || toStatus !== TicketStatus.Closed) return;
    if (action !== TicketAction.Confirm && action !== TicketAction.AutoClose) return;
    const existing = await db.count(CallbackTask, {
      where: { ticketId: ticket.id, reason: CallbackReason.Complaint },
    });
    if (existing > 0) return;
    await this.create(db, { ticket, reason: CallbackReason.Complaint }, at);
  }

  async create(db: EntityManager, c: NewCallback, at: Date): Promise<CallbackTask> {
    const assigneeId =
      c.assigneeId !== undefined ? c.assigneeId : await this.pickAssignee(db, c.ticket, c.reason);
    const dueAt = new Date(at.getTime() + this.config.feedback.callback.dueDays[c.reason] * DAY_MS);
    const task: CallbackTask = {
      id: randomUUID(),
      communityId: c.ticket.communityId,
      buildingId: c.ticket.buildingId,
      householdId: c.ticket.householdId,
      ticketId: c.ticket.id,
      sampleId: c.sampleId ?? null,
      careDueOn: null,
      reason: c.reason,
      status: CallbackStatus.Due,
      assigneeId,
      supervisorCheck: c.supervisorCheck ?? false,
      inPersonRequired: c.inPersonRequired ?? false,
      dueAt,
      nextCheckAt: dueAt,
      ...NOT_YET_CALLED,
      createdAt: at,
    };
    await insertRows(db, CallbackTask, task);
    return task;
  }

  /** A 不满意 callback goes to the supervisor; others to a colleague of the handler serving the building. */
  private async pickAssignee(
    db: EntityManager,
    ticket: NewCallback['ticket'],
    reason: CallbackReason,
  ): Promise<string | null> {
    const supervisor = await db.findOne(User, {
      where: { role: Role.Supervisor, communityId: ticket.communityId, department: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
      select: { id: true },
    });
    if (reason === CallbackReason.Dissatisfied && supervisor) return supervisor.id;
    const serving = await db.find(AssistantBuilding, {
      where: { buildingId: ticket.buildingId },
      order: { userId: 'ASC' },
    });
    return pickCallbackAssignee(
      serving.map((s) => s.userId),
      ticket.assigneeId,
      supervisor?.id ?? null,
      this.config.feedback.callback.handlerMayCallBack,
    );
  }
}
