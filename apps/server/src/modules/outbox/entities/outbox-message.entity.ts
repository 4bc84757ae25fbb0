import { NotificationKind } from '@linli/contracts';
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

export enum OutboxStatus {
  Pending = 'pending',
  Sending = 'sending',
  Sent = 'sent',
  /** The user revoked the subscription (43101): never retried. */
  Revoked = 'revoked',
  /** Gave up: a permanent error, or too many attempts. `lastError` says why. */
  Dead = 'dead',
}

/** A WeChat subscribe message waiting to go (or gone), written with the change that caused it. */
@Entity('outbox_message')
@Index('IDX_outbox_status_next', ['status', 'nextAttemptAt'])
@Index('IDX_outbox_user', ['userId', 'createdAt'])
export class OutboxMessage {
  @IdColumn() id!: string;
  @RefColumn() userId!: string;
  @RefersTo(() => User, 'FK_outbox_user', 'CASCADE') user?: User;
  @CheckedCodeColumn(NotificationKind, 'outbox_message.kind') kind!: NotificationKind;
  @TextColumn(64) templateId!: string;
  @TextColumn(200, { nullable: true }) page!: string | null;
  @Column({ type: 'json' }) data!: Record<string, { value: string }>;
  @Column({ type: 'boolean', default: false }) urgent!: boolean;
  @EnumColumn(OutboxStatus) status!: OutboxStatus;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @InstantColumn() nextAttemptAt!: Date;
  @TextColumn(64, { nullable: true }) claimedBy!: string | null;
  @TextColumn(200, { nullable: true }) lastError!: string | null;
  @TextColumn(32, { nullable: true }) msgid!: string | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn({ nullable: true }) sentAt!: Date | null;
}
