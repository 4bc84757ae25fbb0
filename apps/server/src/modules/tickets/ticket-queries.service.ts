import { Injectable } from '@nestjs/common';
import {
  AssigneeOptionDto,
  ErrorCode,
  Page,
  Role,
  TicketAction,
  TicketDetailDto,
  TicketSummaryDto,
  WechatReach,
} from '@linli/contracts';
import { AssistantBuilding } from '../org/entities/assistant-building.entity';
import { User } from '../org/entities/user.entity';
import {
  allowedActions,
  chaseRefusal,
  isOpen,
  OPEN_STATUSES,
  PAUSED_STATUSES,
} from '@linli/domain';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsSelect, In, IsNull, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { Access } from '../org/access.service';
import { OrgDirectory } from '../org/org-directory.service';
import { Outbox } from '../outbox/outbox.service';
import { UploadsService } from '../uploads/uploads.service';
import { TicketEvent } from './entities/ticket-event.entity';
import { TicketMilestone } from './entities/ticket-milestone.entity';
import { Ticket } from './entities/ticket.entity';
import { TicketAccess, TicketActorReach } from './ticket-access';
import {
  NO_STAFF_VIEW,
  StaffView,
  TICKET_VIEW_RELATIONS,
  toTicketDetail,
  toTicketSummary,
} from './ticket-mapper';
import { WorkOrders } from '../work-orders/work-orders.service';
import { TicketSla } from './ticket-sla.service';
import { TicketExtensions } from './ticket-extensions.service';
import { ClockService } from '../clock/clock.service';
import { TicketChase } from './ticket-chase.service';
import { emptyPage, findPage, PageRequest } from '../../common/paging/paging';

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

/** Reading tickets: a resident's list, an assistant's queue, one ticket's detail. Never shows a ticket to someone unrelated. */
@Injectable()
export class TicketQueries {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(TicketEvent) private readonly events: Repository<TicketEvent>,
    private readonly access: TicketAccess,
    private readonly reach: Access,
    private readonly org: OrgDirectory,
    private readonly uploads: UploadsService,
    private readonly sla: TicketSla,
    private readonly clock: ClockService,
    private readonly outbox: Outbox,
    private readonly extensions: TicketExtensions,
    private readonly workOrders: WorkOrders,
    private readonly chase: TicketChase,
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

  /**
   * Who could take the ticket over: the assistants serving its building, least loaded first. Only for
   * those who may hand it on (its assignee, the community's supervisor, an admin).
   */
  async assignees(user: AuthUser, id: string): Promise<AssigneeOptionDto[]> {
    const ticket = await this.tickets.findOne({ where: { id } });
    const actor = ticket && (await this.access.actorFor(user, ticket));
    if (!ticket || !actor || !this.access.canView(actor))
      throw new AppException(ErrorCode.TICKET_NOT_FOUND);
    if (!(actor.assignee || actor.supervisesCommunity || actor.adminsCompany))
      throw new AppException(ErrorCode.FORBIDDEN);
    const rows: { id: string; name: string; open: string | number }[] = await this.tickets.manager
      .createQueryBuilder()
      .select('u.id', 'id')
      .addSelect('u.name', 'name')
      .addSelect('COUNT(t.id)', 'open')
      .from(AssistantBuilding, 'ab')
      .innerJoin(User, 'u', 'u.id = ab.userId')
      .leftJoin(Ticket, 't', 't.assigneeId = u.id AND t.status IN (:...open)', {
        open: [...OPEN_STATUSES],
      })
      .where('ab.buildingId = :b', { b: ticket.buildingId })
      .groupBy('u.id')
      .addGroupBy('u.name')
      .getRawMany();
    return rows
      .map((r) => ({ id: r.id, name: r.name, openTickets: Number(r.open) }))
      .sort((a, b) => a.openTickets - b.openTickets || a.name.localeCompare(b.name, 'zh'));
  }

  async idByIdempotencyKey(reporterId: string, idempotencyKey: string): Promise<string | null> {
    const ticket = await this.tickets.findOne({
      where: { reporterId, idempotencyKey },
      select: { id: true },
    });
    return ticket?.id ?? null;
  }

  async detail(user: AuthUser, id: string): Promise<TicketDetailDto> {
    // find, not findOne: with relations, findOne's LIMIT makes TypeORM run a SELECT DISTINCT pre-query first; the id is the key.
    const [ticket] = await this.tickets.find({ where: { id }, relations: TICKET_VIEW_RELATIONS });
    if (!ticket) throw new AppException(ErrorCode.TICKET_NOT_FOUND);
    const actor = await this.access.actorFor(user, ticket);
    if (!this.access.canView(actor)) throw new AppException(ErrorCode.TICKET_NOT_FOUND);
    const [events, photos] = await Promise.all([
      this.events.find({
        where: { ticketId: id },
        relations: { actor: true },
        order: { version: 'ASC' },
      }),
      this.uploads.photosOf(id),
    ]);
    const now = this.clock.now();
    const milestones = (await this.sla.rowsByTicket([id])).get(id) ?? [];
    let actions = allowedActions(ticket.status, actor, ticket.kind);
    // 催办 is offered only when the chase rules allow it now (late or close to it, not chased just now).
    if (actions.includes(TicketAction.Chase) && (await this.chase.refusal(ticket, now)) !== null)
      actions = actions.filter((a) => a !== TicketAction.Chase);
    return toTicketDetail(
      ticket,
      events,
      photos,
      actions,
      {
        current: this.sla.current(ticket, milestones, now),
        milestones: this.sla.all(ticket, milestones, now),
      },
      await this.staffView(user, ticket, actor),
    );
  }

  /**
   * The detail of a ticket this request has just written (a submit's answer), from what the submit holds
   * in memory: the ticket with its category, room, assignee and outage, its events with their actors,
   * its milestones. Read from the database: only who the caller is to it (the one access policy), the
   * photos when some were attached, and for staff their view. A new ticket was never chased.
   */
  async createdDetail(
    user: AuthUser,
    ticket: Ticket,
    events: TicketEvent[],
    milestones: TicketMilestone[],
    withPhotos: boolean,
    companyId: string,
  ): Promise<TicketDetailDto> {
    // The same access policy as every read, on the facts the submit wrote (its community's company came with the household's place).
    const actor = await this.access.actorFor(user, ticket, { companyId });
    if (!this.access.canView(actor)) throw new AppException(ErrorCode.TICKET_NOT_FOUND);
    const photos = withPhotos ? await this.uploads.photosOf(ticket.id) : [];
    const now = this.clock.now();
    const current = this.sla.current(ticket, milestones, now);
    let actions = allowedActions(ticket.status, actor, ticket.kind);
    if (
      actions.includes(TicketAction.Chase) &&
      chaseRefusal(
        {
          slaState: current?.state ?? null,
          escalationLevel: ticket.escalationLevel,
          lastChasedAt: null,
        },
        now,
      ) !== null
    ) {
      actions = actions.filter((a) => a !== TicketAction.Chase);
    }
    return toTicketDetail(
      ticket,
      events,
      photos,
      actions,
      { current, milestones: this.sla.all(ticket, milestones, now) },
      await this.staffView(user, ticket, actor),
    );
  }

  /**
   * What staff need to call residents back: the reporter's name and phone and whether WeChat reaches
   * them now, and for a request staff registered, who took it and the caller to call back.
   */
  private async staffView(
    user: AuthUser,
    ticket: Ticket,
    actor: TicketActorReach,
  ): Promise<StaffView> {
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
      canClassify:
        isOpen(ticket.status) &&
        (actor.assignee || actor.supervisesCommunity || actor.adminsCompany),
      canEscalate: isOpen(ticket.status) && actor.assignee,
      canIssueWorkOrder:
        isOpen(ticket.status) && (actor.supervisesCommunity || actor.adminsCompany),
      workOrders: await this.workOrders.ofTicket(this.tickets.manager, user, ticket.id),
    };
  }
}
