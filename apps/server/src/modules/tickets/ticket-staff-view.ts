import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Role, TicketAction, WechatReach } from '@linli/contracts';
import { isOpen, mayEdit, PAUSED_STATUSES } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { User } from '../org/entities/user.entity';
import { Outbox } from '../outbox/outbox.service';
import { WorkOrders } from '../work-orders/work-orders.service';
import { Ticket } from './entities/ticket.entity';
import { TicketActorReach } from './ticket-access';
import { NO_STAFF_VIEW, StaffView } from './ticket-mapper';
import { TicketExtensions } from './ticket-extensions.service';

/** The part of a ticket's detail only staff see; residents get NO_STAFF_VIEW. */
@Injectable()
export class TicketStaffView {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly outbox: Outbox,
    private readonly extensions: TicketExtensions,
    private readonly workOrders: WorkOrders,
  ) {}

  /**
   * What staff need to call residents back: the reporter's name and phone and whether WeChat reaches
   * them now, and for a request staff registered, who took it and the caller to call back.
   */
  async of(user: AuthUser, ticket: Ticket, actor: TicketActorReach): Promise<StaffView> {
    if (user.role === Role.Resident) return NO_STAFF_VIEW;
    const extensions = await this.extensions.ofTicket(this.tickets.manager, ticket.id);
    const pending = extensions.some((e) => e.status === 'pending');
    const extensionActions = {
      request:
        actor.assignee &&
        !pending &&
        isOpen(ticket.status) &&
        !PAUSED_STATUSES.includes(ticket.status),
      decide: pending && (actor.supervisesCommunity || actor.adminsCompany),
    };
    const ids = [ticket.reporterId, ticket.receivedById].filter((id): id is string => id !== null);
    const people = await this.tickets.manager.find(User, {
      where: { id: In(ids) },
      select: { id: true, name: true, phone: true },
    });
    const reporter = people.find((p) => p.id === ticket.reporterId);
    const receiver = people.find((p) => p.id === ticket.receivedById);
    const residentReporter = reporter && reporter.id !== ticket.receivedById;
    const reach = residentReporter
      ? ((await this.outbox.reachOf([reporter.id])).get(reporter.id) ?? WechatReach.Unbound)
      : null;
    return {
      reporter:
        residentReporter && reach
          ? { name: reporter.name, phone: reporter.phone, wechatReach: reach }
          : null,
      intake: receiver
        ? {
            receivedByName: receiver.name,
            contactName: ticket.contactName,
            contactPhone: ticket.contactPhone,
          }
        : null,
      extensions,
      extensionActions,
      canClassify: mayEdit(ticket.status, TicketAction.Reclassify, actor),
      canEscalate: mayEdit(ticket.status, TicketAction.EscalationSlip, actor),
      canIssueWorkOrder:
        isOpen(ticket.status) && (actor.supervisesCommunity || actor.adminsCompany),
      workOrders: await this.workOrders.ofTicket(this.tickets.manager, user, ticket.id),
    };
  }
}
