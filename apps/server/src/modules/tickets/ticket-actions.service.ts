import { Injectable } from '@nestjs/common';
import { TicketAction, TicketDetailDto } from '@linli/contracts';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { UploadsService } from '../uploads/uploads.service';
import { TicketActionDto } from './dto/ticket-action.dto';
import { Ticket } from './entities/ticket.entity';
import { TicketActionChecks } from './ticket-action-checks';
import { TicketQueries } from './ticket-queries.service';
import { applyTransition } from './ticket-transition';
import { TicketSla } from './ticket-sla.service';
import { TicketNotifier } from './ticket-notifier';

/** Someone acts on a ticket (accept, arrive, resolve, confirm…): the domain state machine decides, an optimistic lock guards. */
@Injectable()
export class TicketActions {
  constructor(
    private readonly checks: TicketActionChecks,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: ClockService,
    private readonly uploads: UploadsService,
    private readonly queries: TicketQueries,
    private readonly sla: TicketSla,
    private readonly notifier: TicketNotifier,
  ) {}

  /**
   * `alsoWithin`, when given, runs inside the same transaction after the transition (a rating stored
   * with the confirm or reopen it caused); if it throws, the transition is undone too.
   */
  async perform(
    user: AuthUser,
    ticketId: string,
    dto: TicketActionDto,
    alsoWithin?: (db: EntityManager, ticket: Ticket, now: Date) => Promise<void>,
  ): Promise<TicketDetailDto> {
    const { ticket, to, note, photoIds, assignee } = await this.checks.check(user, ticketId, dto);
    await this.unitOfWork.run(async (db) => {
      const now = this.clock.now();
      const timing = await this.sla.applyAction(db, ticket, dto.action, to, now);
      const hold = dto.action === TicketAction.Hold ? { holdReason: dto.holdReason ?? null } : {};
      const event = await applyTransition(db, {
        ticketId,
        fromVersion: dto.version,
        fromStatus: ticket.status,
        toStatus: to,
        action: dto.action,
        actorId: user.id,
        note,
        at: now,
        changes: { ...assignee, ...timing, ...hold },
      });
      await this.uploads.attachToTicket(db, user.id, photoIds, ticketId, event.id);
      await this.notifier.transitioned(
        db,
        ticket,
        dto.action,
        to,
        user.id,
        now,
        assignee?.assigneeId ?? null,
        note,
      );
      await alsoWithin?.(db, ticket, now);
    });
    return this.queries.detail(user, ticketId);
  }
}
