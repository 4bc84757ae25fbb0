import { Entity, Index } from 'typeorm';
import {
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { User } from '../../org/entities/user.entity';
import { TicketRating } from './ticket-rating.entity';

/** Words a resident adds to their rating later; the rating itself keeps what was said. */
@Entity('ticket_rating_addendum')
@Index('IDX_ticket_rating_addendum_rating', ['ratingId', 'createdAt'])
export class RatingAddendum {
  @IdColumn() id!: string;
  @RefColumn() ratingId!: string;
  @RefersTo(() => TicketRating, 'FK_ticket_rating_addendum_rating', 'CASCADE')
  rating?: TicketRating;
  @RefColumn() authorId!: string;
  @RefersTo(() => User, 'FK_ticket_rating_addendum_author', 'RESTRICT') author?: User;
  @TextColumn(500) text!: string;
  @InstantColumn() createdAt!: Date;
}
