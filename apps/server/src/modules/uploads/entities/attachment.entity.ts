import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../../../database/columns';
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
  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'ownerId', foreignKeyConstraintName: 'FK_attachment_owner' })
  owner?: User;
  @RefColumn({ nullable: true }) ticketId!: string | null;
  @ManyToOne(() => Ticket, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'ticketId', foreignKeyConstraintName: 'FK_attachment_ticket' })
  ticket?: Ticket | null;
  @RefColumn({ nullable: true }) eventId!: string | null;
  @ManyToOne(() => TicketEvent, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'eventId', foreignKeyConstraintName: 'FK_attachment_event' })
  event?: TicketEvent | null;
  @TextColumn(32) mimeType!: string;
  @Column({ type: 'int' }) size!: number;
  /** Path under LINLI_DATA_DIR/uploads. */
  @TextColumn(200) storageKey!: string;
  @InstantColumn() createdAt!: Date;
}
