import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, Role, SurveyConversationDto } from '@linli/contracts';
import { CHAT_PAGES, CHAT_TEXT, ChatCard, ChatIntent, chatParseReply, chatQuestionPrompt, ChatState, chatRatingVerdict, intakeCategory, interpretChat, nextChatState } from '@linli/domain/chat';

import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ClockService } from '../clock/clock.service';
import { Ratings } from '../feedback/ratings.service';
import { OrgDirectory } from '../org/org-directory.service';
import { Respondent, SurveyAnswering } from '../surveys/survey-answering.service';
import { TicketQueries } from '../tickets/ticket-queries.service';
import { TicketSubmission } from '../tickets/ticket-submission.service';
import { ChatInbound, ChatInboxHandler, ChatInboxRegistry, ChatSender } from '../wechat/chat-port';
import { ChatConversation } from './entities/chat-conversation.entity';
import { ChatDelivery, ChatDirection, ChatMessage } from './entities/chat-message.entity';

/** One reply the product sends: a text or a mini-program card, about a ticket when there is one. */
export type ChatReply = { text: string; card?: undefined } | { text?: undefined; card: ChatCard };

/**
 * The resident's side of the customer-service chat (issue #13 part B): registered as the one
 * ChatInboxHandler, it recognises the openid, keeps where the conversation stands, and turns each message
 * into the use case the rules in '@linli/domain/chat' name: a ticket (channel 微信客服), a rating exactly
 * as the ticket page gives it, one questionnaire answer through SurveyAnswering, or a short help.
 */
@Injectable()
export class ChatConversationService implements ChatInboxHandler, OnModuleInit {

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: ClockService,
    private readonly registry: ChatInboxRegistry,
    private readonly sender: ChatSender,
    private readonly org: OrgDirectory,
    private readonly submission: TicketSubmission,
    private readonly queries: TicketQueries,
    private readonly ratings: Ratings,
    private readonly surveys: SurveyAnswering,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(message: ChatInbound): Promise<void> {
    const user = await this.org.findByOpenid(message.openid);
    const resident: AuthUser | null =
      user && user.role === Role.Resident && user.householdId ? { id: user.id, name: user.name, role: user.role, householdId: user.householdId, communityId: user.communityId } : null;
    const conv = await this.conversation(message.openid, resident);
    const inboundId = await this.record(conv, { direction: ChatDirection.In, type: message.kind, text: message.text ?? message.title ?? message.sessionFrom ?? '', delivery: ChatDelivery.Received, ticketId: null });
    const openSurvey = resident ? await this.openSurvey(resident) : null;
    const intent = interpretChat({ kind: message.kind, text: message.text }, { state: conv.state, bound: resident !== null, openSurveyRoundId: openSurvey, fallbacksInARow: conv.fallbacksInARow });
    const { replies, ticketId, surveyFinished } = resident ? await this.act(resident, message, intent) : { replies: this.unbound(intent), ticketId: null, surveyFinished: false };
    if (ticketId) await this.ds.getRepository(ChatMessage).update({ id: inboundId }, { ticketId });
    conv.state = nextChatState(conv.state, intent, surveyFinished);
    conv.fallbacksInARow = intent.kind === 'fallback' || (intent.kind === 'bind' && message.kind !== 'enter') ? conv.fallbacksInARow + 1 : 0;
    conv.updatedAt = this.clock.now();
    await this.ds.getRepository(ChatConversation).save(conv);
    for (const reply of replies) await this.send(conv, reply, ticketId);
  }

  /** Sends one reply into the chat and records it with how it went. */
  async send(conv: Pick<ChatConversation, 'openid' | 'householdId'>, reply: ChatReply, ticketId: string | null, authorId: string | null = null): Promise<ChatDelivery> {
    const outcome = reply.card
      ? await this.sender.send(conv.openid, { type: 'miniprogrampage', title: reply.card.title, pagePath: reply.card.pagePath })
      : await this.sender.send(conv.openid, { type: 'text', text: reply.text! });
    const delivery = outcome.sent ? ChatDelivery.Chat : ChatDelivery.Undelivered;
    await this.record(conv, { direction: ChatDirection.Out, type: reply.card ? 'miniprogrampage' : 'text', text: reply.card?.title ?? reply.text!, card: reply.card ?? null, delivery, ticketId, authorId });
    return delivery;
  }

  async record(conv: Pick<ChatConversation, 'openid' | 'householdId'>, m: Pick<ChatMessage, 'direction' | 'type' | 'text' | 'delivery' | 'ticketId'> & Partial<Pick<ChatMessage, 'card' | 'authorId'>>): Promise<string> {
    const id = randomUUID();
    const messages = this.ds.getRepository(ChatMessage);
    // A conversation's messages keep their order: each is stamped at least 1 ms after the one before it,
    // so messages recorded within one clock tick (a frozen clock, a fast reply) never tie on MariaDB.
    const previous = await messages.findOne({ where: { openid: conv.openid }, order: { createdAt: 'DESC' }, select: { id: true, createdAt: true } });
    const now = this.clock.now();
    const createdAt = previous && previous.createdAt.getTime() >= now.getTime() ? new Date(previous.createdAt.getTime() + 1) : now;
    await messages.insert({
      id, openid: conv.openid, householdId: conv.householdId, ticketId: m.ticketId, direction: m.direction, type: m.type, text: m.text.slice(0, 600),
      card: m.card ?? null, authorId: m.authorId ?? null, delivery: m.delivery, createdAt,
    });
    return id;
  }

  async conversation(openid: string, resident: AuthUser | null): Promise<ChatConversation> {
    const repo = this.ds.getRepository(ChatConversation);
    const found = await repo.findOneBy({ openid });
    const conv = found ?? repo.create({ openid, state: { kind: 'idle' }, fallbacksInARow: 0, updatedAt: this.clock.now() });
    conv.userId = resident?.id ?? null;
    conv.householdId = resident?.householdId ?? null;
    return conv;
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

  private async act(resident: AuthUser, message: ChatInbound, intent: ChatIntent): Promise<{ replies: ChatReply[]; ticketId: string | null; surveyFinished: boolean }> {
    const who: Respondent = { userId: resident.id, householdId: resident.householdId };
    const plain = (replies: ChatReply[], ticketId: string | null = null) => ({ replies, ticketId, surveyFinished: false });
    switch (intent.kind) {
      case 'bind':
        return plain([]);
      case 'greet': {
        const replies: ChatReply[] = [{ text: CHAT_TEXT.greet }];
        if (intent.surveyRoundId) replies.push({ text: CHAT_TEXT.surveyInvite((await this.surveys.conversation(who, intent.surveyRoundId)).title) });
        return plain(replies);
      }
      case 'fallback':
        return plain(message.kind === 'image' || message.kind === 'miniprogrampage' ? (intent.level === 0 ? [{ text: CHAT_TEXT.unsupportedMedia }, { card: CHAT_TEXT.fallbackCard }] : this.fallback(intent.level)) : this.fallback(intent.level));
      case 'intake': {
        const { ticket } = await this.submission.submitFromChat(resident, {
          categoryCode: intakeCategory(intent.emergency),
          description: intent.text,
          photoIds: [],
          idempotencyKey: `wxchat:${message.key}`.slice(0, 64),
        });
        const text = ticket.emergency ? CHAT_TEXT.intakeEmergency(ticket.code, this.config.hotline) : CHAT_TEXT.intake(ticket.code);
        return plain([{ text }, { card: { title: CHAT_TEXT.ticketCard(ticket.code), pagePath: CHAT_PAGES.ticket(ticket.id) } }], ticket.id);
      }
      case 'rate': {
        try {
          const ticket = await this.queries.detail(resident, intent.ticketId);
          await this.ratings.rate(resident, intent.ticketId, { version: ticket.version, overall: chatRatingVerdict(intent.stars), speed: intent.stars, attitude: intent.stars, quality: intent.stars });
        } catch (err) {
          if (err instanceof AppException && [ErrorCode.RATING_ALREADY_GIVEN, ErrorCode.RATING_NOT_ALLOWED, ErrorCode.TICKET_NOT_FOUND].includes(err.code)) return plain([{ text: CHAT_TEXT.rateGone }], intent.ticketId);
          throw err;
        }
        return plain([{ text: intent.stars >= 3 ? CHAT_TEXT.rated(intent.stars) : CHAT_TEXT.ratedLow(intent.stars) }], intent.ticketId);
      }
      case 'survey_pause':
        return plain([{ text: CHAT_TEXT.surveyPaused }]);
      case 'survey_start':
      case 'survey_skip':
      case 'survey_answer':
        return this.surveyTurn(who, intent);
    }
  }

  /** One questionnaire turn: answer (or skip) the current question through SurveyAnswering, then ask the next. */
  private async surveyTurn(who: Respondent, intent: Extract<ChatIntent, { kind: 'survey_start' | 'survey_skip' | 'survey_answer' }>): Promise<{ replies: ChatReply[]; ticketId: null; surveyFinished: boolean }> {
    let conv: SurveyConversationDto;
    try {
      conv = await this.surveys.conversation(who, intent.roundId);
    } catch (err) {
      if (err instanceof AppException) return { replies: [{ text: CHAT_TEXT.surveyNone }], ticketId: null, surveyFinished: true };
      throw err;
    }
    const done = (c: SurveyConversationDto) => ({ replies: [{ text: c.thanks ?? c.closedMessage ?? CHAT_TEXT.surveyNone }], ticketId: null, surveyFinished: true });
    if (conv.completed || conv.closedMessage || !conv.next) return done(conv);
    const ask = (c: SurveyConversationDto): ChatReply => ({ text: chatQuestionPrompt(c.next!, c.progress.answered, c.progress.total) });
    if (intent.kind === 'survey_start') return { replies: [ask(conv)], ticketId: null, surveyFinished: false };
    const question = conv.next;
    if (intent.kind === 'survey_skip' && question.required) return { replies: [{ text: CHAT_TEXT.surveyRequired }, ask(conv)], ticketId: null, surveyFinished: false };
    const input = intent.kind === 'survey_skip' ? { skip: true } : chatParseReply(question, intent.text);
    try {
      conv = await this.surveys.answer(who, intent.roundId, { questionId: question.id, ...input });
    } catch (err) {
      if (err instanceof AppException && err.code === ErrorCode.SURVEY_ANSWER_INVALID) return { replies: [{ text: err.message }, ask(conv)], ticketId: null, surveyFinished: false };
      if (err instanceof AppException) return { replies: [{ text: err.message }], ticketId: null, surveyFinished: true };
      throw err;
    }
    if (conv.completed || !conv.next) return done(conv);
    return { replies: [ask(conv)], ticketId: null, surveyFinished: false };
  }

  private async openSurvey(resident: AuthUser): Promise<string | null> {
    const mine = await this.surveys.mine({ userId: resident.id, householdId: resident.householdId });
    return mine.find((s) => s.canAnswer)?.roundId ?? null;
  }

  /** Whether the state asks for something (used by the rating prompt not to interrupt a questionnaire). */
  static busy(state: ChatState): boolean {
    return state.kind === 'in_survey';
  }
}
