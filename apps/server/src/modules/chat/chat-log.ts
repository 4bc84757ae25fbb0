import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { ChatCard } from '@linli/domain/chat';
import { AuthUser } from '../../common/auth/auth-user';
import { ClockService } from '../clock/clock.service';
import { ChatSender } from '../wechat/chat-port';
import { ChatConversation } from './entities/chat-conversation.entity';
import { ChatDelivery, ChatDirection, ChatMessage } from './entities/chat-message.entity';

/** One reply the product sends: a text or a mini-program card, about a ticket when there is one. */
export type ChatReply = { text: string; card?: undefined } | { text?: undefined; card: ChatCard };

/** The record of a chat: the conversation's state per openid, and every message in and out with how it was delivered. */
@Injectable()
export class ChatLog {
  constructor(
    @InjectRepository(ChatMessage) private readonly chatMessages: Repository<ChatMessage>,
    @InjectRepository(ChatConversation)
    private readonly chatConversations: Repository<ChatConversation>,
    private readonly clock: ClockService,
    private readonly sender: ChatSender,
  ) {}

  /** Sends one reply into the chat and records it with how it went. */
  async send(
    conv: Pick<ChatConversation, 'openid' | 'householdId'>,
    reply: ChatReply,
    ticketId: string | null,
    authorId: string | null = null,
  ): Promise<ChatDelivery> {
    const outcome = reply.card
      ? await this.sender.send(conv.openid, {
          type: 'miniprogrampage',
          title: reply.card.title,
          pagePath: reply.card.pagePath,
        })
      : await this.sender.send(conv.openid, { type: 'text', text: reply.text! });
    const delivery = outcome.sent ? ChatDelivery.Chat : ChatDelivery.Undelivered;
    await this.record(conv, {
      direction: ChatDirection.Out,
      type: reply.card ? 'miniprogrampage' : 'text',
      text: reply.card?.title ?? reply.text!,
      card: reply.card ?? null,
      delivery,
      ticketId,
      authorId,
    });
    return delivery;
  }

  async record(
    conv: Pick<ChatConversation, 'openid' | 'householdId'>,
    m: Pick<ChatMessage, 'direction' | 'type' | 'text' | 'delivery' | 'ticketId'> &
      Partial<Pick<ChatMessage, 'card' | 'authorId'>>,
  ): Promise<string> {
    const id = randomUUID();
    // A conversation's messages keep their order: each is stamped at least 1 ms after the one before it,
    // so messages recorded within one clock tick (a frozen clock, a fast reply) never tie on MariaDB.
    const previous = await this.chatMessages.findOne({
      where: { openid: conv.openid },
      order: { createdAt: 'DESC' },
      select: { id: true, createdAt: true },
    });
    const now = this.clock.now();
    const createdAt =
      previous && previous.createdAt.getTime() >= now.getTime()
        ? new Date(previous.createdAt.getTime() + 1)
        : now;
    await this.chatMessages.insert({
      id,
      openid: conv.openid,
      householdId: conv.householdId,
      ticketId: m.ticketId,
      direction: m.direction,
      type: m.type,
      text: m.text.slice(0, 600),
      card: m.card ?? null,
      authorId: m.authorId ?? null,
      delivery: m.delivery,
      createdAt,
    });
    return id;
  }

  async conversation(openid: string, resident: AuthUser | null): Promise<ChatConversation> {
    const found = await this.chatConversations.findOneBy({ openid });
    const conv =
      found ??
      this.chatConversations.create({
        openid,
        state: { kind: 'idle' },
        fallbacksInARow: 0,
        updatedAt: this.clock.now(),
      });
    conv.userId = resident?.id ?? null;
    conv.householdId = resident?.householdId ?? null;
    return conv;
  }

  /** Stores where the conversation stands, stamped now. */
  async save(conv: ChatConversation): Promise<void> {
    conv.updatedAt = this.clock.now();
    await this.chatConversations.save(conv);
  }

  /** Links a received message to the ticket it became. */
  async linkTicket(messageId: string, ticketId: string): Promise<void> {
    await this.chatMessages.update({ id: messageId }, { ticketId });
  }
}
