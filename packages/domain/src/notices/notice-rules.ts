/**
 * Notices (docs/domain-rules.md §11): whom one reaches, when it is pinned, and when the assistant is shown who has
 * not read a planned cut. Pure; time is a parameter.
 */
export interface NoticeTarget {
  buildingIds: readonly string[];
  units: readonly { buildingId: string; unit: string }[];
}

export interface NoticePlace {
  buildingId: string;
  unit: string;
}

/** Whether a notice targeted at `target` reaches a household at `place` (no buildings and no units: the whole community). */
export function noticeReaches(target: NoticeTarget, place: NoticePlace): boolean {
  if (target.buildingIds.length === 0 && target.units.length === 0) return true;
  return (
    target.buildingIds.includes(place.buildingId) ||
    target.units.some((u) => u.buildingId === place.buildingId && u.unit === place.unit)
  );
}

/** Pinned while in force: published, and `inForceUntil` not yet passed. */
export function noticePinned(
  n: { publishAt: Date; inForceUntil: Date | null },
  now: Date,
): boolean {
  return (
    n.inForceUntil !== null &&
    n.publishAt.getTime() <= now.getTime() &&
    now.getTime() < n.inForceUntil.getTime()
  );
}

/** How long before a cut the assistant is shown the households that have not read its notice. */
export const UNREAD_CALL_LEAD_MINUTES = 60;

/** Whether the unread list of a cut starting at `startsAt` is due at `now`: from an hour before until it starts. */
export function unreadCallsDue(
  startsAt: Date,
  now: Date,
  leadMinutes = UNREAD_CALL_LEAD_MINUTES,
): boolean {
  const t = now.getTime();
  return t >= startsAt.getTime() - leadMinutes * 60_000 && t < startsAt.getTime();
}
