import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Channel, ChatMessageDto, ErrorCode, NotificationKind, Role } from '@linli/contracts';
import { CHAT_PAGES, CHAT_TEXT } from '@linli/domain/chat';
import { In, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Inbox } from '../notifications/inbox.service';
import { User } from '../org/entities/user.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { TicketQueries } from '../tickets/ticket-queries.service';
import { ChatSender } from '../wechat/chat-port';
import { ChatLog } from './chat-log';
import { ChatDelivery, ChatDirection, ChatMessage } from './entities/chat-message.entity';

/** The chat messages about a ticket, for whoever may see the ticket (the ticket page's conversation). */
@Injectable()
export class ChatThread {
  constructor(
    @InjectRepository(ChatMessage) private readonly chatMessages: Repository<ChatMessage>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly queries: TicketQueries,
  ) {}

  /** Whoever may see the ticket (its household's residents, staff who reach it): the chat messages about it, oldest first. */
  async list(user: AuthUser, ticketId: string): Promise<ChatMessageDto[]> {
    await this.queries.detail(user, ticketId); // 404 unless the caller may see the ticket
    const rows = await this.chatMessages.find({
      where: { ticketId },
      order: { createdAt: 'ASC', direction: 'ASC' },
      take: 200,
    });
    const authors = await this.users.find({
      where: {
        id: In([...new Set(rows.map((r) => r.authorId).filter((a): a is string => a !== null))]),
      },
    });
    return rows.map((r) => ({
      id: r.id,
      direction: r.direction,
      type: r.type,
      text: r.text,
      card: r.card,
      authorName: authors.find((a) => a.id === r.authorId)?.name ?? null,
      delivery: r.delivery,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}

/**
 * The ticket's side of the chat: the handler's reply from the mini-program (the conversation on the
 * ticket page is ChatThread). A reply goes into the chat while the resident's window is open; otherwise it goes as a
 * notification (inbox, and a WeChat subscribe message for a subscribed resident) that opens the ticket.
 */
@Injectable()
export class ChatReplies {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly thread: ChatThread,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: ClockService,
    private readonly queries: TicketQueries,
    private readonly sender: ChatSender,
    private readonly log: ChatLog,
    private readonly inbox: Inbox,
  ) {}

  /** The ticket's assignee (or a supervisor who reaches it) answers the resident of a chat-reported ticket. */
  async reply(user: AuthUser, ticketId: string, text: string): Promise<ChatMessageDto[]> {
    const detail = await this.queries.detail(user, ticketId);
    const ticket = await this.tickets.findOneOrFail({
      where: { id: detail.id },
      relations: { reporter: true },
    });
    if (user.role !== Role.Supervisor && ticket.assigneeId !== user.id)
      throw new AppException(
        ErrorCode.TICKET_ACTION_NOT_ALLOWED,
        '只有负责这张工单的管家或主管可以回复',
      );
    if (ticket.channel !== Channel.WechatChat)
      throw new AppException(ErrorCode.CONFLICT, '这张工单不是从微信客服发起的，请用工单动态回复');
    const reporter = ticket.reporter;
    if (!reporter?.openid)
      throw new AppException(ErrorCode.CONFLICT, '找不到住户的微信，请电话联系住户');
    const conv = { openid: reporter.openid, householdId: ticket.householdId };
    const body = CHAT_TEXT.staffReply(ticket.code, text.trim());
    const now = this.clock.now();
    const window = await this.sender.window(reporter.openid, now);
    const delivery = window.open
      ? await this.log.send(conv, { text: body }, ticket.id, user.id)
      : ChatDelivery.Undelivered;
    if (delivery !== ChatDelivery.Chat) {
      // Outside the window (or refused): a notification that opens the ticket, and the reply kept on the ticket.
      await this.unitOfWork.run((db) =>
        this.inbox.deliver(
          db,
          [reporter.id],
          {
            kind: NotificationKind.TicketUpdated,
            title: '管家回复了您的报事',
            body: text.trim(),
            ticketId: ticket.id,
            ticketCode: ticket.code,
          },
          now,
        ),
      );
      await this.log.record(conv, {
        direction: ChatDirection.Out,
        type: 'text',
        text: body,
        delivery: ChatDelivery.Notification,
        ticketId: ticket.id,
        authorId: user.id,
        card: { title: CHAT_TEXT.ticketCard(ticket.code), pagePath: CHAT_PAGES.ticket(ticket.id) },
      });
    }
    return this.thread.list(user, ticketId);
  }
}
