import { Injectable } from '@nestjs/common';
import {
  AssigneeOptionDto,
  ErrorCode,
  TicketAction,
  TicketDetailDto,
  TicketPhotoDto,
} from '@linli/contracts';
import { AssistantBuilding } from '../org/entities/assistant-building.entity';
import { User } from '../org/entities/user.entity';
import { allowedActions, chaseRefusal, OPEN_STATUSES } from '@linli/domain';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { UploadsService } from '../uploads/uploads.service';
import { TicketEvent } from './entities/ticket-event.entity';
import { TicketMilestone } from './entities/ticket-milestone.entity';
import { Ticket } from './entities/ticket.entity';
import { TicketAccess, TicketActorReach } from './ticket-access';
import { TICKET_VIEW_RELATIONS, toTicketDetail } from './ticket-mapper';
import { TicketSla } from './ticket-sla.service';
import { ClockService } from '../clock/clock.service';
import { TicketChase } from './ticket-chase.service';
import { TicketStaffView } from './ticket-staff-view';

/** What one ticket's detail is made of. */
interface DetailParts {
  ticket: Ticket;
  actor: TicketActorReach;
  events: TicketEvent[];
  photos: TicketPhotoDto[];
  milestones: TicketMilestone[];
}

/** Reading one ticket: its detail, who could take it over. Never shows a ticket to someone unrelated. */
@Injectable()
export class TicketQueries {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(TicketEvent) private readonly events: Repository<TicketEvent>,
    private readonly access: TicketAccess,
    private readonly uploads: UploadsService,
    private readonly sla: TicketSla,
    private readonly clock: ClockService,
    private readonly chase: TicketChase,
    private readonly staffView: TicketStaffView,
  ) {}

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
    const parts = { ticket, actor, events, photos, milestones };
    return this.assemble(
      user,
      parts,
      now,
      async () => (await this.chase.refusal(ticket, now)) !== null,
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
    const parts = { ticket, actor, events, photos, milestones };
    const chaseState = {
      slaState: current?.state ?? null,
      escalationLevel: ticket.escalationLevel,
    };
    return this.assemble(
      user,
      parts,
      now,
      async () => chaseRefusal({ ...chaseState, lastChasedAt: null }, now) !== null,
    );
  }

  /**
   * The detail as the caller sees it. 催办 is offered only when the chase rules allow it now (late or
   * close to it, not chased just now): `chaseRefused` is asked only when the role could chase at all.
   */
  private async assemble(
    user: AuthUser,
    { ticket, actor, events, photos, milestones }: DetailParts,
    now: Date,
    chaseRefused: () => Promise<boolean>,
  ): Promise<TicketDetailDto> {
    let actions = allowedActions(ticket.status, actor, ticket.kind);
    if (actions.includes(TicketAction.Chase) && (await chaseRefused()))
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
      await this.staffView.of(user, ticket, actor),
    );
  }
}
