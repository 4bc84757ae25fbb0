import { Satisfaction } from '@linli/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  TextColumn,
} from '../../../database/columns';
import { User } from '../../org/entities/user.entity';
import { Ticket } from '../../tickets/entities/ticket.entity';

/** The resident's verdict on one resolution of a ticket (round = the ticket's reopen count then). Never updated. */
@Entity('ticket_rating')
@Index('IDX_ticket_rating_round', ['ticketId', 'round'], { unique: true })
@Index('IDX_ticket_rating_handler', ['handlerId', 'createdAt'])
export class TicketRating {
  @IdColumn() id!: string;
  @RefColumn() ticketId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'ticketId', foreignKeyConstraintName: 'FK_ticket_rating_ticket' })
  ticket?: Ticket;
  @Column({ type: 'int' }) round!: number;
  @RefColumn() raterId!: string;
  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'raterId', foreignKeyConstraintName: 'FK_ticket_rating_rater' })
  rater?: User;
  /** The ticket's handler when it was rated: the rating goes on their record. */
  @RefColumn({ nullable: true }) handlerId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'handlerId', foreignKeyConstraintName: 'FK_ticket_rating_handler' })
  handler?: User | null;
  @EnumColumn(Satisfaction) overall!: Satisfaction;
  @Column({ type: 'int' }) speed!: number;
  @Column({ type: 'int' }) attitude!: number;
  @Column({ type: 'int' }) quality!: number;
  @Column({ type: 'json' }) tags!: string[];
  @TextColumn(500, { nullable: true }) comment!: string | null;
  @InstantColumn() createdAt!: Date;
}
