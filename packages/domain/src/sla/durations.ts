/**
 * Time limits as data (docs/domain-rules.md §6). The shape `SlaLimit` is shared with the server and the
 * mini-program through @linli/contracts; these are its constructors, checks and labels.
 */
import type { SlaLimit } from '@linli/contracts';

export type WallLimit = Extract<SlaLimit, { kind: 'wall' }>;
export type WorkingDaysLimit = Extract<SlaLimit, { kind: 'workingDays' }>;

/** "Half a day" is 4 hours on the wall clock unless the company sets otherwise. */
export const HALF_DAY_MINUTES = 240;

export const wallMinutes = (minutes: number): WallLimit => ({ kind: 'wall', minutes });
export const wallHours = (hours: number): WallLimit => ({ kind: 'wall', minutes: hours * 60 });
export const halfDay = (minutes: number = HALF_DAY_MINUTES): WallLimit => ({
  kind: 'wall',
  minutes,
});
export const workingDays = (days: number): WorkingDaysLimit => ({ kind: 'workingDays', days });

/** Why a limit is unusable, or null. Minutes are whole and ≥ 0; working days whole and ≥ 1. */
export function limitProblem(limit: SlaLimit): string | null {
  if (limit.kind === 'wall') {
    return Number.isInteger(limit.minutes) && limit.minutes >= 0
      ? null
      : `minutes must be a whole number ≥ 0: ${limit.minutes}`;
  }
  if (limit.kind === 'workingDays') {
    if (limit.agreedAt !== undefined && Number.isNaN(Date.parse(limit.agreedAt)))
      return `agreed time is not an instant: ${limit.agreedAt}`;
    return Number.isInteger(limit.days) && limit.days >= 1
      ? null
      : `working days must be a whole number ≥ 1: ${limit.days}`;
  }
  return `unknown limit kind: ${(limit as { kind: unknown }).kind}`;
}

/** Chinese label for the admin and ticket views: "30分钟", "2小时", "3个工作日". */
export function formatLimit(limit: SlaLimit): string {
  if (limit.kind === 'workingDays') return `${limit.days}个工作日`;
  const { minutes } = limit;
  return minutes % 60 === 0 && minutes > 0 ? `${minutes / 60}小时` : `${minutes}分钟`;
}
