import { SkipReason } from '@linli/contracts';
import {
  DEFAULT_QUIET_HOURS,
  earliestDelivery,
  type QuietHours,
} from '../notifications/delivery-policy';

/**
 * The care timing guard (docs/domain-rules.md §10: care sent at the wrong moment backfires). No greeting to a
 * household with an open complaint made within the window, nor in the middle of a renovation; nothing
 * is sent during quiet hours (the fan-out waits them out). Limits are data, time is a parameter.
 */
export interface TimingGuardPolicy {
  /** An open complaint made within this many days holds the greeting back. */
  complaintWindowDays: number;
}

export const DEFAULT_TIMING_GUARD: TimingGuardPolicy = { complaintWindowDays: 30 };

export interface HouseholdTiming {
  /** When each of the household's still-open complaints was made. */
  openComplaintsAt: readonly Date[];
  /** A renovation is under way (the start application is on file and the works are not reported finished). */
  renovating: boolean;
}

/** Why a household is held back now, or null when it may be greeted. The first reason found is given. */
export function householdSkipReason(
  h: HouseholdTiming,
  now: Date,
  policy: TimingGuardPolicy = DEFAULT_TIMING_GUARD,
): SkipReason | null {
  const since = now.getTime() - policy.complaintWindowDays * 86_400_000;
  if (h.openComplaintsAt.some((at) => at.getTime() >= since && at.getTime() <= now.getTime()))
    return SkipReason.OpenComplaint;
  if (h.renovating) return SkipReason.Renovation;
  return null;
}

/**
 * The first instant at or after `now` a greeting may go: greetings are never urgent, so they wait out
 * the quiet hours every non-urgent message waits out (LINLI_QUIET_HOURS, notifications/delivery-policy).
 */
export function careSendableAt(now: Date, quietHours: QuietHours = DEFAULT_QUIET_HOURS): Date {
  return earliestDelivery(now, false, quietHours);
}

/** How long after the renovation start application is recorded the works count as under way (no completion paper exists yet). */
export const RENOVATION_DAYS = 90;

/** Whether a household renovates at `now`: its start application was recorded within the last `days`. */
export function renovationUnderWay(
  startRecordedAt: Date | null,
  now: Date,
  days = RENOVATION_DAYS,
): boolean {
  if (!startRecordedAt) return false;
  const age = now.getTime() - startRecordedAt.getTime();
  return age >= 0 && age <= days * 86_400_000;
}
