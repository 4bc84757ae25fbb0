import { NotificationKind } from '@linli/contracts';
import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  CheckedCodeColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
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
  @ManyToOne(() => User, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_notification_user' })
  user?: User;
  @CheckedCodeColumn(NotificationKind, 'notification.kind') kind!: NotificationKind;
  @TextColumn(50) title!: string;
  @TextColumn(200) body!: string;
  @RefColumn({ nullable: true }) ticketId!: string | null;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'ticketId', foreignKeyConstraintName: 'FK_notification_ticket' })
  ticket?: Ticket | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn({ nullable: true }) readAt!: Date | null;
}
