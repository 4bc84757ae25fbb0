import { NotificationKind } from '@linli/contracts';
import { Entity, Index } from 'typeorm';
import {
  CheckedCodeColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  RefersTo,
  TextColumn,
} from '../../../database/columns';
import { User } from '../../org/entities/user.entity';
import { Ticket } from '../../tickets/entities/ticket.entity';

/** One message in one user's inbox (消息中心). */
@Entity('notification')
@Index('IDX_notification_user_created', ['userId', 'createdAt'])
@Index('IDX_notification_user_read', ['userId', 'readAt'])
export class Notification {
  @IdColumn() id!: string;
  @RefColumn() userId!: string;
  @RefersTo(() => User, 'FK_notification_user', 'CASCADE') user?: User;
  @CheckedCodeColumn(NotificationKind, 'notification.kind') kind!: NotificationKind;
  @TextColumn(50) title!: string;
  @TextColumn(200) body!: string;
  @RefColumn({ nullable: true }) ticketId!: string | null;
  @RefersTo(() => Ticket, 'FK_notification_ticket', 'CASCADE') ticket?: Ticket | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn({ nullable: true }) readAt!: Date | null;
}
