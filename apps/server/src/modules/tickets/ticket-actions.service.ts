import { Injectable } from '@nestjs/common';
import { ErrorCode, MAX_TICKET_PHOTOS, Role, TicketAction, TicketDetailDto } from '@linli/contracts';
import { decideTransition } from '@linli/domain';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
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
  ) {}

  async perform(user: AuthUser, ticketId: string, dto: TicketActionDto): Promise<TicketDetailDto> {
    const ticket = await this.tickets.findOne({ where: { id: ticketId } });
    const actor = ticket && (await this.access.actorFor(user, ticket));
    if (!ticket || !actor || !this.access.canView(actor)) throw new AppException(ErrorCode.TICKET_NOT_FOUND);
    if (dto.version !== ticket.version) throw new AppException(ErrorCode.TICKET_STALE);
    const decision = decideTransition(ticket.status, dto.action, actor);
    if (!decision.allowed) {
      throw new AppException(decision.reason === 'status' ? ErrorCode.TICKET_ACTION_NOT_ALLOWED : ErrorCode.FORBIDDEN);
    }
    const photoIds = dto.photoIds ?? [];
    if (photoIds.length > MAX_TICKET_PHOTOS) throw new AppException(ErrorCode.UPLOAD_TOO_MANY);

    const changes = await this.assigneeChange(user, ticket, dto);
    await this.unitOfWork.run(async (db) => {
      const event = await applyTransition(db, {
        ticketId,
        fromVersion: dto.version,
        fromStatus: ticket.status,
        toStatus: decision.to,
        action: dto.action,
        actorId: user.id,
        note: dto.note?.trim() || null,
        at: this.clock.now(),
        changes,
      });
      await this.uploads.attachToTicket(db, user.id, photoIds, ticketId, event.id);
    });
    return this.queries.detail(user, ticketId);
  }

  /** Accept makes the actor the assignee; assign names an assistant serving the ticket's building. */
  private async assigneeChange(user: AuthUser, ticket: Ticket, dto: TicketActionDto): Promise<Pick<Ticket, 'assigneeId'> | undefined> {
    if (dto.action !== TicketAction.Assign && dto.assigneeId) {
      throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, [{ field: 'assigneeId', message: '只有派单时才能指定礼宾助理' }]);
    }
    if (dto.action === TicketAction.Accept) return { assigneeId: user.id };
    if (dto.action !== TicketAction.Assign) return undefined;
    const assignee = dto.assigneeId ? await this.org.authUser(dto.assigneeId) : null;
    const serves = assignee?.role === Role.Assistant && (await this.org.buildingsServedBy(assignee.id)).includes(ticket.buildingId);
    if (!serves) throw new AppException(ErrorCode.VALIDATION_FAILED, undefined, [{ field: 'assigneeId', message: '请选择负责该楼栋的礼宾助理' }]);
    return { assigneeId: assignee.id };
  }
}
