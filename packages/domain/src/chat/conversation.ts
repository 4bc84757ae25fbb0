import { Satisfaction } from '@linli/contracts';
import {
  detectEmergency,
  EmergencyKeyword,
  DEFAULT_EMERGENCY_KEYWORDS,
} from '../tickets/emergency-detector';

/**
 * The resident's side of the WeChat customer-service chat as rules: given where the conversation
 * stands and what the resident sent, what the product should do. Pure data + functions; the server
 * stores the state, creates tickets, records ratings and answers, and sends the replies.
 */

/** Where one resident's conversation stands (stored per openid). */
export type ChatState =
  | { kind: 'idle' }
  /** The chat asked "请为本次服务打分：回复 1–5" for this ticket. */
  | { kind: 'awaiting_rating'; ticketId: string }
  /** Answering a questionnaire round, one question per message. */
  | { kind: 'in_survey'; roundId: string };

/** What the resident sent, as far as the rules need it. */
export interface ChatInput {
  kind: 'text' | 'image' | 'miniprogrampage' | 'enter';
  text?: string;
}

export interface ChatContext {
  state: ChatState;
  /** The openid belongs to a resident bound to a household. */
  bound: boolean;
  /** The household has an open questionnaire invitation (a round it was invited to and has not finished). */
  openSurveyRoundId: string | null;
  /** How many fallback answers the product gave in a row just before this message (0 when the last reply was not one). */
  fallbacksInARow: number;
  emergencyKeywords?: readonly EmergencyKeyword[];
}

/** What to do with one inbound message. */
export type ChatIntent =
  | { kind: 'bind' }
  | { kind: 'greet'; surveyRoundId: string | null }
  | { kind: 'rate'; ticketId: string; stars: number }
  | { kind: 'survey_start'; roundId: string }
  | { kind: 'survey_answer'; roundId: string; text: string }
  | { kind: 'survey_skip'; roundId: string }
  | { kind: 'survey_pause'; roundId: string }
  | { kind: 'intake'; text: string; emergency: string[] }
  /** Not understood: level 0 = the short help with a card, level 1 = the hotline; level 2 = stay silent (never a loop). */
  | { kind: 'fallback'; level: 0 | 1 | 2 };

export const SURVEY_SKIP = '跳过';
export const SURVEY_PAUSE = '暂停';
export const SURVEY_RESUME = '继续';
/** Words that start (or resume) an invited questionnaire from outside it. */
export const SURVEY_START_WORDS: readonly string[] = [
  '问卷',
  '继续',
  '继续问卷',
  '开始问卷',
  '答问卷',
  '填问卷',
];
/** Short messages that carry no request: greetings, thanks, punctuation. */
export const SMALL_TALK: readonly string[] = [
  '你好',
  '您好',
  '在吗',
  '在不在',
  'hi',
  'hello',
  '哈喽',
  '谢谢',
  '好的',
  '好',
  '嗯',
  '哦',
  'ok',
  '收到',
  '?',
  '？',
  '人工',
  '客服',
];
/** A request shorter than this (and without an emergency word) is not enough to open a ticket. */
export const MIN_INTAKE_LENGTH = 4;
export const MAX_INTAKE_LENGTH = 500;

const FULL_WIDTH_DIGITS: Record<string, string> = {
  '１': '1',
  '２': '2',
  '３': '3',
  '４': '4',
  '５': '5',
};

/** "5", "５", "5分", "5星", "5 分" → 5; anything else → null. */
export function parseRatingReply(text: string): number | null {
  const t = text.trim().replace(/[１-５]/g, (d) => FULL_WIDTH_DIGITS[d] ?? d);
  const m = /^([1-5])\s*(分|星|颗星)?[。.!！]?$/.exec(t);
  return m ? Number(m[1]) : null;
}

/**
 * A chat rating is one number; the ticket page asks for an overall verdict and three star scores.
 * The chat's number stands for all three stars, and the verdict follows it: 4–5 满意, 3 基本满意,
 * 1–2 不满意 (which, as on the page, reopens the ticket and gives the supervisor a callback).
 */
export function chatRatingVerdict(stars: number): Satisfaction {
  if (stars >= 4) return Satisfaction.Satisfied;
  if (stars === 3) return Satisfaction.Basic;
  return Satisfaction.Dissatisfied;
}

const normalise = (s: string) =>
  s
    .trim()
    .replace(/[\s。.!！~～]+$/g, '')
    .toLowerCase();

function fallback(ctx: ChatContext): ChatIntent {
  return {
    kind: 'fallback',
    level: ctx.fallbacksInARow <= 0 ? 0 : ctx.fallbacksInARow === 1 ? 1 : 2,
  };
}

/** The rule table of the conversation, in priority order. */
export function interpretChat(input: ChatInput, ctx: ChatContext): ChatIntent {
  if (!ctx.bound)
    return input.kind === 'enter' || ctx.fallbacksInARow === 0
      ? { kind: 'bind' }
      : fallback({ ...ctx, fallbacksInARow: Math.max(ctx.fallbacksInARow, 1) });
  if (input.kind === 'enter')
    return {
      kind: 'greet',
      surveyRoundId: ctx.state.kind === 'in_survey' ? ctx.state.roundId : ctx.openSurveyRoundId,
    };
  if (input.kind !== 'text') return fallback(ctx);
  const raw = (input.text ?? '').trim();
  const word = normalise(raw);
  const state = ctx.state;

  if (state.kind === 'in_survey') {
    if (word === SURVEY_PAUSE) return { kind: 'survey_pause', roundId: state.roundId };
    if (word === SURVEY_SKIP) return { kind: 'survey_skip', roundId: state.roundId };
    if (word === SURVEY_RESUME) return { kind: 'survey_start', roundId: state.roundId };
    return { kind: 'survey_answer', roundId: state.roundId, text: raw };
  }

  if (state.kind === 'awaiting_rating') {
    const stars = parseRatingReply(raw);
    if (stars !== null) return { kind: 'rate', ticketId: state.ticketId, stars };
  }

  if (ctx.openSurveyRoundId && SURVEY_START_WORDS.includes(word))
    return { kind: 'survey_start', roundId: ctx.openSurveyRoundId };

  const emergency = detectEmergency(raw, ctx.emergencyKeywords ?? DEFAULT_EMERGENCY_KEYWORDS);
  if (emergency.length > 0)
    return { kind: 'intake', text: raw.slice(0, MAX_INTAKE_LENGTH), emergency };
  if (
    SMALL_TALK.includes(word) ||
    [...word].length < MIN_INTAKE_LENGTH ||
    !/[\u4e00-\u9fffA-Za-z]/.test(word)
  )
    return fallback(ctx);
  return { kind: 'intake', text: raw.slice(0, MAX_INTAKE_LENGTH), emergency: [] };
}

/** The state after the product acted on an intent (the server keeps awaiting_rating/in_survey otherwise unchanged). */
export function nextChatState(
  state: ChatState,
  intent: ChatIntent,
  surveyFinished = false,
): ChatState {
  switch (intent.kind) {
    case 'rate':
      return { kind: 'idle' };
    case 'survey_start':
    case 'survey_answer':
    case 'survey_skip':
      return surveyFinished ? { kind: 'idle' } : { kind: 'in_survey', roundId: intent.roundId };
    case 'survey_pause':
      return { kind: 'idle' };
    default:
      return state;
  }
}

/**
 * The category a chat request is filed under. The chat asks no questions about the category: an emergency
 * word names the obvious one; anything else is filed as 小区事务咨询 for the assistant to reclassify (the
 * ticket is dispatched and timed as any inquiry until then). Emergencies are flagged from the text by the
 * submission itself, whatever the category.
 */
export const CHAT_INTAKE_CATEGORIES: Readonly<Record<string, string>> = {
  漏水: 'water_leak',
  跑水: 'water_leak',
  爆管: 'water_leak',
  水浸: 'water_leak',
  停电: 'power_cut',
  停水: 'water_cut',
  堵塞: 'toilet_blocked',
};
export const CHAT_DEFAULT_CATEGORY = 'community_inquiry';
export const CHAT_EMERGENCY_FALLBACK_CATEGORY = 'home_repair_other';

export function intakeCategory(emergencyLabels: readonly string[]): string {
  for (const label of emergencyLabels)
    if (CHAT_INTAKE_CATEGORIES[label]) return CHAT_INTAKE_CATEGORIES[label];
  return emergencyLabels.length > 0 ? CHAT_EMERGENCY_FALLBACK_CATEGORY : CHAT_DEFAULT_CATEGORY;
}
