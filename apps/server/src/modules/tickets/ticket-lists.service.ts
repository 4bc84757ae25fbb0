import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsSelect, In, IsNull, Repository } from 'typeorm';
import { Page, TicketSummaryDto } from '@linli/contracts';
import { OPEN_STATUSES } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { emptyPage, findPage, PageRequest } from '../../common/paging/paging';
import { ClockService } from '../clock/clock.service';
import { Access } from '../org/access.service';
import { OrgDirectory } from '../org/org-directory.service';
import { Ticket } from './entities/ticket.entity';
import { TICKET_VIEW_RELATIONS, toTicketSummary } from './ticket-mapper';
import { TicketSla } from './ticket-sla.service';

/** Stable sort: tickets with a running limit by its deadline, then the rest in their given order. */
export function byNearestDeadline(list: TicketSummaryDto[]): TicketSummaryDto[] {
  const due = (t: TicketSummaryDto) =>
    t.sla?.dueAt ? Date.parse(t.sla.dueAt) : Number.POSITIVE_INFINITY;
  return list
    .map((t, i) => ({ t, i }))
    .sort((a, b) => due(a.t) - due(b.t) || a.i - b.i)
    .map((x) => x.t);
}

/** The columns of a queue row: what toTicketSummary shows and TicketSla.current reads, with the relations' keys. */
const QUEUE_COLUMNS: FindOptionsSelect<Ticket> = {
  id: true,
  code: true,
  kind: true,
  categoryCode: true,
  description: true,
  status: true,
  emergency: true,
  serious: true,
  communityId: true,
  pauses: true,
  escalationLevel: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  category: { code: true, name: true },
  room: { id: true, label: true },
  assignee: { id: true, name: true },
};

/** Lists of tickets: a household's, an assistant's queue; each row with its live countdown. */
@Injectable()
export class TicketLists {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly reach: Access,
    private readonly org: OrgDirectory,
    private readonly sla: TicketSla,
    private readonly clock: ClockService,
  ) {}

  /** List rows with their live countdowns (one query for all their milestones). */
  async summaries(rows: Ticket[]): Promise<TicketSummaryDto[]> {
    const now = this.clock.now();
    const milestones = await this.sla.rowsByTicket(rows.map((r) => r.id));
    return rows.map((r) =>
      toTicketSummary(r, this.sla.current(r, milestones.get(r.id) ?? [], now)),
    );
  }

  /**
   * The household's tickets a page at a time, newest first. Tickets the resident may not see (e.g. from
   * before they moved in) are dropped from the page, so a page may hold fewer than `limit`; the cursor
   * still follows the rows read, so nothing is skipped.
   */
  async mine(user: AuthUser, page: PageRequest): Promise<Page<TicketSummaryDto>> {
    const householdId = user.householdId;
    if (!householdId) return emptyPage();
    return findPage(
      this.tickets,
      { householdId },
      page,
      async (rows) => this.summaries(await this.reach.residentVisible(user, householdId, rows)),
      {
        relations: TICKET_VIEW_RELATIONS,
      },
    );
  }

  /**
   * Open tickets of the assistant's buildings that are theirs or nobody's, by the nearest deadline
   * (breached ones first, as their deadline has passed); without a running limit (on hold, none
   * applies): emergencies first, then the oldest.
   */
  async queue(user: AuthUser): Promise<TicketSummaryDto[]> {
    const buildingIds = await this.org.buildingsServedBy(user.id);
    if (buildingIds.length === 0) return [];
    const open = { buildingId: In(buildingIds), status: In([...OPEN_STATUSES]) };
    const rows = await this.tickets.find({
      where: [
        { ...open, assigneeId: user.id },
        { ...open, assigneeId: IsNull() },
      ],
      // Only what a list row shows (toTicketSummary) and its countdown needs (status, pauses, community):
      // 20 columns instead of the 77 of the ticket and its four view relations.
      select: QUEUE_COLUMNS,
      relations: { category: true, room: true, assignee: true },
      order: { emergency: 'DESC', createdAt: 'ASC', code: 'ASC' },
    });
    return byNearestDeadline(await this.summaries(rows));
  }
}
