import { Injectable } from '@nestjs/common';
import { ErrorCode, TicketDetailDto, TicketSummaryDto } from '@linli/contracts';
import { allowedActions, OPEN_STATUSES } from '@linli/domain';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { OrgDirectory } from '../org/org-directory.service';
import { UploadsService } from '../uploads/uploads.service';
import { TicketEvent } from './entities/ticket-event.entity';
import { Ticket } from './entities/ticket.entity';
import { TicketAccess } from './ticket-access';
import { TICKET_VIEW_RELATIONS, toTicketDetail, toTicketSummary } from './ticket-mapper';

/** Reading tickets: a resident's list, an assistant's queue, one ticket's detail. Never shows a ticket to someone unrelated. */
@Injectable()
export class TicketQueries {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(TicketEvent) private readonly events: Repository<TicketEvent>,
    private readonly access: TicketAccess,
    private readonly org: OrgDirectory,
    private readonly uploads: UploadsService,
  ) {}

  async mine(user: AuthUser): Promise<TicketSummaryDto[]> {
    if (!user.householdId) return [];
    const rows = await this.tickets.find({
      where: { householdId: user.householdId },
      relations: TICKET_VIEW_RELATIONS,
      order: { createdAt: 'DESC', code: 'DESC' },
    });
    return rows.map(toTicketSummary);
  }

  /** Open tickets of the assistant's buildings that are theirs or nobody's: emergencies first, then the oldest. */
  async queue(user: AuthUser): Promise<TicketSummaryDto[]> {
    const buildingIds = await this.org.buildingsServedBy(user.id);
    if (buildingIds.length === 0) return [];
    const open = { buildingId: In(buildingIds), status: In([...OPEN_STATUSES]) };
    const rows = await this.tickets.find({
      where: [
        { ...open, assigneeId: user.id },
        { ...open, assigneeId: IsNull() },
      ],
      relations: TICKET_VIEW_RELATIONS,
      order: { emergency: 'DESC', createdAt: 'ASC', code: 'ASC' },
    });
    return rows.map(toTicketSummary);
  }

  async idByIdempotencyKey(reporterId: string, idempotencyKey: string): Promise<string | null> {
    const ticket = await this.tickets.findOne({ where: { reporterId, idempotencyKey }, select: { id: true } });
    return ticket?.id ?? null;
  }

  async detail(user: AuthUser, id: string): Promise<TicketDetailDto> {
    const ticket = await this.tickets.findOne({ where: { id }, relations: TICKET_VIEW_RELATIONS });
    if (!ticket) throw new AppException(ErrorCode.TICKET_NOT_FOUND);
    const actor = await this.access.actorFor(user, ticket);
    if (!this.access.canView(actor)) throw new AppException(ErrorCode.TICKET_NOT_FOUND);
    const [events, photos] = await Promise.all([
      this.events.find({ where: { ticketId: id }, relations: { actor: true }, order: { version: 'ASC' } }),
      this.uploads.photosOf(id),
    ]);
    return toTicketDetail(ticket, events, photos, allowedActions(ticket.status, actor));
  }
}
