import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EnumColumn, InstantColumn } from '../../../database/columns';

export enum ChatActionKind {
  Message = 'message',
  Enter = 'enter',
}

/**
 * A resident's customer-service session window (packages/domain chatWindowVerdict): their latest action
 * and the messages the product sent since. Sends reserve a slot with a conditional update, so two
 * instances never send more than WeChat allows.
 */
@Entity('wechat_chat_session')
export class ChatSessionRow {
  @PrimaryColumn({ type: 'varchar', length: 64 }) openid!: string;
  @EnumColumn(ChatActionKind) lastActionKind!: ChatActionKind;
  @InstantColumn() lastActionAt!: Date;
  @Column({ type: 'int', default: 0 }) sentSince!: number;
  @InstantColumn() updatedAt!: Date;
}
