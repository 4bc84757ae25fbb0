/**
 * The figures a supervisor steers by (the domain brief, "Indicators and reports"), defined once here so
 * that the dashboard, the issued reports and the Excel exports cannot disagree.
 *
 * Every figure is about a cohort: the tickets received in the period [from, to), followed through their
 * recorded history (append-only ticket events, milestones, pauses) up to `asOf`. Nothing recorded after
 * `asOf` is looked at, so a report issued at a given moment can be recomputed to the same figures, and a
 * past month's figures change only while its own tickets are still within their limits.
 *
 * A ticket whose limit has not run out at `asOf` and is not yet met is *pending*: listed, never counted
 * as on time or as late.
 */
import { SlaMilestone, TicketAction, TicketKind, type SlaLimit } from '@linli/contracts';
import { DAY_MS } from '../calendar/day-index';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { computeDeadline, type SlaPause } from '../sla/deadline';
import { distribution, share } from './stats';
import {
  DEFAULT_INDICATOR_TARGETS,
  type CountRow,
  type HandlerRow,
  type HeadlineKey,
  type IndicatorEvent,
  type IndicatorInput,
  type Indicators,
  type IndicatorTargets,
  type IndicatorTicket,
  type RateIndicator,
} from './indicator-types';

export * from './indicator-types';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

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

/** Wall ms of pause between two instants (overlapping pauses counted once). */
export function pausedWallMs(pauses: readonly SlaPause[], fromMs: number, toMs: number): number {
  let total = 0;
  let covered = fromMs;
  for (const p of [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime())) {
    const start = Math.max(p.from.getTime(), covered);
    const end = Math.min(p.to === null ? toMs : p.to.getTime(), toMs);
    if (end <= start) continue;
    total += end - start;
    covered = end;
  }
  return total;
}

function pausedWorkingMs(
  pauses: readonly SlaPause[],
  fromMs: number,
  toMs: number,
  calendar: WorkingCalendar,
): number {
  let total = 0;
  let covered = fromMs;
  for (const p of [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime())) {
    const start = Math.max(p.from.getTime(), covered);
    const end = Math.min(p.to === null ? toMs : p.to.getTime(), toMs);
    if (end <= start) continue;
    total += calendar.workingMsBetween(start, end);
    covered = end;
  }
  return total;
}

function firstEvent(
  t: IndicatorTicket,
  actions: readonly TicketAction[],
  asOf: Date,
): IndicatorEvent | null {
  for (const e of t.events)
    if (actions.includes(e.action) && e.at.getTime() <= asOf.getTime()) return e;
  return null;
}

type Outcome = 'onTime' | 'late' | 'pending';

/** Whether `metAt` came within a wall-clock limit from the report, pauses (as of `asOf`) extending it. */
function wallOutcome(
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

function rate(
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

function unavailable(key: HeadlineKey, target: number): RateIndicator {
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

function countBy(
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
function withdrawnBefore(
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

const isInvalid = (t: IndicatorTicket, asOf: Date) =>
  t.events.some((e) => e.action === TicketAction.MarkInvalid && e.at.getTime() <= asOf.getTime());

export function computeIndicators(input: IndicatorInput): Indicators {
  const { from, to, asOf, calendar } = input;
  const targets: IndicatorTargets = { ...DEFAULT_INDICATOR_TARGETS, ...input.targets };
  const cohort = input.tickets.filter(
    (t) =>
      t.createdAt.getTime() >= from.getTime() &&
      t.createdAt.getTime() < to.getTime() &&
      t.createdAt.getTime() <= asOf.getTime(),
  );

  // Emergencies responded to within N minutes.
  const emergencies = cohort.filter(
    (t) => t.emergency && !withdrawnBefore(t, RESPONSE_ACTIONS, asOf),
  );
  const emergencyResponse = rate(
    'emergencyResponse',
    emergencies.map((t) => ({
      id: t.id,
      outcome: wallOutcome(
        t,
        targets.emergencyResponseMinutes,
        firstEvent(t, RESPONSE_ACTIONS, asOf)?.at ?? null,
        asOf,
        calendar,
      ),
    })),
    targets.emergencyResponseShare,
  );

  // Valid complaints resolved within N hours.
  const complaints = cohort.filter(
    (t) =>
      t.kind === TicketKind.Complaint &&
      !isInvalid(t, asOf) &&
      !withdrawnBefore(t, [TicketAction.Resolve], asOf),
  );
  const complaintResolve = rate(
    'complaintResolve',
    complaints.map((t) => ({
      id: t.id,
      outcome: wallOutcome(
        t,
        targets.complaintResolveHours * 60,
        firstEvent(t, [TicketAction.Resolve], asOf)?.at ?? null,
        asOf,
        calendar,
      ),
    })),
    targets.complaintResolveShare,
  );

  // Satisfaction: (满意 + 基本满意) / rated, over the cohort's rated tickets.
  let satisfaction = unavailable('satisfaction', targets.satisfactionShare);
  if (input.verdicts) {
    const rated = cohort.filter((t) => input.verdicts!.has(t.id));
    satisfaction = rate(
      'satisfaction',
      rated.map((t) => ({
        id: t.id,
        outcome: input.verdicts!.get(t.id) === 'dissatisfied' ? 'late' : 'onTime',
      })),
      targets.satisfactionShare,
    );
  }

  // Callback coverage: valid complaints resolved by asOf that have a completed callback.
  let callbackCoverage = unavailable('callbackCoverage', targets.callbackCoverageShare);
  if (input.calledBack) {
    const resolvedComplaints = complaints.filter((t) =>
      firstEvent(t, [TicketAction.Resolve], asOf),
    );
    callbackCoverage = rate(
      'callbackCoverage',
      resolvedComplaints.map((t) => ({
        id: t.id,
        outcome: input.calledBack!.has(t.id) ? 'onTime' : 'late',
      })),
      targets.callbackCoverageShare,
    );
  }

  let surveyResponse = unavailable('surveyResponse', targets.surveyResponseShare);
  if (input.survey && input.survey.invited > 0) {
    const r = share(input.survey.answered, input.survey.invited);
    surveyResponse = {
      ...surveyResponse,
      numerator: input.survey.answered,
      denominator: input.survey.invited,
      rate: r,
      met: r !== null && r >= targets.surveyResponseShare,
      available: true,
    };
  }

  // Response and resolution times.
  const responseMinutes: number[] = [];
  const resolutionHours: number[] = [];
  const resolutionDays: number[] = [];
  for (const t of cohort) {
    const pauses = pausesAsOf(t.pauses, asOf);
    const created = t.createdAt.getTime();
    const response = firstEvent(t, RESPONSE_ACTIONS, asOf);
    if (response)
      responseMinutes.push(
        (response.at.getTime() - created - pausedWallMs(pauses, created, response.at.getTime())) /
          MINUTE_MS,
      );
    const resolved = firstEvent(t, [TicketAction.Resolve], asOf);
    if (!resolved) continue;
    const end = resolved.at.getTime();
    const resolveLimit = t.milestones.find((m) => m.milestone === SlaMilestone.Resolve)?.limit;
    if (resolveLimit?.kind === 'workingDays') {
      resolutionDays.push(
        (calendar.workingMsBetween(created, end) -
          pausedWorkingMs(pauses, created, end, calendar)) /
          DAY_MS,
      );
    } else {
      resolutionHours.push((end - created - pausedWallMs(pauses, created, end)) / HOUR_MS);
    }
  }
  const round = (xs: number[], digits: number) =>
    xs.map((x) => Math.round(x * 10 ** digits) / 10 ** digits);

  // Milestones warned and breached.
  const milestones = Object.values(SlaMilestone).map((milestone) => {
    const ms = cohort.flatMap((t) => t.milestones.filter((m) => m.milestone === milestone));
    return {
      milestone,
      planned: ms.length,
      warned: ms.filter((m) => m.warnedAt && m.warnedAt.getTime() <= asOf.getTime()).length,
      breached: ms.filter((m) => m.breachedAt && m.breachedAt.getTime() <= asOf.getTime()).length,
    };
  });

  const extensionRows = cohort.flatMap((t) =>
    t.extensions.filter((x) => x.requestedAt.getTime() <= asOf.getTime()),
  );
  const extensions = {
    asked: extensionRows.length,
    approved: extensionRows.filter((x) => x.status === 'approved').length,
    rejected: extensionRows.filter((x) => x.status === 'rejected').length,
    pending: extensionRows.filter((x) => x.status === 'pending').length,
  };

  // Reopen rate: rectification rounds among resolved tickets.
  const resolvedOnce = cohort.filter((t) => firstEvent(t, [TicketAction.Resolve], asOf));
  const reopenCounts = resolvedOnce.map(
    (t) =>
      t.events.filter((e) => e.action === TicketAction.Reopen && e.at.getTime() <= asOf.getTime())
        .length,
  );
  const reopened = reopenCounts.filter((n) => n > 0).length;

  // Invalid complaints and whether the explanation went out within its limit.
  const invalid = {
    count: 0,
    answeredOnTime: 0,
    answeredLate: 0,
    unansweredLate: 0,
    pending: 0,
    lateTicketIds: [] as string[],
  };
  for (const t of cohort.filter((c) => c.kind === TicketKind.Complaint && isInvalid(c, asOf))) {
    invalid.count += 1;
    const reply = t.milestones.find((m) => m.milestone === SlaMilestone.Reply);
    const answered = firstEvent(t, [TicketAction.Reply], asOf);
    if (!reply) {
      if (answered) invalid.answeredOnTime += 1;
      else invalid.pending += 1;
      continue;
    }
    const due = computeDeadline(reply.startAt, reply.limit, calendar, pausesAsOf(t.pauses, asOf));
    const dueMs = due.paused ? Number.POSITIVE_INFINITY : due.deadline.getTime();
    if (answered && answered.at.getTime() <= dueMs) invalid.answeredOnTime += 1;
    else if (answered) {
      invalid.answeredLate += 1;
      invalid.lateTicketIds.push(t.id);
    } else if (asOf.getTime() > dueMs) {
      invalid.unansweredLate += 1;
      invalid.lateTicketIds.push(t.id);
    } else invalid.pending += 1;
  }

  // Escalations: the first recorded escalation is level 1 (supervisor), the second level 2 (company manager).
  const escalations = { level1: 0, level2: 0, ticketIds: [] as string[] };
  for (const t of cohort) {
    const n = t.events.filter(
      (e) => e.action === TicketAction.Escalate && e.at.getTime() <= asOf.getTime(),
    ).length;
    if (n >= 1) {
      escalations.level1 += 1;
      escalations.ticketIds.push(t.id);
    }
    if (n >= 2) escalations.level2 += 1;
  }

  // Handlers: who resolved what, and whether every limit held.
  const handlerMap = new Map<string, HandlerRow>();
  for (const t of cohort) {
    const resolved = firstEvent(t, [TicketAction.Resolve], asOf);
    if (!resolved?.actorId) continue;
    const row = handlerMap.get(resolved.actorId) ?? {
      userId: resolved.actorId,
      resolved: 0,
      onTime: 0,
      onTimeShare: null,
      dissatisfied: 0,
    };
    row.resolved += 1;
    if (!t.milestones.some((m) => m.breachedAt && m.breachedAt.getTime() <= asOf.getTime()))
      row.onTime += 1;
    if (input.verdicts?.get(t.id) === 'dissatisfied') row.dissatisfied += 1;
    handlerMap.set(resolved.actorId, row);
  }
  const handlers = [...handlerMap.values()]
    .map((h) => ({ ...h, onTimeShare: share(h.onTime, h.resolved) }))
    .sort((a, b) => b.resolved - a.resolved || a.userId.localeCompare(b.userId));

  return {
    from: from.toISOString(),
    to: to.toISOString(),
    asOf: asOf.toISOString(),
    targets,
    received: cohort.length,
    headline: {
      emergencyResponse,
      complaintResolve,
      satisfaction,
      callbackCoverage,
      surveyResponse,
    },
    byKind: countBy(cohort, (t) => t.kind),
    byCategory: countBy(cohort, (t) => t.categoryCode),
    byChannel: countBy(cohort, (t) => t.channel),
    byBuilding: countBy(cohort, (t) => t.buildingId),
    byDepartment: countBy(cohort, (t) => t.department),
    complaintsByCategory: countBy(
      cohort.filter((t) => t.kind === TicketKind.Complaint),
      (t) => t.categoryCode,
    ),
    firstResponseMinutes: distribution(round(responseMinutes, 1)),
    resolutionHours: distribution(round(resolutionHours, 2)),
    resolutionWorkingDays: distribution(round(resolutionDays, 2)),
    milestones,
    extensions,
    reopen: {
      resolved: resolvedOnce.length,
      reopened,
      rate: share(reopened, resolvedOnce.length),
      rounds: reopenCounts.reduce((a, b) => a + b, 0),
    },
    invalidComplaints: invalid,
    escalations,
    handlers,
  };
}
