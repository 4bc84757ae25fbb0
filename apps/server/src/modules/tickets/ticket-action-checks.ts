import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ErrorCode, MAX_TICKET_PHOTOS, Role, TicketAction, TicketStatus } from '@linli/contracts';
import { decideTransition, NAMES_ASSIGNEE, NOTE_PROMPTS, REASON_REQUIRED } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { ClockService } from '../clock/clock.service';
import { OrgDirectory } from '../org/org-directory.service';
import { TicketActionDto } from './dto/ticket-action.dto';
import { Ticket } from './entities/ticket.entity';
import { TicketAccess } from './ticket-access';
import { TicketChase } from './ticket-chase.service';

/** What an allowed action does, once every precondition has held. */
export interface CheckedAction {
  ticket: Ticket;
  to: TicketStatus;
  note: string | null;
  photoIds: string[];
  assignee: Pick<Ticket, 'assigneeId'> | undefined;
}

/**
 * The preconditions of an action on a ticket, before anything is written: the caller may see the ticket,
 * read its current version, the state machine allows the action to them, the note and photos are as the
 * action asks, a chase is not too soon, and a named assignee serves the ticket's building.
 */
@Injectable()
export class TicketActionChecks {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly access: TicketAccess,
    private readonly org: OrgDirectory,
    private readonly chase: TicketChase,
    private readonly clock: ClockService,
  ) {}

  async check(user: AuthUser, ticketId: string, dto: TicketActionDto): Promise<CheckedAction> {
    const ticket = await this.tickets.findOne({ where: { id: ticketId } });
    const actor = ticket && (await this.access.actorFor(user, ticket));
    if (!ticket || !actor || !this.access.canView(actor))
      throw new AppException(ErrorCode.TICKET_NOT_FOUND);
    if (dto.version !== ticket.version) throw new AppException(ErrorCode.TICKET_STALE);
    const decision = decideTransition(ticket.status, dto.action, actor, ticket.kind);
    if (!decision.allowed) {
      if (decision.reason === 'kind')
        throw new AppException(ErrorCode.TICKET_ACTION_NOT_ALLOWED, '只有投诉可以判定为无效投诉');
      throw new AppException(
        decision.reason === 'status' ? ErrorCode.TICKET_ACTION_NOT_ALLOWED : ErrorCode.FORBIDDEN,
      );
    }
    const photoIds = dto.photoIds ?? [];
    if (photoIds.length > MAX_TICKET_PHOTOS) throw new AppException(ErrorCode.UPLOAD_TOO_MANY);
    const note = dto.note?.trim() || null;
    if (REASON_REQUIRED.includes(dto.action) && !note) {
      const prompt = NOTE_PROMPTS[dto.action] ?? '请填写备注';
      throw new AppException(ErrorCode.TICKET_REASON_REQUIRED, prompt, [
        { field: 'note', message: prompt },
      ]);
    }
    if (dto.action === TicketAction.Hold && !dto.holdReason) {
      throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, [
        { field: 'holdReason', message: '请选择挂起原因' },
      ]);
    }

    if (dto.action === TicketAction.Chase) await this.chase.assertAllowed(ticket, this.clock.now());

    const assignee = await this.assigneeChange(user, ticket, dto);
    return { ticket, to: decision.to, note, photoIds, assignee };
  }

  /** Accept makes the actor the assignee; assign and transfer name an assistant serving the ticket's building. */
  private async assigneeChange(
    user: AuthUser,
    ticket: Ticket,
    dto: TicketActionDto,
  ): Promise<Pick<Ticket, 'assigneeId'> | undefined> {
    if (!NAMES_ASSIGNEE.includes(dto.action) && dto.assigneeId) {
      throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, [
        { field: 'assigneeId', message: '只有派单或转派时才能指定礼宾助理' },
      ]);
    }
    if (dto.action === TicketAction.Accept) return { assigneeId: user.id };
    if (!NAMES_ASSIGNEE.includes(dto.action)) return undefined;
    const assignee = dto.assigneeId ? await this.org.authUser(dto.assigneeId) : null;
    const serves =
      assignee?.role === Role.Assistant &&
      (await this.org.buildingsServedBy(assignee.id)).includes(ticket.buildingId);
    if (!serves)
      throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, [
        { field: 'assigneeId', message: '请选择负责该楼栋的礼宾助理' },
      ]);
    if (dto.action === TicketAction.Transfer && assignee.id === user.id) {
      throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, [
        { field: 'assigneeId', message: '请选择另一位礼宾助理' },
      ]);
    }
    return { assigneeId: assignee.id };
  }
}
