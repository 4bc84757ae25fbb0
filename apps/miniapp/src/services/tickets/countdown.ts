import { SLA_MILESTONE_LABELS, SLA_STATE_LABELS, TicketSlaDto } from '@linli/contracts';

const MINUTE = 60_000;

/** "2天3小时", "1小时20分", "8分钟", "不到1分钟": a span in words, at most two units. */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return mins > 0 ? `${hours}小时${mins}分` : `${hours}小时`;
  return mins > 0 ? `${mins}分钟` : '不到1分钟';
}

export interface CountdownView {
  text: string;
  /** green: ok; amber: warning; red: breached; grey: paused. */
  tone: 'ok' | 'warning' | 'breached' | 'paused';
}

/**
 * What a ticket's countdown says `elapsedMs` after the server computed `sla` (the phone's own clock
 * only measures the time since; the deadline is the server's). A limit that runs out while the page
 * is open turns red without a reload.
 */
export function countdown(sla: TicketSlaDto, elapsedMs = 0): CountdownView {
  const label = SLA_MILESTONE_LABELS[sla.milestone];
  if (sla.state === 'paused')
    return { text: `${label}时限${SLA_STATE_LABELS.paused}`, tone: 'paused' };
  const remaining = (sla.remainingMs ?? 0) - elapsedMs;
  if (remaining < 0) return { text: `${label}已超时 ${formatSpan(remaining)}`, tone: 'breached' };
  return {
    text: `${label}剩余 ${formatSpan(remaining)}`,
    tone: sla.state === 'ok' ? 'ok' : 'warning',
  };
}
