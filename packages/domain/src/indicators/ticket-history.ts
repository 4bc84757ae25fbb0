/**
 * How a cohort ticket's recorded history reads at `asOf`: its pauses, first events, outcomes against a
 * limit, and the rate rows built from them. Shared by the indicator sections in indicators.ts.
 */
import { TicketAction, type SlaLimit } from '@linli/contracts';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { computeDeadline, type SlaPause } from '../sla/deadline';
import { share } from './stats';
import type {
  CountRow,
  HeadlineKey,
  IndicatorEvent,
  IndicatorTicket,
  RateIndicator,
} from './indicator-types';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

/** Actions that count as the first response to a resident. */
export const RESPONSE_ACTIONS: readonly TicketAction[] = [
  TicketAction.Accept,
  TicketAction.Arrive,
  TicketAction.Resolve,
  TicketAction.MarkInvalid,
];

/**
 * Which department answers for a ticket: the department of the last work order issued on it up to
 * `asOf` (the supervisor named it responsible), otherwise its category's.
 */
export function responsibleDepartment(
  categoryDepartment: string,
  workOrders: readonly { department: string; issuedAt: Date }[],
  asOf: Date,
): string {
  let best: { department: string; issuedAt: Date } | null = null;
  for (const w of workOrders) {
    if (w.issuedAt.getTime() > asOf.getTime()) continue;
    if (!best || w.issuedAt.getTime() >= best.issuedAt.getTime()) best = w;
  }

  return best ? best.department : categoryDepartment;
}

/** The pauses as they stood at `asOf`: later ones dropped, one still running then left open. */
export function pausesAsOf(pauses: readonly SlaPause[], asOf: Date): SlaPause[] {
  const cut = asOf.getTime();
  return pauses
    .filter((p) => p.from.getTime() <= cut)
    .map((p) => ({ from: p.from, to: p.to && p.to.getTime() <= cut ? p.to : null }));
}

/** Pause time between two instants (overlapping pauses counted once), each stretch measured by `measure`. */
function pausedBetween(
  pauses: readonly SlaPause[],
  fromMs: number,
  toMs: number,
  measure: (startMs: number, endMs: number) => number,
): number {
  let total = 0;
  let covered = fromMs;
  for (const p of [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime())) {
    const start = Math.max(p.from.getTime(), covered);
    const end = Math.min(p.to === null ? toMs : p.to.getTime(), toMs);
    if (end <= start) continue;
    total += measure(start, end);
    covered = end;
  }

  return total;
}

/** Wall ms of pause between two instants (overlapping pauses counted once). */
export function pausedWallMs(pauses: readonly SlaPause[], fromMs: number, toMs: number): number {
  return pausedBetween(pauses, fromMs, toMs, (start, end) => end - start);
}

/** Working ms of pause between two instants, by the calendar (overlapping pauses counted once). */
export function pausedWorkingMs(
  pauses: readonly SlaPause[],
  fromMs: number,
  toMs: number,
  calendar: WorkingCalendar,
): number {
  return pausedBetween(pauses, fromMs, toMs, (start, end) => calendar.workingMsBetween(start, end));
}

export function firstEvent(
  t: IndicatorTicket,
  actions: readonly TicketAction[],
  asOf: Date,
): IndicatorEvent | null {
  for (const e of t.events)
    if (actions.includes(e.action) && e.at.getTime() <= asOf.getTime()) return e;
  return null;
}

export type Outcome = 'onTime' | 'late' | 'pending';

/** Whether `metAt` came within a wall-clock limit from the report, pauses (as of `asOf`) extending it. */
export function wallOutcome(
  t: IndicatorTicket,
  minutes: number,
  metAt: Date | null,
  asOf: Date,
  calendar: WorkingCalendar,
): Outcome {
  const limit: SlaLimit = { kind: 'wall', minutes };
  if (metAt) {
    // Only the pauses taken before it was met can have moved the deadline.
    const atMet = computeDeadline(t.createdAt, limit, calendar, pausesAsOf(t.pauses, metAt));
    return atMet.paused || metAt.getTime() <= atMet.deadline.getTime() ? 'onTime' : 'late';
  }

  const result = computeDeadline(t.createdAt, limit, calendar, pausesAsOf(t.pauses, asOf));
  if (result.paused) return 'pending';
  return asOf.getTime() > result.deadline.getTime() ? 'late' : 'pending';
}

export function rate(
  key: HeadlineKey,
  outcomes: readonly { id: string; outcome: Outcome }[],
  target: number,
  available = true,
): RateIndicator {
  const onTime = outcomes.filter((o) => o.outcome === 'onTime').length;
  const missed = outcomes.filter((o) => o.outcome === 'late').map((o) => o.id);
  const r = share(onTime, onTime + missed.length);
  return {
    key,
    numerator: onTime,
    denominator: onTime + missed.length,
    rate: available ? r : null,
    target,
    met: available && r !== null ? r >= target : null,
    missedTicketIds: missed,
    pendingTicketIds: outcomes.filter((o) => o.outcome === 'pending').map((o) => o.id),
    available,
  };
}

export function unavailable(key: HeadlineKey, target: number): RateIndicator {
  return {
    key,
    numerator: 0,
    denominator: 0,
    rate: null,
    target,
    met: null,
    missedTicketIds: [],
    pendingTicketIds: [],
    available: false,
  };
}

export function countBy(
  tickets: readonly IndicatorTicket[],
  keyOf: (t: IndicatorTicket) => string,
): CountRow[] {
  const counts = new Map<string, number>();
  for (const t of tickets) counts.set(keyOf(t), (counts.get(keyOf(t)) ?? 0) + 1);
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Cancelled by the resident before anyone responded: not held against the service. */
export function withdrawnBefore(
  t: IndicatorTicket,
  actions: readonly TicketAction[],
  asOf: Date,
): boolean {
  for (const e of t.events) {
    if (e.at.getTime() > asOf.getTime()) break;
    if (actions.includes(e.action)) return false;
    if (e.action === TicketAction.Cancel) return true;
  }

  return false;
}

export const isInvalid = (t: IndicatorTicket, asOf: Date) =>
  t.events.some((e) => e.action === TicketAction.MarkInvalid && e.at.getTime() <= asOf.getTime());
