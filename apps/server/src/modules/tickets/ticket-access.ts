import { Injectable } from '@nestjs/common';
import { Role } from '@linli/contracts';
import { TicketActor } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { OrgDirectory } from '../org/org-directory.service';
import { Ticket } from './entities/ticket.entity';

/** How a user relates to a ticket, in the terms of the domain state machine, and whether they may see it at all. */
@Injectable()
export class TicketAccess {
  constructor(private readonly org: OrgDirectory) {}

  async actorFor(user: AuthUser, ticket: Pick<Ticket, 'householdId' | 'assigneeId' | 'buildingId' | 'communityId'>): Promise<TicketActor> {
    return {
      role: user.role,
      ownHousehold: user.role === Role.Resident && user.householdId !== null && user.householdId === ticket.householdId,
      assignee: ticket.assigneeId === user.id,
      servesBuilding: user.role === Role.Assistant && (await this.org.buildingsServedBy(user.id)).includes(ticket.buildingId),
      supervisesCommunity: user.role === Role.Supervisor && user.communityId !== null && user.communityId === ticket.communityId,
    };
  }

  /** Residents see their household's tickets, assistants their buildings', supervisors their community's; admins all. */
  canView(actor: TicketActor): boolean {
    return actor.role === Role.Admin || actor.ownHousehold || actor.assignee || actor.servesBuilding || actor.supervisesCommunity;
  }
}
