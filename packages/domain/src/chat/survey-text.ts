import { QuestionType, SurveyAnswerInput, SurveyQuestion } from '@linli/contracts';
import { parseTextReply, questionPrompt, SATISFACTION_LABELS } from '../surveys';

/**
 * A questionnaire question as one chat message, every choice numbered (a chat has no buttons): the
 * surveys engine's text prompt, with the satisfaction labels numbered too; and a reply read back
 * (a number picks the numbered choice; the label itself works as well).
 */
export function chatQuestionPrompt(question: SurveyQuestion, index: number, total: number): string {
  if (question.type !== QuestionType.Satisfaction) return questionPrompt(question, index, total);
  return `（${index + 1}/${total}）${question.text}\n${SATISFACTION_LABELS.map((l, i) => `${i + 1}. ${l}`).join('\n')}\n请回复选项编号`;
}

export function chatParseReply(
  question: SurveyQuestion,
  reply: string,
): Pick<SurveyAnswerInput, 'value' | 'skip'> {
  const text = reply.trim();
  if (question.type === QuestionType.Satisfaction && /^\d+$/.test(text))
    return { value: SATISFACTION_LABELS[Number(text) - 1] ?? text };
  return parseTextReply(question, text);
}
