import { Injectable } from '@nestjs/common';
import { ErrorCode, TicketAction, TicketDetailDto } from '@linli/contracts';
import { decideEdit } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { UnitOfWork } from '../../database/unit-of-work';
import { CategoriesService } from '../categories/categories.service';
import { ClockService } from '../clock/clock.service';
import { ClassifyTicketDto } from './dto/classify-ticket.dto';
import { Ticket } from './entities/ticket.entity';
import { TicketAccess } from './ticket-access';
import { TicketQueries } from './ticket-queries.service';
import { TicketSla } from './ticket-sla.service';
import { applyTransition } from './ticket-transition';

/**
 * Urgency × severity after intake (docs/domain-rules.md §6): the category gives the defaults and the resident's
 * words can flag an emergency; the handler or the supervisor adjusts both, and the limits follow.
 */
@Injectable()
export class TicketClassification {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly access: TicketAccess,
    private readonly categories: CategoriesService,
    private readonly sla: TicketSla,
    private readonly queries: TicketQueries,
    private readonly clock: ClockService,
  ) {}

  async classify(
    user: AuthUser,
    ticketId: string,
    dto: ClassifyTicketDto,
  ): Promise<TicketDetailDto> {
    await this.unitOfWork.run(async (db) => {
      const ticket = await db.findOne(Ticket, { where: { id: ticketId } });
      const actor = ticket && (await this.access.actorFor(user, ticket));
      if (!ticket || !actor || !this.access.canView(actor))
        throw new AppException(ErrorCode.TICKET_NOT_FOUND);
      const decision = decideEdit(ticket.status, TicketAction.Reclassify, actor);
      if (!decision.allowed && decision.reason === 'who')
        throw new AppException(ErrorCode.FORBIDDEN, '只有处理人或管理处主任可以调整紧急与严重程度');
      if (dto.version !== ticket.version) throw new AppException(ErrorCode.TICKET_STALE);
      if (!decision.allowed)
        throw new AppException(ErrorCode.TICKET_ACTION_NOT_ALLOWED, '工单已结束，不能再调整');
      if (ticket.emergency === dto.urgent && ticket.serious === dto.serious) {
        throw new AppException(ErrorCode.VALIDATION_FAILED, '紧急与严重程度没有变化', [
          { field: 'urgent', message: '紧急与严重程度没有变化' },
        ]);
      }
      const category = await this.categories.find(ticket.categoryCode);
      if (!category) throw new AppException(ErrorCode.TICKET_CATEGORY_UNKNOWN);
      const now = this.clock.now();
      const changed: Ticket = { ...ticket, emergency: dto.urgent, serious: dto.serious };
      const nextCheckAt = await this.sla.replan(db, changed, category, now);
      const note = `调整为${dto.urgent ? '紧急' : '非紧急'}、${dto.serious ? '严重' : '一般'}${dto.note?.trim() ? `：${dto.note.trim()}` : ''}，服务时限已按新的等级重新计算`;
      await applyTransition(db, {
        ticketId,
        fromVersion: ticket.version,
        fromStatus: ticket.status,
        toStatus: ticket.status,
        action: TicketAction.Reclassify,
        actorId: user.id,
        note,
        at: now,
        changes: { emergency: dto.urgent, serious: dto.serious, nextCheckAt },
      });
    });
    return this.queries.detail(user, ticketId);
  }
}
