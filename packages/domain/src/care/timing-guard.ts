import { SkipReason } from '@linli/contracts';
import { CHINA_OFFSET_MS } from '../time/china-time';

/**
 * The care timing guard (domain.md §10: care sent at the wrong moment backfires). No greeting to a
 * household with an open complaint made within the window, nor in the middle of a renovation; nothing
 * is sent during quiet hours. Limits are data, time is a parameter.
 */
export interface TimingGuardPolicy {
  /** An open complaint made within this many days holds the greeting back. */
  complaintWindowDays: number;
  /** Quiet hours, China time, [startHour, endHour) wrapping midnight when start > end. */
  quietHours: { startHour: number; endHour: number };
}

export const DEFAULT_TIMING_GUARD: TimingGuardPolicy = { complaintWindowDays: 30, quietHours: { startHour: 21, endHour: 8 } };

export interface HouseholdTiming {
  /** When each of the household's still-open complaints was made. */
  openComplaintsAt: readonly Date[];
  /** A renovation is under way (the start application is on file and the works are not reported finished). */
  renovating: boolean;
}

/** Why a household is held back now, or null when it may be greeted. The first reason found is given. */
export function householdSkipReason(h: HouseholdTiming, now: Date, policy: TimingGuardPolicy = DEFAULT_TIMING_GUARD): SkipReason | null {
  const since = now.getTime() - policy.complaintWindowDays * 86_400_000;
  if (h.openComplaintsAt.some((at) => at.getTime() >= since && at.getTime() <= now.getTime())) return SkipReason.OpenComplaint;
  if (h.renovating) return SkipReason.Renovation;
  return null;
}

function chinaHour(instant: Date): number {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).getUTCHours();
}

/** Whether `now` lies in quiet hours (China time). */
export function inQuietHours(now: Date, policy: TimingGuardPolicy = DEFAULT_TIMING_GUARD): boolean {
  const { startHour, endHour } = policy.quietHours;
  if (startHour === endHour) return false;
  const h = chinaHour(now);
  return startHour < endHour ? h >= startHour && h < endHour : h >= startHour || h < endHour;
}

/** The first instant at or after `now` outside quiet hours: when a paused fan-out resumes. */
export function nextSendableAt(now: Date, policy: TimingGuardPolicy = DEFAULT_TIMING_GUARD): Date {
  if (!inQuietHours(now, policy)) return now;
  const shifted = new Date(now.getTime() + CHINA_OFFSET_MS);
  const endToday = Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate(), policy.quietHours.endHour) - CHINA_OFFSET_MS;
  return new Date(endToday > now.getTime() ? endToday : endToday + 86_400_000);
}
