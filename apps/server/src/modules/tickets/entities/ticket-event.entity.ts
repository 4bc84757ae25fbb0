import { TicketAction, TicketStatus } from '@linli/contracts';
import { Column, Entity, Index } from 'typeorm';
import {
  CheckedCodeColumn,
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { User } from '../../org/entities/user.entity';
import { Ticket } from './ticket.entity';

/**
 * One thing that happened to a ticket: who did what, from which status to which, when. Append-only.
 * `version` is the ticket version the change produced, so events are ordered and no two changes can
 * claim the same version of a ticket.
 */
@Entity('ticket_event')
@Index('IDX_ticket_event_ticket_version', ['ticketId', 'version'], { unique: true })
export class TicketEvent {
  @IdColumn() id!: string;
  @RefColumn() ticketId!: string;
  @RefersTo(() => Ticket, 'FK_ticket_event_ticket', 'CASCADE') ticket?: Ticket;
  @Column({ type: 'int' }) version!: number;
  @CheckedCodeColumn(TicketAction, 'ticket_event.action') action!: TicketAction;
  @EnumColumn(TicketStatus, { nullable: true }) fromStatus!: TicketStatus | null;
  @EnumColumn(TicketStatus) toStatus!: TicketStatus;
  /** Null when the system acted (automatic dispatch). */
  @RefColumn({ nullable: true }) actorId!: string | null;
  @RefersTo(() => User, 'FK_ticket_event_actor', 'RESTRICT') actor?: User | null;
  @TextColumn(500, { nullable: true }) note!: string | null;
  @InstantColumn() at!: Date;
}
