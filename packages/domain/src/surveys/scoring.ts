import {
  QuestionType,
  RateDto,
  SurveyAnswerValue,
  SurveyQuestion,
  SurveyTheme,
} from '@linli/contracts';

/**
 * Scoring (domain brief §9). Only households that completed the questionnaire count. The satisfaction
 * rate is the share of satisfied answers among the answers to rating questions (stars 4–5, 满意 and
 * 基本满意 are satisfied). The response-rate rule: for every full 5 percentage points the response rate
 * falls below 50%, one point is docked from the satisfaction rate. "Full" is exact: 45% docks 1, 44.9%
 * docks 1 (5.1 points below: one full step), 40% docks 2, 30% docks 4, 0% docks 10. It is computed on
 * the counts in integers, so 9 of 20 (exactly 45%) never docks 2 through a rounding error. Rates are
 * shown with one decimal, rounded half up; the adjusted rate never goes below 0.
 */
export const SATISFIED_LABELS: readonly string[] = ['满意', '基本满意'];
export const SATISFACTION_LABELS: readonly string[] = ['满意', '基本满意', '不满意'];
export const MIN_RESPONSE_PERCENT = 50;
export const PENALTY_STEP_PERCENT = 5;
export const DEFAULT_TARGET_PERCENT = 90;

export const isRatingQuestion = (q: Pick<SurveyQuestion, 'type'>) =>
  q.type === QuestionType.Stars || q.type === QuestionType.Satisfaction;

/** Whether an answer to a rating question is satisfied; null for anything else (not counted). */
export function isSatisfied(value: SurveyAnswerValue): boolean | null {
  if (value.kind === 'stars') return value.stars >= 4;
  if (value.kind === 'satisfaction') return SATISFIED_LABELS.includes(value.label);
  return null;
}

/** Percent with one decimal, rounded half up; null when there is nothing to divide by. */
export function percent(n: number, of: number): number | null {
  if (of <= 0) return null;
  return Math.round((n * 1000) / of) / 10;
}

export const rate = (n: number, of: number): RateDto => ({ n, of, percent: percent(n, of) });

/** Points docked for a response rate of responded / invited: floor((50% − rate) / 5%), 0 at or above 50%. */
export function responsePenalty(responded: number, invited: number): number {
  if (invited <= 0) return 0;
  // (50 − 100·r/i) / 5 = (50·i − 100·r) / (5·i), all in integers.
  const deficit = MIN_RESPONSE_PERCENT * invited - 100 * responded;
  if (deficit <= 0) return 0;
  return Math.floor(deficit / (PENALTY_STEP_PERCENT * invited));
}

/** The satisfaction rate after the penalty, one decimal, never below 0. */
export function adjustedSatisfaction(
  satisfactionPercent: number | null,
  penalty: number,
): number | null {
  if (satisfactionPercent === null) return null;
  return Math.max(0, Math.round((satisfactionPercent - penalty) * 10) / 10);
}

export interface ScoredAnswer {
  questionId: string;
  theme: SurveyTheme;
  value: SurveyAnswerValue;
  tag?: string | null;
}

/** Satisfaction over the rating answers given (all of them, or one theme's, or one question's). */
export function satisfactionOf(answers: readonly ScoredAnswer[]): RateDto {
  let n = 0;
  let of = 0;
  for (const a of answers) {
    const s = isSatisfied(a.value);
    if (s === null) continue;
    of++;
    if (s) n++;
  }
  return rate(n, of);
}

/** Per theme present in the answers, in the themes' order, with those under `target` flagged. */
export function byTheme(
  answers: readonly ScoredAnswer[],
  target = DEFAULT_TARGET_PERCENT,
): { theme: SurveyTheme; satisfaction: RateDto; belowTarget: boolean }[] {
  return Object.values(SurveyTheme)
    .map((theme) => ({
      theme,
      satisfaction: satisfactionOf(answers.filter((a) => a.theme === theme)),
    }))
    .filter((t) => t.satisfaction.of > 0)
    .map((t) => ({ ...t, belowTarget: (t.satisfaction.percent ?? 0) < target }));
}

/** How many chose each label, star, or option of `question`, in the question's order. */
export function countsOf(
  question: SurveyQuestion,
  answers: readonly ScoredAnswer[],
): { label: string; n: number }[] {
  const mine = answers.filter((a) => a.questionId === question.id);
  const labels =
    question.type === QuestionType.Stars
      ? ['5', '4', '3', '2', '1']
      : question.type === QuestionType.Satisfaction
        ? [...SATISFACTION_LABELS]
        : question.type === QuestionType.Text
          ? []
          : [...(question.options ?? [])];
  const count = new Map(labels.map((l) => [l, 0]));
  for (const a of mine) {
    const chosen =
      a.value.kind === 'stars'
        ? [String(a.value.stars)]
        : a.value.kind === 'satisfaction'
          ? [a.value.label]
          : a.value.kind === 'single'
            ? [a.value.option]
            : a.value.kind === 'multiple'
              ? a.value.options
              : [];
    for (const c of chosen) if (count.has(c)) count.set(c, count.get(c)! + 1);
  }
  return labels.map((label) => ({
    label: question.type === QuestionType.Stars ? `${label}星` : label,
    n: count.get(label)!,
  }));
}

/** Tagged reasons, most frequent first (ties by name), with the cumulative share in percent (one decimal). */
export function pareto(
  tags: readonly (string | null | undefined)[],
): { tag: string; n: number; cumulativePercent: number }[] {
  const count = new Map<string, number>();
  for (const t of tags) if (t) count.set(t, (count.get(t) ?? 0) + 1);
  const total = [...count.values()].reduce((s, n) => s + n, 0);
  let running = 0;
  return [...count.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([tag, n]) => {
      running += n;
      return { tag, n, cumulativePercent: percent(running, total) ?? 0 };
    });
}
