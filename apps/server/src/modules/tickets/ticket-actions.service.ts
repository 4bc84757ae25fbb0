import { Injectable } from '@nestjs/common';
import { ErrorCode, MAX_TICKET_PHOTOS, Role, TicketAction, TicketDetailDto } from '@linli/contracts';
import { decideTransition, NAMES_ASSIGNEE, NOTE_PROMPTS, REASON_REQUIRED } from '@linli/domain';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { OrgDirectory } from '../org/org-directory.service';
import { UploadsService } from '../uploads/uploads.service';
import { TicketActionDto } from './dto/ticket-action.dto';
import { Ticket } from './entities/ticket.entity';
import { TicketAccess } from './ticket-access';
import { TicketQueries } from './ticket-queries.service';
import { applyTransition } from './ticket-transition';
import { TicketSla } from './ticket-sla.service';
import { TicketNotifier } from './ticket-notifier';
import { TicketChase } from './ticket-chase.service';

/** Someone acts on a ticket (accept, arrive, resolve, confirm…): the domain state machine decides, an optimistic lock guards. */
@Injectable()
export class TicketActions {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: ClockService,
    private readonly access: TicketAccess,
    private readonly uploads: UploadsService,
    private readonly org: OrgDirectory,
    private readonly queries: TicketQueries,
    private readonly sla: TicketSla,
    private readonly notifier: TicketNotifier,
    private readonly chase: TicketChase,
  ) {}

  /**
   * `alsoWithin`, when given, runs inside the same transaction after the transition (a rating stored
   * with the confirm or reopen it caused); if it throws, the transition is undone too.
   */
  async perform(user: AuthUser, ticketId: string, dto: TicketActionDto, alsoWithin?: (db: EntityManager, ticket: Ticket, now: Date) => Promise<void>): Promise<TicketDetailDto> {
    const ticket = await this.tickets.findOne({ where: { id: ticketId } });
    const actor = ticket && (await this.access.actorFor(user, ticket));
    if (!ticket || !actor || !this.access.canView(actor)) throw new AppException(ErrorCode.TICKET_NOT_FOUND);
    if (dto.version !== ticket.version) throw new AppException(ErrorCode.TICKET_STALE);
    const decision = decideTransition(ticket.status, dto.action, actor, ticket.kind);
    if (!decision.allowed) {
      if (decision.reason === 'kind') throw new AppException(ErrorCode.TICKET_ACTION_NOT_ALLOWED, '只有投诉可以判定为无效投诉');
      throw new AppException(decision.reason === 'status' ? ErrorCode.TICKET_ACTION_NOT_ALLOWED : ErrorCode.FORBIDDEN);
    }
    const photoIds = dto.photoIds ?? [];
    if (photoIds.length > MAX_TICKET_PHOTOS) throw new AppException(ErrorCode.UPLOAD_TOO_MANY);
    const note = dto.note?.trim() || null;
    if (REASON_REQUIRED.includes(dto.action) && !note) {
      const prompt = NOTE_PROMPTS[dto.action] ?? '请填写备注';
      throw new AppException(ErrorCode.TICKET_REASON_REQUIRED, prompt, [{ field: 'note', message: prompt }]);
    }
    if (dto.action === TicketAction.Hold && !dto.holdReason) {
      throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, [{ field: 'holdReason', message: '请选择挂起原因' }]);
    }

    if (dto.action === TicketAction.Chase) await this.chase.assertAllowed(ticket, this.clock.now());

    const assignee = await this.assigneeChange(user, ticket, dto);
    await this.unitOfWork.run(async (db) => {
      const now = this.clock.now();
      const timing = await this.sla.applyAction(db, ticket, dto.action, decision.to, now);
      const hold = dto.action === TicketAction.Hold ? { holdReason: dto.holdReason ?? null } : {};
      const event = await applyTransition(db, {
        ticketId,
        fromVersion: dto.version,
        fromStatus: ticket.status,
        toStatus: decision.to,
        action: dto.action,
        actorId: user.id,
        note,
        at: now,
        changes: { ...assignee, ...timing, ...hold },
      });
      await this.uploads.attachToTicket(db, user.id, photoIds, ticketId, event.id);
      await this.notifier.transitioned(db, ticket, dto.action, decision.to, user.id, now, assignee?.assigneeId ?? null, note);
      await alsoWithin?.(db, ticket, now);
    });
    return this.queries.detail(user, ticketId);
  }

  /** Accept makes the actor the assignee; assign and transfer name an assistant serving the ticket's building. */
  private async assigneeChange(user: AuthUser, ticket: Ticket, dto: TicketActionDto): Promise<Pick<Ticket, 'assigneeId'> | undefined> {
    if (!NAMES_ASSIGNEE.includes(dto.action) && dto.assigneeId) {
      throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, [{ field: 'assigneeId', message: '只有派单或转派时才能指定礼宾助理' }]);
    }
    if (dto.action === TicketAction.Accept) return { assigneeId: user.id };
    if (!NAMES_ASSIGNEE.includes(dto.action)) return undefined;
    const assignee = dto.assigneeId ? await this.org.authUser(dto.assigneeId) : null;
    const serves = assignee?.role === Role.Assistant && (await this.org.buildingsServedBy(assignee.id)).includes(ticket.buildingId);
    if (!serves) throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, [{ field: 'assigneeId', message: '请选择负责该楼栋的礼宾助理' }]);
    if (dto.action === TicketAction.Transfer && assignee.id === user.id) {
      throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, [{ field: 'assigneeId', message: '请选择另一位礼宾助理' }]);
    }
    return { assigneeId: assignee.id };
  }
}
