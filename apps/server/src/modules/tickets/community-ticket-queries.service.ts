import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, In, Not, Repository } from 'typeorm';
import { CommunityTicketFilter, Role, TicketSummaryDto } from '@linli/contracts';
import { OPEN_STATUSES } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { Ticket } from './entities/ticket.entity';
import { User } from '../org/entities/user.entity';
import { OrgDirectory } from '../org/org-directory.service';
import { Department } from '../categories/department';
import { TICKET_VIEW_RELATIONS } from './ticket-mapper';
import { byNearestDeadline, TicketQueries } from './ticket-queries.service';

/** At most this many tickets per list; a community's open tickets fit, its history is paged by date later. */
export const COMMUNITY_LIST_LIMIT = 200;

/**
 * The supervisor's view of their community's tickets (open, at risk, finished, all), and the company admin's
 * of every community their company runs (the platform's admin: every community). Never wider.
 */
@Injectable()
export class CommunityTicketQueries {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly views: TicketQueries,
    private readonly org: OrgDirectory,
  ) {}

  /** Which communities' tickets the caller oversees, as a where-clause; null when none. */
  private async scope(user: AuthUser): Promise<FindOptionsWhere<Ticket> | null> {
    if (user.role === Role.Admin) {
      const reach = await this.org.communitiesOfAdmin(user);
      if (reach === 'all') return {};
      return reach.length > 0 ? { communityId: In(reach) } : null;
    }
    return user.communityId ? { communityId: user.communityId } : null;
  }

  async list(user: AuthUser, filter: CommunityTicketFilter): Promise<TicketSummaryDto[]> {
    const community = await this.scope(user);
    if (!community) return [];
    const open = [...OPEN_STATUSES];
    if (filter === CommunityTicketFilter.Department) {
      // The department head's queue: open tickets of the categories their department handles, nearest deadline first.
      const me = await this.tickets.manager.findOne(User, { where: { id: user.id }, select: { id: true, department: true } });
      if (!me?.department) return [];
      const rows = await this.tickets.find({
        where: { ...community, status: In(open), category: { department: me.department as Department } },
        relations: TICKET_VIEW_RELATIONS,
        order: { createdAt: 'ASC', code: 'ASC' },
        take: COMMUNITY_LIST_LIMIT,
      });
      return byNearestDeadline(await this.views.summaries(rows));
    }
    const rows =
      filter === CommunityTicketFilter.Open || filter === CommunityTicketFilter.AtRisk
        ? await this.tickets.find({
            where: { ...community, status: In(open) },
            relations: TICKET_VIEW_RELATIONS,
            order: { emergency: 'DESC', createdAt: 'ASC', code: 'ASC' },
            take: COMMUNITY_LIST_LIMIT,
          })
        : await this.tickets.find({
            where: filter === CommunityTicketFilter.Done ? { ...community, status: Not(In(open)) } : community,
            relations: TICKET_VIEW_RELATIONS,
            order: { createdAt: 'DESC', code: 'DESC' },
            take: COMMUNITY_LIST_LIMIT,
          });
    const summaries = await this.views.summaries(rows);
    if (filter !== CommunityTicketFilter.AtRisk) return summaries;
    // The at-risk list: a limit at warning or breached, or already escalated; the nearest deadline first.
    return byNearestDeadline(summaries.filter((t) => t.escalationLevel > 0 || t.sla?.state === 'warning' || t.sla?.state === 'breached'));
  }
}
