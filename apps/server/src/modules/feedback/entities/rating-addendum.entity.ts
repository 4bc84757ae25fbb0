import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../../../database/columns';
import { User } from '../../org/entities/user.entity';
import { TicketRating } from './ticket-rating.entity';

/** Words a resident adds to their rating later; the rating itself keeps what was said. */
@Entity('ticket_rating_addendum')
@Index('IDX_ticket_rating_addendum_rating', ['ratingId', 'createdAt'])
export class RatingAddendum {
  @IdColumn() id!: string;
  @RefColumn() ratingId!: string;
  @ManyToOne(() => TicketRating, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'ratingId', foreignKeyConstraintName: 'FK_ticket_rating_addendum_rating' })
  rating?: TicketRating;
  @RefColumn() authorId!: string;
  @ManyToOne(() => User, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'authorId', foreignKeyConstraintName: 'FK_ticket_rating_addendum_author' })
  author?: User;
  @TextColumn(500) text!: string;
  @InstantColumn() createdAt!: Date;
}
