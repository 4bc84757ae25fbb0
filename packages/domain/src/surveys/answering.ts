import {
  QuestionType,
  SurveyAnswerInput,
  SurveyAnswerValue,
  SurveyQuestion,
} from '@linli/contracts';
import { SATISFACTION_LABELS } from './scoring';

/**
 * The answering engine, the same for every channel (the mini-program's conversation page, a WeChat
 * customer-service chat): which question comes next, whether an answer is acceptable, how far along the
 * household is, and how an answer reads back as the resident's chat bubble. Pure; the server stores.
 */
export type AnswerMap = ReadonlyMap<string, SurveyAnswerValue>;

/** The first question without an answer, in order; null when all are answered (or skipped). */
export function nextQuestion(
  questions: readonly SurveyQuestion[],
  answers: AnswerMap,
): SurveyQuestion | null {
  return questions.find((q) => !answers.has(q.id)) ?? null;
}

export function surveyProgress(
  questions: readonly SurveyQuestion[],
  answers: AnswerMap,
): { answered: number; total: number } {
  return { answered: questions.filter((q) => answers.has(q.id)).length, total: questions.length };
}

export const isComplete = (questions: readonly SurveyQuestion[], answers: AnswerMap) =>
  nextQuestion(questions, answers) === null;

export const MAX_TEXT_ANSWER = 200;

/** The stored value of an answer to `question`, or a Chinese message saying what is wrong. */
export function validateAnswer(
  question: SurveyQuestion,
  input: Pick<SurveyAnswerInput, 'value' | 'skip'>,
): { value: SurveyAnswerValue } | { problem: string } {
  if (input.skip)
    return question.required ? { problem: '这道题需要回答' } : { value: { kind: 'skipped' } };
  const v = input.value;
  switch (question.type) {
    case QuestionType.Stars:
      return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5
        ? { value: { kind: 'stars', stars: v } }
        : { problem: '请选择 1 到 5 颗星' };
    case QuestionType.Satisfaction:
      return typeof v === 'string' && SATISFACTION_LABELS.includes(v)
        ? { value: { kind: 'satisfaction', label: v } }
        : { problem: '请选择满意、基本满意或不满意' };
    case QuestionType.Single:
      return typeof v === 'string' && (question.options ?? []).includes(v)
        ? { value: { kind: 'single', option: v } }
        : { problem: '请选择一个选项' };
    case QuestionType.Multiple: {
      const options = question.options ?? [];
      if (
        !Array.isArray(v) ||
        v.length === 0 ||
        v.some((o) => typeof o !== 'string' || !options.includes(o))
      )
        return { problem: '请至少选择一个选项' };
      return { value: { kind: 'multiple', options: options.filter((o) => v.includes(o)) } };
    }
    case QuestionType.Text: {
      const text = typeof v === 'string' ? v.trim() : '';
      if (!text)
        return question.required ? { problem: '请写下您的意见' } : { value: { kind: 'skipped' } };
      if (text.length > MAX_TEXT_ANSWER) return { problem: `请不要超过 ${MAX_TEXT_ANSWER} 个字` };
      return { value: { kind: 'text', text } };
    }
  }
}

/** The resident's bubble for a stored answer. */
export function answerText(value: SurveyAnswerValue): string {
  switch (value.kind) {
    case 'stars':
      return `${'★'.repeat(value.stars)}${'☆'.repeat(5 - value.stars)}（${value.stars} 星）`;
    case 'satisfaction':
      return value.label;
    case 'single':
      return value.option;
    case 'multiple':
      return value.options.join('、');
    case 'text':
      return value.text;
    case 'skipped':
      return '（跳过）';
  }
}

/** How a text-only channel asks the question: the wording plus how to reply. */
export function questionPrompt(question: SurveyQuestion, index: number, total: number): string {
  const head = `（${index + 1}/${total}）${question.text}`;
  switch (question.type) {
    case QuestionType.Stars:
      return `${head}\n请回复 1 到 5 的数字，5 为最好`;
    case QuestionType.Satisfaction:
      return `${head}\n请回复：满意 / 基本满意 / 不满意`;
    case QuestionType.Single:
      return `${head}\n${(question.options ?? []).map((o, i) => `${i + 1}. ${o}`).join('\n')}\n请回复选项编号`;
    case QuestionType.Multiple:
      return `${head}\n${(question.options ?? []).map((o, i) => `${i + 1}. ${o}`).join('\n')}\n可多选，请回复编号，用空格分开`;
    case QuestionType.Text:
      return question.required ? head : `${head}\n不想填可以回复「跳过」`;
  }
}

/** A text-only channel's reply read as an answer input (digits for stars and option numbers). */
export function parseTextReply(
  question: SurveyQuestion,
  reply: string,
): Pick<SurveyAnswerInput, 'value' | 'skip'> {
  const text = reply.trim();
  if (!question.required && text === '跳过') return { skip: true };
  const options = question.options ?? [];
  const byNumber = (s: string) => (/^\d+$/.test(s) ? options[Number(s) - 1] : s);
  switch (question.type) {
    case QuestionType.Stars:
      return { value: /^[1-5]$/.test(text) ? Number(text) : text };
    case QuestionType.Satisfaction:
      return { value: text };
    case QuestionType.Single:
      return { value: byNumber(text) };
    case QuestionType.Multiple:
      return {
        value: text
          .split(/[\s,，、]+/)
          .filter(Boolean)
          .map(byNumber),
      };
    case QuestionType.Text:
      return { value: text };
  }
}

export const SURVEY_GREETING =
  '您好！占用您一两分钟，听听您对我们服务的意见。每道题点一下就能回答，中途离开也没关系，下次接着答。';
export const SURVEY_THANKS =
  '感谢您的宝贵意见！我们会汇总本轮调查结果，在小程序通知中公布，并说明下一步改进的事项。';
