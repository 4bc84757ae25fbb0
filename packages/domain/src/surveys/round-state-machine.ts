import { Role, SurveyRoundAction, SurveyRoundStatus } from '@linli/contracts';

/**
 * A questionnaire round's life: drafted with its sample (households may be added by hand), sent (the
 * window is open and invitations go out), closed by the supervisor or by the system when the window
 * ends, then its results published to residents. A draft or open round may be cancelled.
 */
export interface SurveyRoundRule {
  action: SurveyRoundAction;
  from: readonly SurveyRoundStatus[];
  to: SurveyRoundStatus;
  /** Roles that may take it (empty: the system only). Supervisors only in their own community (checked by the server). */
  roles: readonly Role[];
}

const S = SurveyRoundStatus;
const A = SurveyRoundAction;
const office = [Role.Supervisor, Role.Admin] as const;

export const SURVEY_ROUND_TRANSITIONS: readonly SurveyRoundRule[] = [
  { action: A.AddHouseholds, from: [S.Draft], to: S.Draft, roles: office },
  { action: A.Send, from: [S.Draft], to: S.Open, roles: office },
  { action: A.Close, from: [S.Open], to: S.Closed, roles: office },
  { action: A.Expire, from: [S.Open], to: S.Closed, roles: [] },
  { action: A.PublishResults, from: [S.Closed], to: S.ResultsPublished, roles: office },
  { action: A.Cancel, from: [S.Draft, S.Open], to: S.Cancelled, roles: office },
];

/** Where `action` leads from `status` for `role` (null: the system), or null when not allowed. Adding households (before sending) keeps the status. */
export function surveyRoundTransition(
  status: SurveyRoundStatus,
  action: SurveyRoundAction,
  role: Role | null,
): SurveyRoundStatus | null {
  const rule = SURVEY_ROUND_TRANSITIONS.find((r) => r.action === action && r.from.includes(status));
  if (!rule) return null;
  if (role === null ? rule.roles.length > 0 : !rule.roles.includes(role)) return null;
  return rule.to;
}

/** The actions `role` may take on a round in `status`, for the mini-program's buttons. */
export function allowedSurveyRoundActions(
  status: SurveyRoundStatus,
  role: Role,
): SurveyRoundAction[] {
  return SURVEY_ROUND_TRANSITIONS.filter(
    (r) => r.from.includes(status) && r.roles.includes(role),
  ).map((r) => r.action);
}

/** Whether a household may answer: the round is open and `now` is inside [opensAt, closesAt). */
export function surveyWindowOpen(
  round: { status: SurveyRoundStatus; opensAt: Date; closesAt: Date },
  now: Date,
): boolean {
  return (
    round.status === S.Open &&
    now.getTime() >= round.opensAt.getTime() &&
    now.getTime() < round.closesAt.getTime()
  );
}

/** What is wrong with a round's window, or null: it ends after it starts, and in the future. */
export function surveyWindowProblem(opensAt: Date, closesAt: Date, now: Date): string | null {
  if (Number.isNaN(opensAt.getTime()) || Number.isNaN(closesAt.getTime()))
    return '请填写开始和结束时间';
  if (closesAt.getTime() <= opensAt.getTime()) return '结束时间须晚于开始时间';
  if (closesAt.getTime() <= now.getTime()) return '结束时间须晚于现在';
  if (closesAt.getTime() - opensAt.getTime() > 92 * 24 * 3600 * 1000)
    return '调查时间不能超过三个月';
  return null;
}

/** When the reminder to households that have not answered goes: `hours` before the window closes. */
export function reminderDueAt(closesAt: Date, hours: number): Date {
  return new Date(closesAt.getTime() - hours * 3600 * 1000);
}
