import { Column, Entity, Index } from 'typeorm';
import {
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { User } from '../../org/entities/user.entity';
import { TicketEvent } from '../../tickets/entities/ticket-event.entity';
import { Ticket } from '../../tickets/entities/ticket.entity';

/** An uploaded photo. Free until it is attached to a ticket (or one of its events); only its owner may attach it. */
@Entity('attachment')
@Index('IDX_attachment_ticket', ['ticketId'])
@Index('IDX_attachment_owner', ['ownerId'])
export class Attachment {
  @IdColumn() id!: string;
  @RefColumn() ownerId!: string;
  @RefersTo(() => User, 'FK_attachment_owner', 'RESTRICT') owner?: User;
  @RefColumn({ nullable: true }) ticketId!: string | null;
  @RefersTo(() => Ticket, 'FK_attachment_ticket', 'RESTRICT') ticket?: Ticket | null;
  @RefColumn({ nullable: true }) eventId!: string | null;
  @RefersTo(() => TicketEvent, 'FK_attachment_event', 'RESTRICT') event?: TicketEvent | null;
  @TextColumn(32) mimeType!: string;
  @Column({ type: 'int' }) size!: number;
  /** Path under LINLI_DATA_DIR/uploads. */
  @TextColumn(200) storageKey!: string;
  @InstantColumn() createdAt!: Date;
}
