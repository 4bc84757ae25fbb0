/** The longest shift (24 h lobby duty), and how far ahead the rota may be planned. */
export const MAX_SHIFT_HOURS = 24;
export const MAX_SHIFT_AHEAD_DAYS = 62;

/** Why a duty shift from `startsAt` to `endsAt` cannot be planned at `now` (Chinese), or null. */
export function dutyShiftProblem(startsAt: Date, endsAt: Date, now: Date): string | null {
  if (endsAt.getTime() <= startsAt.getTime()) return '结束时间必须晚于开始时间';
  if (endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_HOURS * 3_600_000)
    return `一个班次不能超过 ${MAX_SHIFT_HOURS} 小时`;
  if (endsAt.getTime() <= now.getTime()) return '该班次已结束';
  if (startsAt.getTime() - now.getTime() > MAX_SHIFT_AHEAD_DAYS * 86_400_000)
    return `最多提前 ${MAX_SHIFT_AHEAD_DAYS} 天排班`;
  return null;
}
