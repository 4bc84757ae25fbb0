import { Column, Entity, Index } from 'typeorm';
import {
  EnumColumn,
  IdColumn,
  InstantColumn,
  RefColumn,
  TextColumn,
} from '../../../database/columns';

export enum ChatDirection {
  In = 'in',
  Out = 'out',
}

/** How an outgoing message reached the resident. */
export enum ChatDelivery {
  /** Received from the resident. */
  Received = 'received',
  Chat = 'chat',
  /** The window was closed or its quota used: sent as a subscribe message / inbox note instead. */
  Notification = 'notification',
  /** Nothing could be sent (no notification route either); kept so staff see it was not delivered. */
  Undelivered = 'undelivered',
}

/** One message of the customer-service conversation, in or out, linked to the ticket it is about. */
@Entity('chat_message')
@Index('IDX_chat_message_openid', ['openid', 'createdAt'])
@Index('IDX_chat_message_ticket', ['ticketId', 'createdAt'])
export class ChatMessage {
  @IdColumn() id!: string;
  @TextColumn(64) openid!: string;
  @RefColumn({ nullable: true }) householdId!: string | null;
  @RefColumn({ nullable: true }) ticketId!: string | null;
  @EnumColumn(ChatDirection) direction!: ChatDirection;
  /** text, image, miniprogrampage, enter. */
  @TextColumn(20) type!: string;
  @TextColumn(600) text!: string;
  /** A card: its title and page. */
  @Column({ type: 'json', nullable: true }) card!: { title: string; pagePath: string } | null;
  /** Staff who wrote an outgoing reply (null for the bot and for the resident). */
  @RefColumn({ nullable: true }) authorId!: string | null;
  @EnumColumn(ChatDelivery) delivery!: ChatDelivery;
  @InstantColumn() createdAt!: Date;
}
