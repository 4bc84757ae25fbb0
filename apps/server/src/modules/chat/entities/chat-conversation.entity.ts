import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ChatState } from '@linli/domain/chat';
import { InstantColumn, RefColumn } from '../../../database/columns';

/** Where one resident's customer-service conversation stands (one row per openid). */
@Entity('chat_conversation')
export class ChatConversation {
  @PrimaryColumn({ type: 'varchar', length: 64 }) openid!: string;
  @RefColumn({ nullable: true }) userId!: string | null;
  @RefColumn({ nullable: true }) householdId!: string | null;
  @Column({ type: 'json' }) state!: ChatState;
  /** Fallback answers given in a row just before now (0 after anything understood): the no-loop rule's input. */
  @Column({ type: 'int', default: 0 }) fallbacksInARow!: number;
  @InstantColumn() updatedAt!: Date;
}
