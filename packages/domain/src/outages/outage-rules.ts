/**
 * Outage-aware intake (docs/domain-rules.md §11: planned water or power cuts are announced by notice). While a
 * planned cut covers a building, a report of that very cut is linked to the notice instead of being
 * dispatched as an emergency one by one, and is closed together with it.
 */
export type OutageKind = 'water' | 'power';

export const OUTAGE_KIND_LABELS: Record<OutageKind, string> = { water: '停水', power: '停电' };

/** The categories that report the cut itself (a leak during a water cut is still its own emergency). */
export const OUTAGE_CATEGORIES: Record<OutageKind, readonly string[]> = {
  water: ['water_cut'],
  power: ['power_cut'],
};

export interface OutageWindow {
  kind: OutageKind;
  /** Buildings covered; empty: the whole community. */
  buildingIds: readonly string[];
  startsAt: Date;
  endsAt: Date;
  active: boolean;
}

/**
 * True when a report of `categoryCode` in `buildingId` at `at` is about this planned cut. Only during
 * the announced window: water still missing after the announced end is a real fault and is dispatched.
 */
export function outageCovers(
  outage: OutageWindow,
  report: { buildingId: string; categoryCode: string; at: Date },
): boolean {
  if (!outage.active) return false;
  if (!OUTAGE_CATEGORIES[outage.kind].includes(report.categoryCode)) return false;
  if (outage.buildingIds.length > 0 && !outage.buildingIds.includes(report.buildingId))
    return false;
  const t = report.at.getTime();
  return t >= outage.startsAt.getTime() && t <= outage.endsAt.getTime();
}

/** What is wrong with a planned window, in Chinese; null when it can be announced. */
export function outageWindowProblem(
  startsAt: Date,
  endsAt: Date,
  now: Date,
  maxHours = 72,
): string | null {
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()))
    return '请填写开始和结束时间';
  if (endsAt.getTime() <= startsAt.getTime()) return '结束时间必须晚于开始时间';
  if (endsAt.getTime() <= now.getTime()) return '结束时间已过，无需发布';
  if (endsAt.getTime() - startsAt.getTime() > maxHours * 3_600_000)
    return `一次计划停水停电不能超过 ${maxHours} 小时`;
  return null;
}
