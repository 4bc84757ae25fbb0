import {
  CallbackChannel,
  CallbackOutcome,
  CallbackReason,
  CallbackStatus,
  Role,
} from '@linli/contracts';

/** The numbers of callbacks, as configurable defaults (a company may override each). */
export interface CallbackPolicy {
  /** Attempts before a callback is recorded as unreachable (domain brief: 3 attempts on different days). */
  maxAttempts: number;
  /** Days between attempts (at least 1: each attempt on a different day). */
  retryAfterDays: number;
  /** Days from creation to the due date, per reason. */
  dueDays: Record<CallbackReason, number>;
  /** May the ticket's handler call back their own ticket? (domain brief §8: "the handler or someone they authorise"; default no.) */
  handlerMayCallBack: boolean;
}

export const DEFAULT_CALLBACK_POLICY: CallbackPolicy = {
  maxAttempts: 3,
  retryAfterDays: 1,
  dueDays: {
    [CallbackReason.Complaint]: 2,
    [CallbackReason.Dissatisfied]: 1,
    [CallbackReason.Sample]: 5,
    [CallbackReason.Care]: 7,
  },
  handlerMayCallBack: false,
};

export type CallbackEvent = 'reached' | 'not_reached';

/** The callback task's transition table: which event leads where. Done and unreachable are final. */
export const CALLBACK_TRANSITIONS: readonly {
  from: readonly CallbackStatus[];
  event: CallbackEvent;
  to: CallbackStatus | 'retry_or_give_up';
}[] = [
  {
    from: [CallbackStatus.Due, CallbackStatus.Retrying],
    event: 'reached',
    to: CallbackStatus.Done,
  },
  // Not reached: another attempt on a later day, or unreachable after the last one.
  {
    from: [CallbackStatus.Due, CallbackStatus.Retrying],
    event: 'not_reached',
    to: 'retry_or_give_up',
  },
];

export const FINAL_CALLBACK_STATUSES: readonly CallbackStatus[] = [
  CallbackStatus.Done,
  CallbackStatus.Unreachable,
];

export type CallbackDecision =
  | { allowed: true; to: CallbackStatus; attempts: number; nextAttemptAt: Date | null }
  | { allowed: false; reason: 'final' };

const DAY_MS = 86_400_000;

/**
 * Record one attempt: `attemptsBefore` attempts were made before this one, at `now`.
 * Reached → done. Not reached → retrying with the next attempt `retryAfterDays` later (a different
 * day), or unreachable once `maxAttempts` attempts have failed.
 */
export function decideCallback(
  status: CallbackStatus,
  outcome: CallbackOutcome,
  attemptsBefore: number,
  now: Date,
  policy: Pick<CallbackPolicy, 'maxAttempts' | 'retryAfterDays'>,
): CallbackDecision {
  const event: CallbackEvent = outcome === CallbackOutcome.Unreachable ? 'not_reached' : 'reached';
  const rule = CALLBACK_TRANSITIONS.find((r) => r.event === event && r.from.includes(status));
  if (!rule) return { allowed: false, reason: 'final' };
  const attempts = attemptsBefore + 1;
  if (rule.to !== 'retry_or_give_up')
    return { allowed: true, to: rule.to, attempts, nextAttemptAt: null };
  if (attempts >= policy.maxAttempts)
    return { allowed: true, to: CallbackStatus.Unreachable, attempts, nextAttemptAt: null };
  return {
    allowed: true,
    to: CallbackStatus.Retrying,
    attempts,
    nextAttemptAt: new Date(now.getTime() + Math.max(1, policy.retryAfterDays) * DAY_MS),
  };
}

/** Whether the record needs the resident's signature: an in-person callback that reached them. */
export function signatureRequired(
  channel: CallbackChannel,
  outcome: CallbackOutcome,
  inPersonRequired: boolean,
): boolean {
  return (
    outcome !== CallbackOutcome.Unreachable &&
    (channel === CallbackChannel.InPerson || inPersonRequired)
  );
}

export interface CallbackCaller {
  role: Role;
  /** The caller handled the ticket (its assignee). */
  handler: boolean;
  /** An assistant serving the household's building. */
  servesBuilding: boolean;
  /** The supervisor of the household's community. */
  supervisesCommunity: boolean;
}

export type CallerDecision = { allowed: true } | { allowed: false; reason: 'role' | 'handler' };

/**
 * Who may record a callback: an assistant of the building or the community's supervisor; by default
 * not the ticket's handler (a colleague checks the work), unless the company allows it.
 */
export function mayCallBack(caller: CallbackCaller, handlerMayCallBack: boolean): CallerDecision {
  const related =
    (caller.role === Role.Assistant && caller.servesBuilding) ||
    (caller.role === Role.Supervisor && caller.supervisesCommunity);
  if (!related) return { allowed: false, reason: 'role' };
  if (caller.handler && !handlerMayCallBack) return { allowed: false, reason: 'handler' };
  return { allowed: true };
}

/**
 * Whom a new callback goes to: an assistant of the building other than the handler (the least
 * loaded first, as given), else the supervisor; the handler only when the company allows it and
 * nobody else serves the building.
 */
export function pickCallbackAssignee(
  buildingAssistants: readonly string[],
  handlerId: string | null,
  supervisorId: string | null,
  handlerMayCallBack: boolean,
): string | null {
  const colleague = buildingAssistants.find((id) => id !== handlerId);
  if (colleague) return colleague;
  if (supervisorId) return supervisorId;
  return handlerMayCallBack && handlerId ? handlerId : null;
}

/** The questions a callback asks, per reason. */
export const CALLBACK_QUESTIONS: Record<CallbackReason, readonly string[]> = {
  [CallbackReason.Complaint]: [
    '您反映的问题是否已经解决？',
    '对处理结果是否满意？',
    '对处理人员的态度是否满意？',
  ],
  [CallbackReason.Dissatisfied]: [
    '您对哪里不满意？',
    '希望我们怎样改进？',
    '整改后请再次确认是否满意',
  ],
  [CallbackReason.Sample]: ['您反映的问题是否已经解决？', '处理是否及时？', '对处理结果是否满意？'],
  [CallbackReason.Care]: [
    '入住以来生活是否方便？',
    '对物业服务有什么意见或建议？',
    '家中有没有需要帮忙的事？',
  ],
};
