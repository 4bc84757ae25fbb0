import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, In, Not, Repository } from 'typeorm';
import { CommunityTicketFilter, Page, Role, TicketSummaryDto } from '@linli/contracts';
import { OPEN_STATUSES } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { Ticket } from './entities/ticket.entity';
import { User } from '../org/entities/user.entity';
import { OrgDirectory } from '../org/org-directory.service';
import { Department } from '../categories/department';
import { TICKET_VIEW_RELATIONS } from './ticket-mapper';
import { byNearestDeadline, TicketLists } from './ticket-lists.service';
import { emptyPage, findPage, PageRequest } from '../../common/paging/paging';

const whole = <T>(items: T[]): Page<T> => ({ items, nextCursor: null });

/** At most this many open tickets in one list; a community's open tickets fit (its history is paged by cursor). */
export const COMMUNITY_LIST_LIMIT = 200;

/**
 * The supervisor's view of their community's tickets (open, at risk, finished, all), and the company admin's
 * of every community their company runs (the platform's admin: every community). Never wider.
 */
@Injectable()
export class CommunityTicketQueries {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly views: TicketLists,
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

  /**
   * Open tickets (open, at risk, the department's) are today's work, bounded by nature and sorted by
   * deadline: one page, no cursor. Finished and all tickets grow with history: paged newest first.
   */
  async list(
    user: AuthUser,
    filter: CommunityTicketFilter,
    page: PageRequest,
  ): Promise<Page<TicketSummaryDto>> {
    const community = await this.scope(user);
    if (!community) return emptyPage();
    const open = [...OPEN_STATUSES];
    if (filter === CommunityTicketFilter.Department) {
      // The department head's queue: open tickets of the categories their department handles, nearest deadline first.
      const me = await this.tickets.manager.findOne(User, {
        where: { id: user.id },
        select: { id: true, department: true },
      });
      if (!me?.department) return emptyPage();
      const rows = await this.tickets.find({
        where: {
          ...community,
          status: In(open),
          category: { department: me.department as Department },
        },
        relations: TICKET_VIEW_RELATIONS,
        order: { createdAt: 'ASC', code: 'ASC' },
        take: COMMUNITY_LIST_LIMIT,
      });
      return whole(byNearestDeadline(await this.views.summaries(rows)));
    }
    if (filter === CommunityTicketFilter.Done || filter === CommunityTicketFilter.All) {
      // History grows without end: newest first, a page at a time.
      const where =
        filter === CommunityTicketFilter.Done ? { ...community, status: Not(In(open)) } : community;
      return findPage(this.tickets, where, page, (rows) => this.views.summaries(rows), {
        relations: TICKET_VIEW_RELATIONS,
      });
    }
    const rows = await this.tickets.find({
      where: { ...community, status: In(open) },
      relations: TICKET_VIEW_RELATIONS,
      order: { emergency: 'DESC', createdAt: 'ASC', code: 'ASC' },
      take: COMMUNITY_LIST_LIMIT,
    });
    const summaries = await this.views.summaries(rows);
    if (filter !== CommunityTicketFilter.AtRisk) return whole(summaries);
    // The at-risk list: a limit at warning or breached, or already escalated; the nearest deadline first.
    return whole(
      byNearestDeadline(
        summaries.filter(
          (t) => t.escalationLevel > 0 || t.sla?.state === 'warning' || t.sla?.state === 'breached',
        ),
      ),
    );
  }
}
