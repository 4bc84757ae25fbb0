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
import { SlaMilestone, TicketAction, TicketKind } from '@linli/contracts';
import { DAY_MS } from '../calendar/day-index';
import { computeDeadline } from '../sla/deadline';
import { distribution, share } from './stats';
import {
  DEFAULT_INDICATOR_TARGETS,
  type HandlerRow,
  type IndicatorInput,
  type Indicators,
  type IndicatorTargets,
} from './indicator-types';
import {
  countBy,
  firstEvent,
  HOUR_MS,
  isInvalid,
  MINUTE_MS,
  pausedWallMs,
  pausedWorkingMs,
  pausesAsOf,
  rate,
  RESPONSE_ACTIONS,
  unavailable,
  wallOutcome,
  withdrawnBefore,
} from './ticket-history';

export * from './indicator-types';
export {
  pausedWallMs,
  pausesAsOf,
  RESPONSE_ACTIONS,
  responsibleDepartment,
} from './ticket-history';

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
