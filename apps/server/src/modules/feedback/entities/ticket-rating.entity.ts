import { Satisfaction } from '@linli/contracts';
import { Column, Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
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
  @RefersTo(() => Ticket, 'FK_ticket_rating_ticket', 'CASCADE') ticket?: Ticket;
  @Column({ type: 'int' }) round!: number;
  @RefColumn() raterId!: string;
  @RefersTo(() => User, 'FK_ticket_rating_rater', 'RESTRICT') rater?: User;
  /** The ticket's handler when it was rated: the rating goes on their record. */
  @RefColumn({ nullable: true }) handlerId!: string | null;
  @RefersTo(() => User, 'FK_ticket_rating_handler', 'SET NULL') handler?: User | null;
  @EnumColumn(Satisfaction) overall!: Satisfaction;
  @Column({ type: 'int' }) speed!: number;
  @Column({ type: 'int' }) attitude!: number;
  @Column({ type: 'int' }) quality!: number;
  @Column({ type: 'json' }) tags!: string[];
  @TextColumn(500, { nullable: true }) comment!: string | null;
  @InstantColumn() createdAt!: Date;
}
