import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Channel, TicketStatus } from '@linli/contracts';
import { CHAT_TEXT } from '@linli/domain/chat';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ClockService } from '../clock/clock.service';
import { User } from '../org/entities/user.entity';
import { Ticket } from '../tickets/entities/ticket.entity';
import { ChatSender } from '../wechat/chat-port';
import { ChatConversationService } from './chat-conversation.service';
import { ChatLog } from './chat-log';
import { ChatDirection, ChatMessage } from './entities/chat-message.entity';
import { ChatRatingPromptClaim } from './entities/chat-rating-prompt.entity';
import { isUniqueViolation } from '../../database/unit-of-work';
import { jobTiming, ScheduledJob } from '../../common/jobs/scheduled-job';

/**
 * After a ticket reported in the chat is resolved, the chat asks "请为本次服务打分：回复 1–5" — once, and
 * only while the resident's window is open (otherwise the ticket page's rating request, already sent by
 * subscribe message / inbox, is the way). Never in the middle of a questionnaire. Polls every few seconds; with
 * several instances, a claim row per ticket (chat_rating_prompt) makes exactly one of them ask.
 */
const RECENT_MS = 48 * 3_600_000;

@Injectable()
export class ChatRatingPrompt extends ScheduledJob<number> {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(ChatMessage) private readonly chatMessages: Repository<ChatMessage>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(ChatRatingPromptClaim)
    private readonly chatRatingPromptClaims: Repository<ChatRatingPromptClaim>,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: ClockService,
    private readonly sender: ChatSender,
    private readonly chatLog: ChatLog,
  ) {
    // Every few seconds; not by itself under test (the specs call askDue()).
    super('ChatRatingPrompt', 'rating prompt failed', () =>
      jobTiming(config.nodeEnv === 'test' ? 0 : 5000, config),
    );
  }

  protected round(): Promise<number> {
    return this.askDue();
  }

  /** Asks for every resolved chat ticket not asked yet whose resident can be reached in the chat now; returns how many were asked. */
  async askDue(): Promise<number> {
    // Only tickets resolved in the last 48 h (a window is at most that long): older ones are left to the page's
    // rating request, and a resident who never comes back cannot crowd newer tickets out of the batch.
    const since = new Date(this.clock.now().getTime() - RECENT_MS);
    const tickets = await this.tickets.find({
      where: {
        channel: Channel.WechatChat,
        status: TicketStatus.Resolved,
        receivedById: IsNull(),
        resolvedAt: MoreThan(since),
      },
      order: { resolvedAt: 'DESC' },
      take: 50,
    });
    let asked = 0;
    for (const ticket of tickets) {
      const prompt = CHAT_TEXT.ratePrompt(ticket.code);
      if (
        await this.chatMessages.exists({
          where: { ticketId: ticket.id, direction: ChatDirection.Out, text: prompt },
        })
      )
        continue;
      const reporter = await this.users.findOneBy({ id: ticket.reporterId });
      if (!reporter?.openid) continue;
      const conv = await this.chatLog.conversation(reporter.openid, {
        id: reporter.id,
        name: reporter.name,
        role: reporter.role,
        householdId: reporter.householdId,
        communityId: reporter.communityId,
      });
      if (ChatConversationService.busy(conv.state)) continue;
      if (!(await this.sender.window(reporter.openid, this.clock.now())).open) continue;
      // Several instances may run this round at once: the one whose claim is inserted asks, the others leave it.
      if (!(await this.claim(ticket.id))) continue;
      conv.state = { kind: 'awaiting_rating', ticketId: ticket.id };
      await this.chatLog.save(conv);
      await this.chatLog.send(conv, { text: prompt }, ticket.id);
      asked++;
    }
    return asked;
  }

  private async claim(ticketId: string): Promise<boolean> {
    try {
      await this.chatRatingPromptClaims.insert({ ticketId, askedAt: this.clock.now() });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }
}
