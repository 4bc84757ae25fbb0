import { Injectable } from '@nestjs/common';
import { ErrorCode, NotificationKind, Role, TicketAction, TicketDetailDto } from '@linli/contracts';
import { decideEdit } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Inbox } from '../notifications/inbox.service';
import { User } from '../org/entities/user.entity';
import { EscalationSlipDto } from '../work-orders/dto/work-order.dto';
import { TicketMilestone } from './entities/ticket-milestone.entity';
import { Ticket } from './entities/ticket.entity';
import { TicketAccess } from './ticket-access';
import { TicketQueries } from './ticket-queries.service';
import { TicketSla } from './ticket-sla.service';
import { applyTransition } from './ticket-transition';

/**
 * The escalation slip (工作传签单, docs/domain-rules.md §7): a handler who cannot solve a ticket sends it up to the
 * supervisor with what is needed, who then names the responsible department with a work order. The
 * ticket is escalated as a breach would escalate it (and goes on to the company manager if it stays open).
 */
@Injectable()
export class TicketEscalation {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly access: TicketAccess,
    private readonly sla: TicketSla,
    private readonly queries: TicketQueries,
    private readonly inbox: Inbox,
    private readonly clock: ClockService,
  ) {}

  async slip(user: AuthUser, ticketId: string, dto: EscalationSlipDto): Promise<TicketDetailDto> {
    const reason = dto.reason.trim();
    await this.unitOfWork.run(async (db) => {
      const ticket = await db.findOne(Ticket, { where: { id: ticketId } });
      const actor = ticket && (await this.access.actorFor(user, ticket));
      if (!ticket || !actor || !this.access.canView(actor))
        throw new AppException(ErrorCode.TICKET_NOT_FOUND);
      const decision = decideEdit(ticket.status, TicketAction.EscalationSlip, actor);
      if (!decision.allowed && decision.reason === 'who')
        throw new AppException(ErrorCode.FORBIDDEN, '只有工单的处理人可以填写工作传签单');
      if (dto.version !== ticket.version) throw new AppException(ErrorCode.TICKET_STALE);
      if (!decision.allowed)
        throw new AppException(ErrorCode.TICKET_ACTION_NOT_ALLOWED, '工单已结束，无需上报');
      const now = this.clock.now();
      const first = ticket.escalationLevel === 0;
      const changed: Ticket = {
        ...ticket,
        escalationLevel: first ? 1 : ticket.escalationLevel,
        escalatedAt: first ? now : ticket.escalatedAt,
      };
      const rows = await db.find(TicketMilestone, { where: { ticketId } });
      await applyTransition(db, {
        ticketId,
        fromVersion: ticket.version,
        fromStatus: ticket.status,
        toStatus: ticket.status,
        action: TicketAction.EscalationSlip,
        actorId: user.id,
        note: `工作传签单：${reason}`,
        at: now,
        changes: {
          escalationLevel: changed.escalationLevel,
          escalatedAt: changed.escalatedAt,
          nextCheckAt: this.sla.nextCheck(changed, rows, now),
        },
      });
      const supervisors = await db.find(User, {
        where: { role: Role.Supervisor, communityId: ticket.communityId },
        select: { id: true, department: true },
      });
      const managers = supervisors.filter((s) => !s.department).map((s) => s.id);
      await this.inbox.deliver(
        db,
        managers.length > 0 ? managers : supervisors.map((s) => s.id),
        {
          kind: NotificationKind.SlaEscalated,
          title: '工作传签单：需要您协调',
          body: `${ticket.code} ${reason}`,
          ticketId,
          ticketCode: ticket.code,
          urgent: ticket.emergency,
        },
        now,
      );
    });
    return this.queries.detail(user, ticketId);
  }
}
