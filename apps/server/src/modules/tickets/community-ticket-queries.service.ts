import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, In, Not, Repository } from 'typeorm';
import {
  CommunityTicketCountsDto,
  CommunityTicketFilter,
  CommunityTicketsPage,
  Role,
} from '@linli/contracts';
import { OPEN_STATUSES } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { Ticket } from './entities/ticket.entity';
import { User } from '../org/entities/user.entity';
import { OrgDirectory } from '../org/org-directory.service';
import { Department } from '../categories/department';
import { TICKET_VIEW_RELATIONS } from './ticket-mapper';
import { KeyedTicket, TicketLists } from './ticket-lists.service';
import { emptyPage, findPage, PageRequest } from '../../common/paging/paging';

/**
 * The supervisor's view of their community's tickets (open, at risk, the department's, finished, all), and
 * the company admin's of every community their company runs (the platform's admin: every community).
 * Never wider.
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
   * Open tickets (open, at risk, the department's) page in the assistant's queue's order (nearest live
   * deadline first, `compareQueue`), over the whole open set, with the counts of the whole list for 首页.
   * Finished and all tickets grow with history: paged newest first.
   */
  async list(
    user: AuthUser,
    filter: CommunityTicketFilter,
    page: PageRequest,
  ): Promise<CommunityTicketsPage> {
    const community = await this.scope(user);
    const open = [...OPEN_STATUSES];
    if (filter === CommunityTicketFilter.Done || filter === CommunityTicketFilter.All) {
      if (!community) return emptyPage();
      // History grows without end: newest first, a page at a time.
      const where =
        filter === CommunityTicketFilter.Done ? { ...community, status: Not(In(open)) } : community;
      return findPage(this.tickets, where, page, (rows) => this.views.summaries(rows), {
        relations: TICKET_VIEW_RELATIONS,
      });
    }
    // The open lists; none (an empty page with zero counts) when the caller oversees no community.
    let where: FindOptionsWhere<Ticket> | null = community && { ...community, status: In(open) };
    if (where && filter === CommunityTicketFilter.Department) {
      // The department head's queue: open tickets of the categories their department handles; none
      // for a supervisor without a department.
      const me = await this.tickets.manager.findOne(User, {
        where: { id: user.id },
        select: { id: true, department: true },
      });
      where = me?.department
        ? { ...where, category: { department: me.department as Department } }
        : null;
    }
    // The at-risk list: a limit at warning or breached, or already escalated.
    const keep = filter === CommunityTicketFilter.AtRisk ? atRisk : undefined;
    const { keyed, ...cut } = await this.views.queueOrderPage(where, page, keep);
    return { ...cut, counts: communityCounts(keyed) };
  }
}

const isLate = ({ row, sla }: KeyedTicket) => sla?.state === 'breached' || row.escalationLevel > 0;

const atRisk = (t: KeyedTicket) => isLate(t) || t.sla?.state === 'warning';

/** 首页's figures over the whole list: 处理中, 即将超时, 已超时, 未派单, and how many need the supervisor. */
function communityCounts(rows: readonly KeyedTicket[]): CommunityTicketCountsDto {
  const count = (test: (r: KeyedTicket) => boolean) => rows.filter(test).length;
  return {
    total: rows.length,
    warning: count(({ sla }) => sla?.state === 'warning'),
    late: count(isLate),
    unassigned: count(({ row }) => row.assigneeId === null),
    attention: count(atRisk),
  };
}
