/**
 * Deadline extensions (docs/domain-rules.md §6: no one may exceed a limit unless the community manager approves an
 * extension). The handler asks for a new deadline; once approved, the milestone keeps its start and
 * gets a wall-clock limit that ends at the approved instant, pauses so far included, so a later hold
 * still moves it as any limit.
 */
import { DAY_MS } from '../calendar/day-index';
import type { SlaPause } from './deadline';
import type { SlaLimit } from '@linli/contracts';

/** Why a new deadline cannot be asked for, in Chinese; null when it can. */
export function extensionProblem(
  currentDue: Date | null,
  until: Date,
  now: Date,
  maxDays: number,
): string | null {
  if (Number.isNaN(until.getTime())) return '请填写新的期限';
  if (!currentDue) return '该时限已暂停或已完成，无需延期';
  if (until.getTime() <= now.getTime()) return '新的期限必须晚于现在';
  if (until.getTime() <= currentDue.getTime()) return '新的期限必须晚于当前期限';
  if (until.getTime() - currentDue.getTime() > maxDays * DAY_MS)
    return `一次最多延期 ${maxDays} 天`;
  return null;
}

/** The wall-clock limit, from `start`, whose deadline is `until` given the pauses already taken. */
export function wallLimitUntil(start: Date, until: Date, pauses: readonly SlaPause[]): SlaLimit {
  const startMs = start.getTime();
  const untilMs = until.getTime();
  let pausedMs = 0;
  let covered = startMs; // overlapping pauses count once
  for (const p of [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime())) {
    const from = Math.max(p.from.getTime(), covered);
    const to = Math.min(p.to === null ? untilMs : p.to.getTime(), untilMs);
    if (to <= from) continue;
    pausedMs += to - from;
    covered = to;
  }
  return { kind: 'wall', minutes: Math.max(1, Math.ceil((untilMs - startMs - pausedMs) / 60_000)) };
}
