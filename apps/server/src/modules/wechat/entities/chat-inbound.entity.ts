import { Column, Entity, Index } from 'typeorm';
import { EnumColumn, IdColumn, InstantColumn, TextColumn } from '../../../database/columns';

export enum ChatInboundKind {
  Text = 'text',
  Image = 'image',
  MiniProgramPage = 'miniprogrampage',
  Enter = 'enter',
}

export enum ChatInboundStatus {
  /** Stored, waiting for (or between attempts of) the conversation's handler. */
  Pending = 'pending',
  /** Claimed by a worker (lease until nextAttemptAt). */
  Handling = 'handling',
  Handled = 'handled',
  /** The handler kept throwing: given up after the configured attempts. `lastError` says why. */
  Dead = 'dead',
}

/**
 * One message or event WeChat pushed from the customer-service chat, verified. The dedupe key is unique:
 * WeChat retries a push it got no answer to, and a retry stores nothing new.
 */
@Entity('wechat_chat_inbound')
@Index('UQ_wechat_chat_inbound_key', ['dedupeKey'], { unique: true })
@Index('IDX_wechat_chat_inbound_status_next', ['status', 'nextAttemptAt'])
@Index('IDX_wechat_chat_inbound_openid', ['openid', 'sentAt'])
export class ChatInboundRow {
  @IdColumn() id!: string;
  @TextColumn(128) dedupeKey!: string;
  @TextColumn(64) openid!: string;
  @EnumColumn(ChatInboundKind) kind!: ChatInboundKind;
  /** The message's own fields (text, sessionFrom, mediaId, picUrl, pagePath, title). */
  @Column({ type: 'json' }) content!: Record<string, string>;
  @InstantColumn() sentAt!: Date;
  @InstantColumn() receivedAt!: Date;
  @EnumColumn(ChatInboundStatus) status!: ChatInboundStatus;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @InstantColumn() nextAttemptAt!: Date;
  @TextColumn(64, { nullable: true }) claimedBy!: string | null;
  @TextColumn(200, { nullable: true }) lastError!: string | null;
  @InstantColumn({ nullable: true }) handledAt!: Date | null;
}
