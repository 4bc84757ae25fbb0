/**
 * How far along a limit is, for the early warning before it runs out (docs/domain-rules.md §13) and the
 * mini-program's countdown. Pure and allocation-light: the server's sweep calls these per ticket.
 */
import type { SlaLimit, SlaState } from '@linli/contracts';
import { dayIndexOf, dayStartMs } from '../calendar/day-index';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { computeDeadline, limitBudgetMs, orderedPauses, type SlaPause } from './deadline';

/** Warn once 80% of the limit is used up. */
export const DEFAULT_WARN_SHARE = 0.8;

export type MilestoneState = Exclude<SlaState, 'paused'>;

/**
 * The share of the limit used up at `now`: 0 at the start, 1 at the deadline, above 1 when late.
 * Paused time is not used time, except after the deadline (a breach stays a breach).
 * Wall-clock by default; pass the calendar for a working-day limit, and only working-day time
 * from the start of counting (the first working day after the start day) is measured.
 */
export function elapsedShare(
  start: Date,
  deadline: Date,
  pauses: readonly SlaPause[],
  now: Date,
  workingCalendar?: WorkingCalendar,
): number {
  const cal = workingCalendar;
  const measure = (a: number, b: number): number =>
    b <= a ? 0 : cal ? cal.workingMsBetween(a, b) : b - a;
  const startMs = start.getTime();
  const origin = cal ? dayStartMs(cal.nextWorkingDayIndex(dayIndexOf(startMs))) : startMs;
  const end = deadline.getTime();
  const nowMs = now.getTime();
  const elapsedEnd = Math.min(nowMs, end);
  let pausedTotal = 0;
  let pausedElapsed = 0;
  let covered = origin;
  for (const pause of orderedPauses(pauses)) {
    const from = Math.max(pause.from.getTime(), covered);
    if (from >= end) break;
    const to = Math.min(pause.to === null ? end : pause.to.getTime(), end);
    if (to <= from) continue;
    pausedTotal += measure(from, to);
    pausedElapsed += measure(from, Math.min(to, elapsedEnd));
    covered = to;
  }
  const total = measure(origin, end) - pausedTotal;
  const elapsed = measure(origin, nowMs) - pausedElapsed;
  if (total <= 0) return elapsed > 0 ? Number.POSITIVE_INFINITY : 0;
  return elapsed / total;
}

/**
 * 'breached' once `now` is past the deadline (at the deadline instant itself the limit is still
 * met, as a period ending at 24:00 includes 24:00); 'warning' from `warnShare` of the limit; else 'ok'.
 */
export function milestoneState(
  now: Date,
  deadline: Date,
  share: number,
  warnShare: number = DEFAULT_WARN_SHARE,
): MilestoneState {
  if (now.getTime() > deadline.getTime()) return 'breached';
  return share >= warnShare ? 'warning' : 'ok';
}

export type SlaEvaluation =
  | {
      state: MilestoneState;
      deadline: Date;
      share: number;
      /** wall ms until the deadline; negative when late */ remainingMs: number;
    }
  | {
      state: 'paused';
      deadline: null;
      share: number;
      pausedSince: Date;
      /** as DeadlineResult.remainingMs */ remainingMs: number;
    };

/** Deadline, share used and state of one milestone at `now`: what the sweep and the countdown show. */
export function evaluateSla(
  start: Date,
  limit: SlaLimit,
  calendar: WorkingCalendar,
  pauses: readonly SlaPause[],
  now: Date,
  warnShare: number = DEFAULT_WARN_SHARE,
): SlaEvaluation {
  const result = computeDeadline(start, limit, calendar, pauses);
  if (result.paused) {
    const budget = limitBudgetMs(limit);
    const share = budget > 0 ? 1 - result.remainingMs / budget : 0;
    return {
      state: 'paused',
      deadline: null,
      share,
      pausedSince: result.pausedSince,
      remainingMs: result.remainingMs,
    };
  }
  const { deadline } = result;
  const share = elapsedShare(
    start,
    deadline,
    pauses,
    now,
    limit.kind === 'workingDays' ? calendar : undefined,
  );
  return {
    state: milestoneState(now, deadline, share, warnShare),
    deadline,
    share,
    remainingMs: deadline.getTime() - now.getTime(),
  };
}
