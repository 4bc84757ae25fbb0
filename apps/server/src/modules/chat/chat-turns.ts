import { Injectable } from '@nestjs/common';
import { ErrorCode, SurveyConversationDto } from '@linli/contracts';
import {
  CHAT_TEXT,
  ChatIntent,
  chatParseReply,
  chatQuestionPrompt,
  chatRatingVerdict,
} from '@linli/domain/chat';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { Ratings } from '../feedback/ratings.service';
import { Respondent, SurveyAnswering } from '../surveys/survey-answering.service';
import { TicketQueries } from '../tickets/ticket-queries.service';
import { ChatReply } from './chat-log';

/** What one turn of the chat answers, and whether it ended a questionnaire. */
export interface ChatTurn {
  replies: ChatReply[];
  ticketId: string | null;
  surveyFinished: boolean;
}

/** Questionnaires in the chat: one question per message, answered through SurveyAnswering like the mini-program page. */
@Injectable()
export class ChatSurveyTurns {
  constructor(private readonly surveys: SurveyAnswering) {}

  /** The invitation line for a round the household may answer. */
  async invite(who: Respondent, roundId: string): Promise<string> {
    return CHAT_TEXT.surveyInvite((await this.surveys.conversation(who, roundId)).title);
  }

  /** One questionnaire turn: answer (or skip) the current question through SurveyAnswering, then ask the next. */
  async turn(
    who: Respondent,
    intent: Extract<ChatIntent, { kind: 'survey_start' | 'survey_skip' | 'survey_answer' }>,
  ): Promise<ChatTurn> {
    let conv: SurveyConversationDto;
    try {
      conv = await this.surveys.conversation(who, intent.roundId);
    } catch (err) {
      if (err instanceof AppException)
        return { replies: [{ text: CHAT_TEXT.surveyNone }], ticketId: null, surveyFinished: true };
      throw err;
    }
    const done = (c: SurveyConversationDto) => ({
      replies: [{ text: c.thanks ?? c.closedMessage ?? CHAT_TEXT.surveyNone }],
      ticketId: null,
      surveyFinished: true,
    });
    if (conv.completed || conv.closedMessage || !conv.next) return done(conv);
    const ask = (c: SurveyConversationDto): ChatReply => ({
      text: chatQuestionPrompt(c.next!, c.progress.answered, c.progress.total),
    });
    if (intent.kind === 'survey_start')
      return { replies: [ask(conv)], ticketId: null, surveyFinished: false };
    const question = conv.next;
    if (intent.kind === 'survey_skip' && question.required)
      return {
        replies: [{ text: CHAT_TEXT.surveyRequired }, ask(conv)],
        ticketId: null,
        surveyFinished: false,
      };
    const input =
      intent.kind === 'survey_skip' ? { skip: true } : chatParseReply(question, intent.text);
    try {
      conv = await this.surveys.answer(who, intent.roundId, { questionId: question.id, ...input });
    } catch (err) {
      if (err instanceof AppException && err.code === ErrorCode.SURVEY_ANSWER_INVALID)
        return {
          replies: [{ text: err.message }, ask(conv)],
          ticketId: null,
          surveyFinished: false,
        };
      if (err instanceof AppException)
        return { replies: [{ text: err.message }], ticketId: null, surveyFinished: true };
      throw err;
    }
    if (conv.completed || !conv.next) return done(conv);
    return { replies: [ask(conv)], ticketId: null, surveyFinished: false };
  }

  async openRound(resident: AuthUser): Promise<string | null> {
    const mine = await this.surveys.mine({
      userId: resident.id,
      householdId: resident.householdId,
    });
    return mine.find((s) => s.canAnswer)?.roundId ?? null;
  }
}

/** A rating typed in the chat ("1"–"5"), recorded exactly as the ticket page records one. */
@Injectable()
export class ChatRatingTurns {
  constructor(
    private readonly queries: TicketQueries,
    private readonly ratings: Ratings,
  ) {}

  async rate(resident: AuthUser, ticketId: string, stars: number): Promise<ChatReply[]> {
    try {
      const ticket = await this.queries.detail(resident, ticketId);
      await this.ratings.rate(resident, ticketId, {
        version: ticket.version,
        overall: chatRatingVerdict(stars),
        speed: stars,
        attitude: stars,
        quality: stars,
      });
    } catch (err) {
      if (
        err instanceof AppException &&
        [
          ErrorCode.RATING_ALREADY_GIVEN,
          ErrorCode.RATING_NOT_ALLOWED,
          ErrorCode.TICKET_NOT_FOUND,
        ].includes(err.code)
      )
        return [{ text: CHAT_TEXT.rateGone }];
      throw err;
    }
    return [{ text: stars >= 3 ? CHAT_TEXT.rated(stars) : CHAT_TEXT.ratedLow(stars) }];
  }
}
