import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Role } from '@linli/contracts';
import {
  CHAT_PAGES,
  CHAT_TEXT,
  ChatIntent,
  ChatState,
  intakeCategory,
  interpretChat,
  nextChatState,
} from '@linli/domain/chat';
import { AuthUser } from '../../common/auth/auth-user';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { OrgDirectory } from '../org/org-directory.service';
import { Respondent } from '../surveys/survey-answering.service';
import { TicketSubmission } from '../tickets/ticket-submission.service';
import { ChatInbound, ChatInboxHandler, ChatInboxRegistry } from '../wechat/chat-port';
import { ChatDelivery, ChatDirection } from './entities/chat-message.entity';
import { ChatLog, ChatReply } from './chat-log';
import { ChatRatingTurns, ChatSurveyTurns, ChatTurn } from './chat-turns';

export type { ChatReply } from './chat-log';

/**
 * The resident's side of the customer-service chat (issue #13 part B): registered as the one
 * ChatInboxHandler, it recognises the openid, keeps where the conversation stands, and turns each message
 * into the use case the rules in '@linli/domain/chat' name: a ticket (channel 微信客服), a rating exactly
 * as the ticket page gives it, one questionnaire answer through SurveyAnswering, or a short help.
 */
@Injectable()
export class ChatConversationService implements ChatInboxHandler, OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: ChatInboxRegistry,
    private readonly org: OrgDirectory,
    private readonly log: ChatLog,
    private readonly submission: TicketSubmission,
    private readonly ratingTurns: ChatRatingTurns,
    private readonly surveyTurns: ChatSurveyTurns,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(message: ChatInbound): Promise<void> {
    const user = await this.org.findByOpenid(message.openid);
    const resident: AuthUser | null =
      user && user.role === Role.Resident && user.householdId
        ? {
            id: user.id,
            name: user.name,
            role: user.role,
            householdId: user.householdId,
            communityId: user.communityId,
          }
        : null;
    const conv = await this.log.conversation(message.openid, resident);
    const inboundId = await this.log.record(conv, {
      direction: ChatDirection.In,
      type: message.kind,
      text: message.text ?? message.title ?? message.sessionFrom ?? '',
      delivery: ChatDelivery.Received,
      ticketId: null,
    });
    const openSurvey = resident ? await this.surveyTurns.openRound(resident) : null;
    const intent = interpretChat(
      { kind: message.kind, text: message.text },
      {
        state: conv.state,
        bound: resident !== null,
        openSurveyRoundId: openSurvey,
        fallbacksInARow: conv.fallbacksInARow,
      },
    );
    const { replies, ticketId, surveyFinished } = resident
      ? await this.act(resident, message, intent)
      : { replies: this.unbound(intent), ticketId: null, surveyFinished: false };
    if (ticketId) await this.log.linkTicket(inboundId, ticketId);
    conv.state = nextChatState(conv.state, intent, surveyFinished);
    conv.fallbacksInARow =
      intent.kind === 'fallback' || (intent.kind === 'bind' && message.kind !== 'enter')
        ? conv.fallbacksInARow + 1
        : 0;
    await this.log.save(conv);
    for (const reply of replies) await this.log.send(conv, reply, ticketId);
  }

  private unbound(intent: ChatIntent): ChatReply[] {
    if (intent.kind === 'bind') return [{ text: CHAT_TEXT.bind }, { card: CHAT_TEXT.bindCard }];
    return this.fallback(intent.kind === 'fallback' ? intent.level : 1);
  }

  private fallback(level: 0 | 1 | 2): ChatReply[] {
    if (level === 0) return [{ text: CHAT_TEXT.fallback }, { card: CHAT_TEXT.fallbackCard }];
    if (level === 1) return [{ text: CHAT_TEXT.fallbackHotline(this.config.hotline) }];
    return [];
  }

  private async act(
    resident: AuthUser,
    message: ChatInbound,
    intent: ChatIntent,
  ): Promise<ChatTurn> {
    const who: Respondent = { userId: resident.id, householdId: resident.householdId };
    const plain = (replies: ChatReply[], ticketId: string | null = null) => ({
      replies,
      ticketId,
      surveyFinished: false,
    });
    switch (intent.kind) {
      case 'bind':
        return plain([]);
      case 'greet': {
        const replies: ChatReply[] = [{ text: CHAT_TEXT.greet }];
        if (intent.surveyRoundId)
          replies.push({ text: await this.surveyTurns.invite(who, intent.surveyRoundId) });
        return plain(replies);
      }
      case 'fallback':
        return plain(
          message.kind === 'image' || message.kind === 'miniprogrampage'
            ? intent.level === 0
              ? [{ text: CHAT_TEXT.unsupportedMedia }, { card: CHAT_TEXT.fallbackCard }]
              : this.fallback(intent.level)
            : this.fallback(intent.level),
        );
      case 'intake': {
        const { ticket } = await this.submission.submitFromChat(resident, {
          categoryCode: intakeCategory(intent.emergency),
          description: intent.text,
          photoIds: [],
          idempotencyKey: `wxchat:${message.key}`.slice(0, 64),
        });
        const text = ticket.emergency
          ? CHAT_TEXT.intakeEmergency(ticket.code, this.config.hotline)
          : CHAT_TEXT.intake(ticket.code);
        return plain(
          [
            { text },
            {
              card: {
                title: CHAT_TEXT.ticketCard(ticket.code),
                pagePath: CHAT_PAGES.ticket(ticket.id),
              },
            },
          ],
          ticket.id,
        );
      }
      case 'rate':
        return plain(
          await this.ratingTurns.rate(resident, intent.ticketId, intent.stars),
          intent.ticketId,
        );
      case 'survey_pause':
        return plain([{ text: CHAT_TEXT.surveyPaused }]);
      case 'survey_start':
      case 'survey_skip':
      case 'survey_answer':
        return this.surveyTurns.turn(who, intent);
    }
  }

  /** Whether the state asks for something (used by the rating prompt not to interrupt a questionnaire). */
  static busy(state: ChatState): boolean {
    return state.kind === 'in_survey';
  }
}
