import { SlaLimit, SlaMilestone } from '@linli/contracts';
import { Column, Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { Ticket } from './ticket.entity';

/**
 * One time limit of a ticket (respond, arrive, resolve, reply), planned at intake from its category's
 * policies. The deadline is not stored: it follows from start, limit, the working calendar and the
 * ticket's pauses, so a hold or a calendar correction can never leave a stale deadline behind.
 */
@Entity('ticket_milestone')
@Index('IDX_ticket_milestone_ticket', ['ticketId', 'milestone'], { unique: true })
export class TicketMilestone {
  @IdColumn() id!: string;
  @RefColumn() ticketId!: string;
  @RefersTo(() => Ticket, 'FK_ticket_milestone_ticket', 'CASCADE') ticket?: Ticket;
  @EnumColumn(SlaMilestone) milestone!: SlaMilestone;
  @TextColumn(40) policyCode!: string;
  @TextColumn(50) policyName!: string;
  @Column({ type: 'json' }) limitSpec!: SlaLimit;
  @InstantColumn() startAt!: Date;
  @InstantColumn({ nullable: true }) metAt!: Date | null;
  /** When the handler was warned (share of the limit used ≥ the warning share). */
  @InstantColumn({ nullable: true }) warnedAt!: Date | null;
  @InstantColumn({ nullable: true }) breachedAt!: Date | null;
}
