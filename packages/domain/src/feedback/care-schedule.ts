import { addMonthsToDateKey } from '../households/file-review';

/** Care callbacks (domain brief §9): one month after moving in, then every six months. */
export interface CarePolicy {
  firstAfterMonths: number;
  everyMonths: number;
}

export const DEFAULT_CARE_POLICY: CarePolicy = { firstAfterMonths: 1, everyMonths: 6 };

/** The day ('YYYY-MM-DD') the next care callback is due: a month after moving in, then six months after the last one. */
export function nextCareDate(
  movedInOn: string,
  lastCareOn: string | null,
  policy: CarePolicy = DEFAULT_CARE_POLICY,
): string {
  return lastCareOn
    ? addMonthsToDateKey(lastCareOn, policy.everyMonths)
    : addMonthsToDateKey(movedInOn, policy.firstAfterMonths);
}

export type CareDecision =
  { due: false } | { due: true; on: string } | { due: false; postponed: true; on: string };

/**
 * Whether a household's care callback should be on the assistant's list `today`. A household with an
 * open complaint is not greeted in the middle of it (domain brief §10: mistimed contact backfires):
 * the callback waits until the complaint is closed.
 */
export function careCallbackDue(
  movedInOn: string,
  lastCareOn: string | null,
  openComplaint: boolean,
  today: string,
  policy: CarePolicy = DEFAULT_CARE_POLICY,
): CareDecision {
  const on = nextCareDate(movedInOn, lastCareOn, policy);
  if (on > today) return { due: false };
  if (openComplaint) return { due: false, postponed: true, on };
  return { due: true, on };
}
