import { QuestionType, Satisfaction, SurveyQuestion, SurveyTheme } from '@linli/contracts';
import { parseTextReply, questionPrompt } from '../surveys';
import {
  ChatContext,
  ChatIntent,
  ChatState,
  chatRatingVerdict,
  intakeCategory,
  interpretChat,
  nextChatState,
  parseRatingReply,
} from './conversation';
import { CHAT_TEXT } from './replies';
import { chatParseReply, chatQuestionPrompt } from './survey-text';

const idle: ChatState = { kind: 'idle' };
const ctx = (over: Partial<ChatContext> = {}): ChatContext => ({
  state: idle,
  bound: true,
  openSurveyRoundId: null,
  fallbacksInARow: 0,
  ...over,
});
const text = (t: string) => ({ kind: 'text' as const, text: t });

describe('interpretChat', () => {
  const rating: ChatState = { kind: 'awaiting_rating', ticketId: 't1' };
  const survey: ChatState = { kind: 'in_survey', roundId: 'r1' };
  const cases: Array<[string, Parameters<typeof interpretChat>[0], ChatContext, ChatIntent]> = [
    [
      'unbound resident gets the bind card',
      text('厨房水管漏水'),
      ctx({ bound: false }),
      { kind: 'bind' },
    ],
    [
      'unbound resident entering gets the bind card',
      { kind: 'enter' },
      ctx({ bound: false, fallbacksInARow: 3 }),
      { kind: 'bind' },
    ],
    [
      'unbound resident writing again is not sent the same card twice',
      text('你好'),
      ctx({ bound: false, fallbacksInARow: 1 }),
      { kind: 'fallback', level: 1 },
    ],
    [
      'entering greets and mentions an open survey',
      { kind: 'enter' },
      ctx({ openSurveyRoundId: 'r9' }),
      { kind: 'greet', surveyRoundId: 'r9' },
    ],
    [
      'a leak is an emergency intake',
      text('家里厨房漏水了，快来'),
      ctx(),
      { kind: 'intake', text: '家里厨房漏水了，快来', emergency: ['漏水'] },
    ],
    [
      'a short emergency word is enough',
      text('停电'),
      ctx(),
      { kind: 'intake', text: '停电', emergency: ['停电'] },
    ],
    [
      'ordinary request is an intake',
      text('楼道灯坏了，晚上很黑'),
      ctx(),
      { kind: 'intake', text: '楼道灯坏了，晚上很黑', emergency: [] },
    ],
    [
      'awaiting rating: "5" rates',
      text('5'),
      ctx({ state: rating }),
      { kind: 'rate', ticketId: 't1', stars: 5 },
    ],
    [
      'awaiting rating: full-width "１分" rates',
      text('１分'),
      ctx({ state: rating }),
      { kind: 'rate', ticketId: 't1', stars: 1 },
    ],
    [
      'awaiting rating: a new request is still an intake',
      text('电梯按钮不亮了'),
      ctx({ state: rating }),
      { kind: 'intake', text: '电梯按钮不亮了', emergency: [] },
    ],
    ['"5" outside a rating is not understood', text('5'), ctx(), { kind: 'fallback', level: 0 }],
    [
      'in survey: 跳过',
      text('跳过'),
      ctx({ state: survey }),
      { kind: 'survey_skip', roundId: 'r1' },
    ],
    [
      'in survey: 暂停',
      text('暂停。'),
      ctx({ state: survey }),
      { kind: 'survey_pause', roundId: 'r1' },
    ],
    [
      'in survey: 继续 re-asks',
      text('继续'),
      ctx({ state: survey }),
      { kind: 'survey_start', roundId: 'r1' },
    ],
    [
      'in survey: a number is an answer',
      text('2'),
      ctx({ state: survey }),
      { kind: 'survey_answer', roundId: 'r1', text: '2' },
    ],
    [
      'in survey: even a leak word is an answer text',
      text('漏水问题没解决'),
      ctx({ state: survey }),
      { kind: 'survey_answer', roundId: 'r1', text: '漏水问题没解决' },
    ],
    [
      'paused survey resumes on 继续',
      text('继续'),
      ctx({ openSurveyRoundId: 'r1' }),
      { kind: 'survey_start', roundId: 'r1' },
    ],
    [
      'invited resident starts with 问卷',
      text('问卷'),
      ctx({ openSurveyRoundId: 'r1' }),
      { kind: 'survey_start', roundId: 'r1' },
    ],
    [
      '问卷 without an invitation is not understood',
      text('问卷'),
      ctx(),
      { kind: 'fallback', level: 0 },
    ],
    ['greeting: first fallback', text('你好'), ctx(), { kind: 'fallback', level: 0 }],
    [
      'greeting again: the hotline, not the same answer',
      text('在吗？'),
      ctx({ fallbacksInARow: 1 }),
      { kind: 'fallback', level: 1 },
    ],
    [
      'third time: silence, never a loop',
      text('？'),
      ctx({ fallbacksInARow: 2 }),
      { kind: 'fallback', level: 2 },
    ],
    ['an image is not understood', { kind: 'image' }, ctx(), { kind: 'fallback', level: 0 }],
    [
      'punctuation only is not understood',
      text('。。。。。'),
      ctx(),
      { kind: 'fallback', level: 0 },
    ],
  ];
  it.each(cases)('%s', (_name, input, c, expected) => {
    expect(interpretChat(input, c)).toEqual(expected);
  });

  it('never gives the same fallback twice in a row, whatever the resident sends', () => {
    let inARow = 0;
    const seen: number[] = [];
    for (const t of ['你好', '你好', '你好', '你好']) {
      const intent = interpretChat(text(t), ctx({ fallbacksInARow: inARow }));
      expect(intent.kind).toBe('fallback');
      if (intent.kind === 'fallback') seen.push(intent.level);
      inARow += 1;
    }
    expect(seen).toEqual([0, 1, 2, 2]);
  });
});

describe('ratings in chat', () => {
  it.each([
    ['5', 5],
    [' 4 ', 4],
    ['3分', 3],
    ['2星', 2],
    ['５', 5],
    ['0', null],
    ['6', null],
    ['55', null],
    ['五', null],
  ])('parseRatingReply(%j) = %j', (input, expected) => {
    expect(parseRatingReply(input)).toBe(expected);
  });

  it.each([
    [5, Satisfaction.Satisfied],
    [4, Satisfaction.Satisfied],
    [3, Satisfaction.Basic],
    [2, Satisfaction.Dissatisfied],
    [1, Satisfaction.Dissatisfied],
  ])('%d stars is %s', (stars, verdict) => {
    expect(chatRatingVerdict(stars)).toBe(verdict);
  });

  it('asks exactly as the issue words it', () => {
    expect(CHAT_TEXT.ratePrompt('BX-1')).toContain('请为本次服务打分：回复 1–5');
  });
});

describe('nextChatState', () => {
  it.each<[ChatState, ChatIntent, boolean, ChatState]>([
    [
      { kind: 'awaiting_rating', ticketId: 't' },
      { kind: 'rate', ticketId: 't', stars: 5 },
      false,
      { kind: 'idle' },
    ],
    [
      { kind: 'idle' },
      { kind: 'survey_start', roundId: 'r' },
      false,
      { kind: 'in_survey', roundId: 'r' },
    ],
    [
      { kind: 'in_survey', roundId: 'r' },
      { kind: 'survey_answer', roundId: 'r', text: '1' },
      true,
      { kind: 'idle' },
    ],
    [
      { kind: 'in_survey', roundId: 'r' },
      { kind: 'survey_pause', roundId: 'r' },
      false,
      { kind: 'idle' },
    ],
    [
      { kind: 'awaiting_rating', ticketId: 't' },
      { kind: 'intake', text: '电梯坏了', emergency: [] },
      false,
      { kind: 'awaiting_rating', ticketId: 't' },
    ],
  ])('%j + %j → %j', (state, intent, finished, expected) => {
    expect(nextChatState(state, intent, finished)).toEqual(expected);
  });
});

describe('questions as numbered text (the surveys engine, used by the chat)', () => {
  const single: SurveyQuestion = {
    id: 'q1',
    type: QuestionType.Single,
    theme: SurveyTheme.Housing,
    text: '您最常用的报修方式？',
    options: ['小程序', '电话', '前台'],
    required: true,
  };
  it('numbers the choices and reads a number back as the option', () => {
    expect(questionPrompt(single, 0, 3)).toBe(
      '（1/3）您最常用的报修方式？\n1. 小程序\n2. 电话\n3. 前台\n请回复选项编号',
    );
    expect(parseTextReply(single, '2')).toEqual({ value: '电话' });
  });
});

describe('intakeCategory', () => {
  it.each<[string[], string]>([
    [['漏水'], 'water_leak'],
    [['停电'], 'power_cut'],
    [['火情', '停水'], 'water_cut'],
    [['被困'], 'home_repair_other'],
    [[], 'community_inquiry'],
  ])('%j → %s', (labels, code) => {
    expect(intakeCategory(labels)).toBe(code);
  });
});

describe('satisfaction questions numbered in the chat', () => {
  const q: SurveyQuestion = {
    id: 'q2',
    type: QuestionType.Satisfaction,
    theme: SurveyTheme.Cleaning,
    text: '您对楼道清洁满意吗？',
    required: true,
  };
  it('numbers the three labels and reads numbers and labels back', () => {
    expect(chatQuestionPrompt(q, 1, 4)).toBe(
      '（2/4）您对楼道清洁满意吗？\n1. 满意\n2. 基本满意\n3. 不满意\n请回复选项编号',
    );
    expect(chatParseReply(q, '2')).toEqual({ value: '基本满意' });
    expect(chatParseReply(q, '不满意')).toEqual({ value: '不满意' });
    expect(chatParseReply(q, '4')).toEqual({ value: '4' });
  });
});
