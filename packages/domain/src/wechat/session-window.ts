/**
 * WeChat's customer-service session window (客服消息下发条件): after a user's message the product may send
 * 5 messages within 48 hours; after the user enters the session (user_enter_tempsession) 2 within 1 minute.
 * The windows do not accumulate: the user's latest action alone defines the window, and the sends counted
 * against it are those made after that action.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/customer-message/sendCustomMessage.html
 */

/** What opened a window: a message the user sent, or entering the session. */
export type ChatUserActionKind = 'message' | 'enter';

export interface ChatWindowPolicy {
  /** After a user's message: this many sends … */
  messageQuota: number;
  /** … within this long (ms). */
  messageWindowMs: number;
  /** After entering the session: this many sends … */
  enterQuota: number;
  /** … within this long (ms). */
  enterWindowMs: number;
}

export const DEFAULT_CHAT_WINDOW_POLICY: ChatWindowPolicy = {
  messageQuota: 5,
  messageWindowMs: 48 * 3600_000,
  enterQuota: 2,
  enterWindowMs: 60_000,
};

/** One entry of a user's recorded history with the product: their action, or a message the product sent. */
export type ChatHistoryEntry = { kind: ChatUserActionKind | 'sent'; at: Date };

/** The history reduced to what decides the window: the latest user action and the sends since. */
export interface ChatWindowSummary {
  lastAction: { kind: ChatUserActionKind; at: Date } | null;
  sentSince: number;
}

export interface ChatWindowVerdict {
  open: boolean;
  /** Sends still allowed now (0 when closed or used up). */
  remaining: number;
  /** When the current window ends (null when there is none). */
  closesAt: Date | null;
  /** Why nothing may be sent now, when nothing may. */
  refusal: 'window_closed' | 'quota_exhausted' | null;
}

/** Reduces a history (any order) to its latest user action and the sends counted against it. */
export function summarizeChatHistory(history: readonly ChatHistoryEntry[]): ChatWindowSummary {
  const sorted = [...history].sort((a, b) => a.at.getTime() - b.at.getTime());
  let summary: ChatWindowSummary = { lastAction: null, sentSince: 0 };
  for (const entry of sorted) {
    if (entry.kind === 'sent') summary = { ...summary, sentSince: summary.sentSince + 1 };
    else summary = { lastAction: { kind: entry.kind, at: entry.at }, sentSince: 0 };
  }
  return summary;
}

/** The window's end and quota for a user action under the policy. */
export function chatWindowFor(
  kind: ChatUserActionKind,
  at: Date,
  policy: ChatWindowPolicy = DEFAULT_CHAT_WINDOW_POLICY,
): { closesAt: Date; quota: number } {
  const ms = kind === 'message' ? policy.messageWindowMs : policy.enterWindowMs;
  return {
    closesAt: new Date(at.getTime() + ms),
    quota: kind === 'message' ? policy.messageQuota : policy.enterQuota,
  };
}

/** Whether the product may send to the user at `now`, and how many more. The window's last instant is still open. */
export function chatWindowVerdict(
  summary: ChatWindowSummary,
  now: Date,
  policy: ChatWindowPolicy = DEFAULT_CHAT_WINDOW_POLICY,
): ChatWindowVerdict {
  if (!summary.lastAction)
    return { open: false, remaining: 0, closesAt: null, refusal: 'window_closed' };
  const { closesAt, quota } = chatWindowFor(summary.lastAction.kind, summary.lastAction.at, policy);
  if (now.getTime() > closesAt.getTime())
    return { open: false, remaining: 0, closesAt, refusal: 'window_closed' };
  const remaining = Math.max(0, quota - summary.sentSince);
  return {
    open: remaining > 0,
    remaining,
    closesAt,
    refusal: remaining > 0 ? null : 'quota_exhausted',
  };
}

/** The verdict straight from a recorded history. */
export function chatWindowFromHistory(
  history: readonly ChatHistoryEntry[],
  now: Date,
  policy: ChatWindowPolicy = DEFAULT_CHAT_WINDOW_POLICY,
): ChatWindowVerdict {
  return chatWindowVerdict(summarizeChatHistory(history), now, policy);
}
