/**
 * When a time limit runs out (docs/domain-rules.md §6), counted like periods in Chinese law (Civil Code
 * arts. 201–203):
 * - wall-clock limits run day and night, holidays included; paused time is added to the deadline;
 * - "within N working days": the start day is not counted; counting begins at 00:00 of the next
 *   working day (also when the clock starts on a non-working day) and ends at 24:00 (China time)
 *   of the N-th working day;
 * - paused working time (the parts of a pause on working days) is added to a working-day deadline
 *   by walking forward over working days.
 * Only time inside the counting window is ever counted: a pause on the uncounted start day does not
 * move a working-day deadline, and a pause that begins after the deadline does not cure a breach.
 */
import type { SlaLimit } from '@linli/contracts';
import { dayIndexOf, dayStartMs } from '../calendar/day-index';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { limitProblem } from './durations';

export interface SlaPause {
  from: Date;
  /** null while the pause is open: the clock is stopped. */
  to: Date | null;
}

export type DeadlineResult =
  | { paused: false; deadline: Date }
  | {
      paused: true;
      deadline: null;
      /** When the clock stopped (the open pause's start, or the start of counting if later). */
      pausedSince: Date;
      /** What is left of the limit: wall-clock ms for wall limits, working-day ms for working-day limits. */
      remainingMs: number;
      /** The deadline if the pause ended at `now`; null when `now` was not given. */
      deadlineIfResumedNow: Date | null;
    };

const MINUTE_MS = 60_000;

/** The instant counting begins: the start itself, or 00:00 of the first working day after the start day. */
export function countingStartMs(
  startMs: number,
  limit: SlaLimit,
  calendar: WorkingCalendar,
): number {
  return limit.kind === 'wall'
    ? startMs
    : dayStartMs(calendar.nextWorkingDayIndex(dayIndexOf(startMs)));
}

/** The deadline with no pauses. */
export function baseDeadlineMs(
  startMs: number,
  limit: SlaLimit,
  calendar: WorkingCalendar,
): number {
  if (limit.kind === 'wall') return startMs + limit.minutes * MINUTE_MS;
  return dayStartMs(calendar.nthWorkingDayAfter(dayIndexOf(startMs), limit.days) + 1);
}

/** The pauses sorted by start; the same array when it already is (the usual case). */
export function orderedPauses(pauses: readonly SlaPause[]): readonly SlaPause[] {
  for (let i = 1; i < pauses.length; i++) {
    if (pauses[i].from.getTime() < pauses[i - 1].from.getTime()) {
      return [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime());
    }
  }
  return pauses;
}

interface ClockRun {
  deadlineMs: number;
  /** Set when an open pause stopped the clock before the deadline. */
  pausedSinceMs: number | null;
}

/** Runs one clock from `countFromMs` to `baseMs` over the pauses: wall time added on the wall clock, working time by walking working days. */
function runOne(
  wall: boolean,
  baseMs: number,
  countFromMs: number,
  calendar: WorkingCalendar,
  pauses: readonly SlaPause[],
  resumeAtMs: number | null,
): ClockRun {
  let deadline = baseMs;
  let covered = countFromMs; // overlapping pauses count once
  for (const pause of orderedPauses(pauses)) {
    const from = Math.max(pause.from.getTime(), covered);
    if (from >= deadline) break; // the limit had already run out
    const to = pause.to === null ? resumeAtMs : pause.to.getTime();
    if (to === null) return { deadlineMs: deadline, pausedSinceMs: from };
    if (to <= from) continue;
    deadline = wall
      ? deadline + (to - from)
      : calendar.addWorkingMs(deadline, calendar.workingMsBetween(from, to));
    covered = to;
  }
  return { deadlineMs: deadline, pausedSinceMs: null };
}

/**
 * Runs the clock over the pauses; an open pause ends at `resumeAtMs` when that is given. "At the agreed
 * time, at most N working days" runs two clocks: the agreed instant (an appointment: paused time added
 * on the wall clock) and the N working days (paused working time walked forward over working days);
 * whichever runs out first is the deadline, so the cap stays a working-day limit in every path.
 */
function runClock(
  startMs: number,
  limit: SlaLimit,
  calendar: WorkingCalendar,
  pauses: readonly SlaPause[],
  resumeAtMs: number | null,
): ClockRun {
  const wall = limit.kind === 'wall';
  const cap = runOne(
    wall,
    baseDeadlineMs(startMs, limit, calendar),
    countingStartMs(startMs, limit, calendar),
    calendar,
    pauses,
    resumeAtMs,
  );
  if (limit.kind !== 'workingDays' || limit.agreedAt === undefined) return cap;
  const agreed = runOne(true, Date.parse(limit.agreedAt), startMs, calendar, pauses, resumeAtMs);
  return agreed.deadlineMs < cap.deadlineMs ? agreed : cap;
}

/**
 * The deadline of `limit` for a clock started at `start`, given the ticket's pauses. An open pause
 * that began before the deadline stops the clock: the result is `paused`, with what is left.
 * `now` is used only to say when the deadline would fall if the pause ended now.
 */
export function computeDeadline(
  start: Date,
  limit: SlaLimit,
  calendar: WorkingCalendar,
  pauses: readonly SlaPause[] = [],
  now?: Date,
): DeadlineResult {
  const problem = limitProblem(limit);
  if (problem) throw new RangeError(problem);
  const startMs = start.getTime();
  const run = runClock(startMs, limit, calendar, pauses, null);
  if (run.pausedSinceMs === null) return { paused: false, deadline: new Date(run.deadlineMs) };
  const since = run.pausedSinceMs;
  const remainingMs =
    limit.kind === 'wall'
      ? run.deadlineMs - since
      : calendar.workingMsBetween(since, run.deadlineMs);
  const resumed = now
    ? runClock(startMs, limit, calendar, pauses, Math.max(now.getTime(), since)).deadlineMs
    : null;
  return {
    paused: true,
    deadline: null,
    pausedSince: new Date(since),
    remainingMs,
    deadlineIfResumedNow: resumed === null ? null : new Date(resumed),
  };
}

/** The whole budget of a limit, in the unit `remainingMs` uses: wall ms, or working-day ms. */
export function limitBudgetMs(limit: SlaLimit): number {
  return limit.kind === 'wall' ? limit.minutes * MINUTE_MS : limit.days * 24 * 60 * MINUTE_MS;
}
