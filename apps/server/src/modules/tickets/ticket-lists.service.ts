import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsSelect, FindOptionsWhere, In, IsNull, Repository } from 'typeorm';
import {
  Page,
  QueueCountsDto,
  QueuePage,
  TicketSlaDto,
  TicketStatus,
  TicketSummaryDto,
} from '@linli/contracts';
import {
  CursorKey,
  encodeCursor,
  OPEN_STATUSES,
  QueueKey,
  queueCursorKey,
  queueKeyOfCursor,
  queuePage,
} from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { invalidCursor } from '../../common/paging/page-query.dto';
import { emptyPage, findPage, PageRequest } from '../../common/paging/paging';
import { ClockService } from '../clock/clock.service';
import { Access } from '../org/access.service';
import { OrgDirectory } from '../org/org-directory.service';
import { Ticket } from './entities/ticket.entity';
import { TICKET_VIEW_RELATIONS, toTicketSummary } from './ticket-mapper';
import { TicketSla } from './ticket-sla.service';

/** The columns of a queue row: what toTicketSummary shows, with the relations' keys. */
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
   * A page of the open tickets of the assistant's buildings that are theirs or nobody's, by the nearest
   * live deadline (breached ones first, as their deadline has passed); without a running limit (on hold,
   * none applies) after them; equal deadlines emergencies first, then the oldest, then by code
   * (`compareQueue`). With the counts of the whole queue, for 首页.
   *
   * The deadline is a live countdown, so the order is computed, not read: (a) a light read of the whole
   * open set (the key's columns and what the countdown needs) and its milestones gives every row its key,
   * the counts and the page; (b) only the page's rows are read in full, with their relations.
   */
  async queue(user: AuthUser, page: PageRequest): Promise<QueuePage> {
    const buildingIds = await this.org.buildingsServedBy(user.id);
    const open = { buildingId: In(buildingIds), status: In([...OPEN_STATUSES]) };
    const { keyed, ...cut } = await this.queueOrderPage(
      buildingIds.length === 0
        ? null
        : [
            { ...open, assigneeId: user.id },
            { ...open, assigneeId: IsNull() },
          ],
      page,
    );
    return { ...cut, counts: queueCounts(keyed) };
  }

  /**
   * A page of the open tickets matching `where` (null: none) in the queue's order (`compareQueue`), as the
   * assistant's queue and the community's open lists read it: a light read of the whole matching set and
   * its milestones gives every row its key and live countdown; those `keep` accepts (all by default) are
   * sorted and cut after the cursor; only the page's rows are then read in full. `keyed` is the whole kept
   * set, for counts.
   */
  async queueOrderPage(
    where: FindOptionsWhere<Ticket> | FindOptionsWhere<Ticket>[] | null,
    page: PageRequest,
    keep: (row: KeyedTicket) => boolean = () => true,
  ): Promise<Page<TicketSummaryDto> & { keyed: KeyedTicket[] }> {
    const light =
      where === null ? [] : await this.tickets.find({ where, select: QUEUE_KEY_COLUMNS });
    const after = page.cursor ? await this.queueKeyAt(page.cursor, light) : null;
    const now = this.clock.now();
    const milestones = await this.sla.rowsByTicket(light.map((r) => r.id));
    const keyed = light
      .map((row): KeyedTicket => {
        const sla = this.sla.current(row, milestones.get(row.id) ?? [], now);
        const key: QueueKey = {
          dueAt: sla?.dueAt ? new Date(sla.dueAt) : null,
          emergency: row.emergency,
          createdAt: row.createdAt,
          code: row.code,
        };
        return { row, sla, key };
      })
      .filter(keep);
    const cut = queuePage(keyed, after, page.limit);
    const last = cut.items[cut.items.length - 1];
    return {
      items: await this.queueRows(cut.items),
      nextCursor: cut.more && last ? encodeCursor(queueCursorKey(last.key, last.row.id)) : null,
      keyed,
    };
  }

  /**
   * The queue key a cursor stands for: its deadline as the client saw it, the rest read again from the
   * ticket it names (from the open set, or by id when it has left the queue). A ticket that does not
   * exist is a bad cursor (400), like a malformed one.
   */
  private async queueKeyAt(cursor: CursorKey, open: readonly Ticket[]): Promise<QueueKey> {
    const ticket =
      open.find((r) => r.id === cursor.id) ??
      (await this.tickets.findOne({
        where: { id: cursor.id },
        select: { id: true, emergency: true, createdAt: true, code: true },
      }));
    if (!ticket) throw invalidCursor();
    return queueKeyOfCursor(cursor, ticket);
  }

  /** The page's rows in full (list columns and relations), in page order, with the countdowns already computed. */
  private async queueRows(
    page: readonly { row: Ticket; sla: TicketSlaDto | null }[],
  ): Promise<TicketSummaryDto[]> {
    if (page.length === 0) return [];
    const rows = await this.tickets.find({
      where: { id: In(page.map((p) => p.row.id)) },
      // Only what a list row shows (toTicketSummary): 20 columns instead of the 77 of the ticket and its
      // four view relations.
      select: QUEUE_COLUMNS,
      relations: { category: true, room: true, assignee: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    // A ticket deleted between the two reads is left out of the page.
    return page.flatMap(({ row, sla }) => {
      const full = byId.get(row.id);
      return full ? [toTicketSummary(full, sla)] : [];
    });
  }
}

/** An open ticket of the light read with its live countdown and its place in the queue. */
export interface KeyedTicket {
  /** Only the columns of QUEUE_KEY_COLUMNS. */
  row: Ticket;
  sla: TicketSlaDto | null;
  key: QueueKey;
}

/** The columns of the light read of the whole queue: the key's and what TicketSla.current and the counts read. */
const QUEUE_KEY_COLUMNS: FindOptionsSelect<Ticket> = {
  id: true,
  code: true,
  status: true,
  emergency: true,
  createdAt: true,
  communityId: true,
  pauses: true,
  escalationLevel: true,
  assigneeId: true,
};

const PENDING: readonly TicketStatus[] = [TicketStatus.Submitted, TicketStatus.Assigned];
const IN_PROGRESS: readonly TicketStatus[] = [
  TicketStatus.Accepted,
  TicketStatus.OnSite,
  TicketStatus.OnHold,
];

/** What 首页 shows of the whole queue: 待受理, 处理中, 已超时 (a limit has run out, or escalated for it). */
function queueCounts(rows: readonly KeyedTicket[]): QueueCountsDto {
  const count = (test: (r: KeyedTicket) => boolean) => rows.filter(test).length;
  return {
    pending: count(({ row }) => PENDING.includes(row.status)),
    inProgress: count(({ row }) => IN_PROGRESS.includes(row.status)),
    late: count(({ row, sla }) => sla?.state === 'breached' || row.escalationLevel > 0),
  };
}
