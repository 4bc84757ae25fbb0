import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  NotificationKind,
  Role,
  SLA_MILESTONE_LABELS,
  SlaMilestone,
  TicketAction,
  TicketExtensionDto,
} from '@linli/contracts';
import {
  EXTENSION_WORKFLOW,
  ExtensionStep,
  decideStep,
  extensionProblem,
  formatChinaDateTime,
  fromOf,
  isOpen,
  PAUSED_STATUSES,
  wallLimitUntil,
} from '@linli/domain';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { insertRows, UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Inbox } from '../notifications/inbox.service';
import { Access } from '../org/access.service';
import { User } from '../org/entities/user.entity';
import { DecideExtensionDto, RequestExtensionDto } from './dto/extension.dto';
import { TicketExtension } from './entities/ticket-extension.entity';
import { TicketMilestone } from './entities/ticket-milestone.entity';
import { Ticket } from './entities/ticket.entity';
import { TicketAccess } from './ticket-access';
import { TicketSla, toPauses } from './ticket-sla.service';
import { applyTransition } from './ticket-transition';

/**
 * Deadline extensions (docs/domain-rules.md §6): the assignee asks for a later deadline with a reason; the
 * community's supervisor approves (the milestone's deadline moves to the approved instant) or refuses
 * with a reason. Both are on the ticket's timeline, and each side is told in the inbox.
 */
@Injectable()
export class TicketExtensions {
  constructor(
    @InjectRepository(TicketExtension) private readonly extensions: Repository<TicketExtension>,
    private readonly unitOfWork: UnitOfWork,
    private readonly access: TicketAccess,
    private readonly reach: Access,
    private readonly sla: TicketSla,
    private readonly inbox: Inbox,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(
    user: AuthUser,
    ticketId: string,
    dto: RequestExtensionDto,
  ): Promise<TicketExtensionDto> {
    const milestone = dto.milestone ?? SlaMilestone.Resolve;
    const until = new Date(dto.until);
    const reason = dto.reason.trim();
    if (!reason)
      throw new AppException(ErrorCode.VALIDATION_FAILED, '请写明延期原因', [
        { field: 'reason', message: '请写明延期原因' },
      ]);
    const id = await this.unitOfWork.run(async (db) => {
      const ticket = await db.findOne(Ticket, { where: { id: ticketId } });
      const actor = ticket && (await this.access.actorFor(user, ticket));
      if (!ticket || !actor || !this.access.canView(actor))
        throw new AppException(ErrorCode.TICKET_NOT_FOUND);
      if (!actor.assignee)
        throw new AppException(ErrorCode.FORBIDDEN, '只有工单的处理人可以申请延期');
      if (!isOpen(ticket.status) || PAUSED_STATUSES.includes(ticket.status))
        throw new AppException(ErrorCode.EXTENSION_NOT_ALLOWED, '工单当前状态不能申请延期');
      if (await db.exists(TicketExtension, { where: { ticketId, status: 'pending' } }))
        throw new AppException(ErrorCode.EXTENSION_PENDING);
      const now = this.clock.now();
      const rows = await db.find(TicketMilestone, { where: { ticketId } });
      const index = rows.findIndex((r) => r.milestone === milestone);
      const status = index >= 0 ? this.sla.statuses(ticket, rows, now)[index] : null;
      const currentDue =
        status && status.state !== 'met' && status.state !== 'paused' ? status.dueAt : null;
      const problem = extensionProblem(currentDue, until, now, this.config.sla.maxExtensionDays);
      if (problem)
        throw new AppException(ErrorCode.VALIDATION_FAILED, problem, [
          { field: 'until', message: problem },
        ]);
      const row: TicketExtension = {
        id: randomUUID(),
        ticketId,
        communityId: ticket.communityId,
        milestone,
        status: 'pending',
        reason,
        requestedById: user.id,
        requestedAt: now,
        previousDueAt: currentDue!,
        requestedDueAt: until,
        decidedById: null,
        decidedAt: null,
        decisionNote: null,
      };
      await insertRows(db, TicketExtension, row);
      const note = `申请将「${SLA_MILESTONE_LABELS[milestone]}」时限由 ${formatChinaDateTime(currentDue!)} 延至 ${formatChinaDateTime(until)}：${reason}`;
      await applyTransition(db, {
        ticketId,
        fromVersion: ticket.version,
        fromStatus: ticket.status,
        toStatus: ticket.status,
        action: TicketAction.RequestExtension,
        actorId: user.id,
        note,
        at: now,
        changes: {},
      });
      const supervisors = await db.find(User, {
        select: { id: true },
        where: { role: Role.Supervisor, communityId: ticket.communityId },
      });
      await this.inbox.deliver(
        db,
        supervisors.map((s) => s.id),
        {
          kind: NotificationKind.TicketUpdated,
          title: '延期申请待审批',
          body: `${ticket.code} ${note}`.slice(0, 200),
          ticketId,
          ticketCode: ticket.code,
        },
        now,
      );
      return row.id;
    });
    return this.one(id);
  }

  async decide(
    user: AuthUser,
    extensionId: string,
    dto: DecideExtensionDto,
  ): Promise<TicketExtensionDto> {
    const note = dto.note?.trim() || null;
    if (!dto.approve && !note)
      throw new AppException(ErrorCode.VALIDATION_FAILED, '驳回时请写明原因', [
        { field: 'note', message: '驳回时请写明原因' },
      ]);
    await this.unitOfWork.run(async (db) => {
      const ext = await db.findOne(TicketExtension, { where: { id: extensionId } });
      const ticket = ext && (await db.findOne(Ticket, { where: { id: ext.ticketId } }));
      const actor = ticket && (await this.access.actorFor(user, ticket));
      if (!ext || !ticket || !actor || !this.access.canView(actor))
        throw new AppException(ErrorCode.EXTENSION_NOT_FOUND);
      const step: ExtensionStep = dto.approve ? 'approve' : 'reject';
      const decision = decideStep(EXTENSION_WORKFLOW, ext.status, step, {
        supervisesCommunity: actor.supervisesCommunity,
        adminsCompany: actor.adminsCompany,
      });
      if (!decision.allowed && decision.reason === 'actor')
        throw new AppException(ErrorCode.FORBIDDEN, '只有管理处主任可以审批延期');
      if (!decision.allowed) throw new AppException(ErrorCode.EXTENSION_DECIDED);
      const now = this.clock.now();
      // Conditional: two supervisors deciding at once, one wins.
      const claimed = await db.update(
        TicketExtension,
        { id: ext.id, status: In(fromOf(EXTENSION_WORKFLOW, step)) },
        { status: decision.to, decidedById: user.id, decidedAt: now, decisionNote: note },
      );
      if (claimed.affected !== 1) throw new AppException(ErrorCode.EXTENSION_DECIDED);
      const label = SLA_MILESTONE_LABELS[ext.milestone];
      let changes: Partial<Ticket> = {};
      if (dto.approve) {
        const rows = await db.find(TicketMilestone, { where: { ticketId: ticket.id } });
        const row = rows.find((r) => r.milestone === ext.milestone);
        if (!row || row.metAt || !isOpen(ticket.status))
          throw new AppException(
            ErrorCode.EXTENSION_NOT_ALLOWED,
            '该时限已完成或工单已结束，无需延期',
          );
        // The approved instant becomes the deadline; a warning or breach already flagged is looked at afresh.
        const reset = {
          limitSpec: wallLimitUntil(row.startAt, ext.requestedDueAt, toPauses(ticket.pauses)),
          warnedAt: null,
          breachedAt: null,
        };
        Object.assign(row, reset);
        await db.update(TicketMilestone, { id: row.id }, reset);
        changes = { nextCheckAt: this.sla.nextCheck(ticket, rows, now) };
      }
      const text = dto.approve
        ? `批准「${label}」时限延至 ${formatChinaDateTime(ext.requestedDueAt)}${note ? `：${note}` : ''}`
        : `驳回延期申请，「${label}」时限仍为 ${formatChinaDateTime(ext.previousDueAt)}：${note}`;
      await applyTransition(db, {
        ticketId: ticket.id,
        fromVersion: ticket.version,
        fromStatus: ticket.status,
        toStatus: ticket.status,
        action: dto.approve ? TicketAction.ApproveExtension : TicketAction.RejectExtension,
        actorId: user.id,
        note: text,
        at: now,
        changes,
      });
      const to = [ext.requestedById, ticket.assigneeId].filter(
        (id, i, all): id is string => id !== null && id !== user.id && all.indexOf(id) === i,
      );
      await this.inbox.deliver(
        db,
        to,
        {
          kind: NotificationKind.TicketUpdated,
          title: dto.approve ? '延期申请已批准' : '延期申请被驳回',
          body: `${ticket.code} ${text}`.slice(0, 200),
          ticketId: ticket.id,
          ticketCode: ticket.code,
        },
        now,
      );
    });
    return this.one(extensionId);
  }

  /** A supervisor's pending requests (their community); an admin's, their company's (the platform's admin: all). Oldest first. */
  async pending(user: AuthUser): Promise<TicketExtensionDto[]> {
    const communities = await this.reach.communityIds(user);
    if (communities !== 'all' && communities.length === 0) return [];
    const where =
      communities === 'all'
        ? { status: 'pending' as const }
        : { status: 'pending' as const, communityId: In(communities) };
    const rows = await this.extensions.find({
      where,
      relations: { requestedBy: true, decidedBy: true, ticket: true },
      order: { requestedAt: 'ASC' },
      take: 200,
    });
    return rows.map(toDto);
  }

  /** The requests of one ticket, newest first (staff who may see the ticket). */
  async ofTicket(db: EntityManager, ticketId: string): Promise<TicketExtensionDto[]> {
    const rows = await db.find(TicketExtension, {
      where: { ticketId },
      relations: { requestedBy: true, decidedBy: true, ticket: true },
      order: { requestedAt: 'DESC' },
    });
    return rows.map(toDto);
  }

  private async one(id: string): Promise<TicketExtensionDto> {
    const rows = await this.extensions.find({
      where: { id: In([id]) },
      relations: { requestedBy: true, decidedBy: true, ticket: true },
    });
    return toDto(rows[0]);
  }
}

function toDto(e: TicketExtension): TicketExtensionDto {
  return {
    id: e.id,
    ticketId: e.ticketId,
    ticketCode: e.ticket?.code ?? '',
    milestone: e.milestone,
    status: e.status,
    reason: e.reason,
    requestedByName: e.requestedBy?.name ?? '（已删除）',
    requestedAt: e.requestedAt.toISOString(),
    previousDueAt: e.previousDueAt.toISOString(),
    requestedDueAt: e.requestedDueAt.toISOString(),
    decidedByName: e.decidedBy?.name ?? null,
    decidedAt: e.decidedAt?.toISOString() ?? null,
    decisionNote: e.decisionNote,
  };
}
