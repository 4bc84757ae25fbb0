import { Injectable } from '@nestjs/common';
import { TicketActor } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { Access } from '../org/access.service';
import { Ticket } from './entities/ticket.entity';

/** The state machine's actor, with whether the caller may see the ticket and whether they are an admin of its company. */
export type TicketActorReach = TicketActor & { canView: boolean; adminsCompany: boolean };

/**
 * How a user relates to a ticket, in the terms of the domain state machine, and whether they may see it at
 * all: the one policy (Access → packages/domain access/reach.ts). An admin reaches their company's
 * tickets only; inside a household, complaints and other personal kinds are the reporter's own.
 */
@Injectable()
export class TicketAccess {
  constructor(private readonly access: Access) {}

  async actorFor(
    user: AuthUser,
    ticket: Pick<
      Ticket,
      | 'householdId'
      | 'assigneeId'
      | 'buildingId'
      | 'communityId'
      | 'reporterId'
      | 'kind'
      | 'createdAt'
    >,
    known?: { companyId: string },
  ): Promise<TicketActorReach> {
    const reach = await this.access.ticket(user, ticket, known);
    return { role: user.role, ...reach };
  }

  /** Nobody acts on a ticket they may not see: every ticket operation asks this first. */
  canView(actor: TicketActorReach): boolean {
    return actor.canView;
  }
}
