/**
 * When and whether to (re)try delivering a notification. Pure: the outbox worker passes `now`
 * and a random source.
 */
import { CHINA_OFFSET_MS } from '../time/china-time';

/** Quiet hours in China time, e.g. 22:00–08:00 (domain default). Minutes after midnight. */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { startMinute: 22 * 60, endMinute: 8 * 60 };

function chinaMinuteOfDay(instant: Date): number {
  const d = new Date(instant.getTime() + CHINA_OFFSET_MS);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

export function inQuietHours(instant: Date, q: QuietHours = DEFAULT_QUIET_HOURS): boolean {
  const m = chinaMinuteOfDay(instant);
  return q.startMinute <= q.endMinute
    ? m >= q.startMinute && m < q.endMinute
    : m >= q.startMinute || m < q.endMinute;
}

/** Earliest instant a message may go: now for urgent ones or outside quiet hours, else the end of them. */
export function earliestDelivery(
  now: Date,
  urgent: boolean,
  q: QuietHours = DEFAULT_QUIET_HOURS,
): Date {
  if (urgent || !inQuietHours(now, q)) return now;
  const m = chinaMinuteOfDay(now);
  const wait = (q.endMinute - m + 24 * 60) % (24 * 60);
  const at = new Date(now.getTime() + wait * 60_000);
  at.setUTCSeconds(0, 0);
  return at;
}

/** WeChat errcodes worth retrying (transient) and those that will never succeed (permanent). */
export type DeliveryOutcome = 'sent' | 'retry' | 'permanent' | 'revoked' | 'token_expired';

export function classifyWechatErrcode(errcode: number): DeliveryOutcome {
  switch (errcode) {
    case 0:
      return 'sent';
    case -1: // system busy
    case 45009: // daily / frequency limit reached
    case 45047: // rate limit
      return 'retry';
    case 40001: // access_token invalid
    case 42001: // access_token expired
      return 'token_expired';
    case 43101: // the user refused / revoked the subscription
      return 'revoked';
    default: // 40003 bad openid, 40037 bad template, 47003 bad data, 41030 bad page, …
      return 'permanent';
  }
}

/**
 * Backoff with full jitter: a random delay in [0, min(cap, base·2^attempt)], at least `floorMs`.
 * `attempt` counts failed attempts so far (1 after the first failure).
 */
export function nextRetryDelayMs(
  attempt: number,
  random: () => number,
  baseMs = 5_000,
  capMs = 30 * 60_000,
  floorMs = 1_000,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(floorMs, Math.floor(random() * ceiling));
}
