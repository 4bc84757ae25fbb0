import { MemberRole, RELEASE_SLIP_ALPHABET, RELEASE_SLIP_CODE_LENGTH } from '@linli/contracts';
import { dateKeyOfDay, dayIndexOfKey, dayStartMs } from '../calendar/day-index';
import { chinaDateKey } from '../time/china-time';

/**
 * Moving belongings out (docs/domain-rules.md §4). The office accepts the owner's own ID, or for anyone else (an
 * agent, a tenant, a family member or relative acting for the owner) the owner's written authorisation:
 * so only an owner's application goes straight to the office.
 */
export function moveOutNeedsOwnerAuthorisation(applicantRole: MemberRole): boolean {
  return applicantRole !== MemberRole.Owner;
}

/** The configurable numbers of the move-out procedure (defaults in the server's configuration). */
export interface MoveOutPolicy {
  /** "Apply in advance": the move date is at least this many days after the day of application (China dates). */
  noticeDays: number;
  /** How far ahead one may apply. */
  maxAheadDays: number;
  /** A slip still lets goods out this many days after its move date (a move running late). */
  graceDays: number;
}

export const DEFAULT_MOVE_OUT_POLICY: MoveOutPolicy = {
  noticeDays: 1,
  maxAheadDays: 60,
  graceDays: 1,
};

/** Why a move date is not acceptable (Chinese, for the resident), or null when it is. */
export function moveDateProblem(moveDate: string, now: Date, policy: MoveOutPolicy): string | null {
  let day: number;
  try {
    day = dayIndexOfKey(moveDate);
  } catch {
    return '搬出日期格式应为 2026-11-01';
  }
  const today = dayIndexOfKey(chinaDateKey(now));
  if (day < today + policy.noticeDays) {
    return policy.noticeDays > 0
      ? `搬出须提前申请：最早可选 ${dateKeyOfDay(today + policy.noticeDays)}`
      : '搬出日期不能早于今天';
  }
  if (day > today + policy.maxAheadDays) return `最多可提前 ${policy.maxAheadDays} 天申请`;
  return null;
}

/** When a slip for `moveDate` lets goods out: from China-time 00:00 of the date to 24:00 of the date plus the grace days. */
export function releaseSlipWindow(
  moveDate: string,
  graceDays: number,
): { from: Date; until: Date } {
  const day = dayIndexOfKey(moveDate);
  return { from: new Date(dayStartMs(day)), until: new Date(dayStartMs(day + 1 + graceDays) - 1) };
}

/** Where `now` falls in a slip's window. */
export function releaseSlipTiming(
  now: Date,
  window: { from: Date; until: Date },
): 'early' | 'valid' | 'expired' {
  if (now.getTime() < window.from.getTime()) return 'early';
  if (now.getTime() > window.until.getTime()) return 'expired';
  return 'valid';
}

/** What a guard typed (or a scanned QR held) as a slip code: upper case, spaces and dashes dropped; null if it cannot be one. */
export function normaliseSlipCode(input: string): string | null {
  const code = input.trim().toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== RELEASE_SLIP_CODE_LENGTH) return null;
  for (const ch of code) if (!RELEASE_SLIP_ALPHABET.includes(ch)) return null;
  return code;
}

/** A fresh slip code from a random source (`randomIndex(n)` returns 0..n-1). */
export function newSlipCode(randomIndex: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < RELEASE_SLIP_CODE_LENGTH; i++)
    code += RELEASE_SLIP_ALPHABET[randomIndex(RELEASE_SLIP_ALPHABET.length)];
  return code;
}

/** The item lines of an application: trimmed, blank lines dropped. */
export function moveOutItemLines(items: readonly string[]): string[] {
  return items
    .flatMap((line) => line.split(/\r?\n/))
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
