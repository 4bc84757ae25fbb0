import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ErrorCode, TicketAction } from '@linli/contracts';
import { ChaseRefusal, chaseRefusal } from '@linli/domain';
import { AppException } from '../../common/errors/app-exception';
import { TicketEvent } from './entities/ticket-event.entity';
import { Ticket } from './entities/ticket.entity';
import { TicketSla } from './ticket-sla.service';

const REFUSAL_ERRORS: Record<ChaseRefusal, ErrorCode> = {
  not_due: ErrorCode.TICKET_CHASE_NOT_DUE,
  too_soon: ErrorCode.TICKET_CHASE_TOO_SOON,
};

/** Whether the resident may chase (催办) a ticket now: the domain chase rules over its live limit and its last chase. */
@Injectable()
export class TicketChase {
  constructor(
    @InjectRepository(TicketEvent) private readonly events: Repository<TicketEvent>,
    private readonly sla: TicketSla,
  ) {}

  async refusal(ticket: Ticket, now: Date): Promise<ChaseRefusal | null> {
    const milestones = (await this.sla.rowsByTicket([ticket.id])).get(ticket.id) ?? [];
    const current = this.sla.current(ticket, milestones, now);
    const last = await this.events.findOne({
      where: { ticketId: ticket.id, action: TicketAction.Chase },
      order: { at: 'DESC' },
      select: { id: true, at: true },
    });
    return chaseRefusal(
      {
        slaState: current?.state ?? null,
        escalationLevel: ticket.escalationLevel,
        lastChasedAt: last?.at ?? null,
      },
      now,
    );
  }

  /** Throws the refusal as a contract error. */
  async assertAllowed(ticket: Ticket, now: Date): Promise<void> {
    const refusal = await this.refusal(ticket, now);
    if (refusal) throw new AppException(REFUSAL_ERRORS[refusal]);
  }
}
