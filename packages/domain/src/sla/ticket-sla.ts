/**
 * A ticket's time limits: which milestones apply (from its category's policies, docs/domain-rules.md §6), what
 * meets each one, how they stand at `now`, and when the sweep must look at the ticket next.
 * Pure: the server stores the plan and the pauses, and calls these with the clock's `now`.
 */
import {
  SlaMilestone,
  TicketAction,
  TicketKind,
  type SlaLimit,
  type SlaState,
} from '@linli/contracts';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { computeDeadline, type SlaPause } from './deadline';
import { resolvePolicy, type SlaPolicyOverride } from './policies';
import { DEFAULT_WARN_SHARE, evaluateSla } from './progress';

/** One milestone a ticket is timed to, as planned at intake (or restarted on reopen). */
export interface PlannedMilestone {
  milestone: SlaMilestone;
  policyCode: string;
  policyName: string;
  limit: SlaLimit;
  /** When its clock started. */
  startAt: Date;
}

/** The emergency policy a home repair gets when the resident's words flag an emergency. */
export const EMERGENCY_HOME_POLICY = 'emergency_home';

export interface PlanInput {
  /** The category's policy codes. */
  policyCodes: readonly string[];
  kind: TicketKind;
  emergency: boolean;
  start: Date;
  /** A time agreed with the resident (the preferred visit), for "agreed time, capped" policies. */
  agreedAt: Date | null;
  calendar: WorkingCalendar;
  overrides?: readonly SlaPolicyOverride[];
}

/**
 * The milestones of a new ticket. When two policies time the same milestone, the one that runs out
 * first wins (the stricter promise). An emergency home repair always gets the emergency limits.
 */
export function planMilestones(input: PlanInput): PlannedMilestone[] {
  const codes = [...input.policyCodes];
  if (
    input.emergency &&
    input.kind === TicketKind.RepairHome &&
    !codes.includes(EMERGENCY_HOME_POLICY)
  )
    codes.unshift(EMERGENCY_HOME_POLICY);
  const best = new Map<SlaMilestone, { plan: PlannedMilestone; deadlineMs: number }>();
  for (const code of codes) {
    const policy = resolvePolicy(code, input.overrides);
    if (!policy) continue;
    for (const [milestone, baseLimit] of Object.entries(policy.milestones) as [
      SlaMilestone,
      SlaLimit,
    ][]) {
      let limit = baseLimit;
      if (
        policy.agreedTimeCapped &&
        milestone === SlaMilestone.Resolve &&
        baseLimit.kind === 'workingDays' &&
        input.agreedAt
      ) {
        // "At the time agreed with the resident, at most N working days": both kept, so the cap stays a
        // working-day limit (pauses walk working days; a calendar change moves it).
        limit = {
          kind: 'workingDays',
          days: baseLimit.days,
          agreedAt: input.agreedAt.toISOString(),
        };
      }
      const result = computeDeadline(input.start, limit, input.calendar);
      const deadlineMs = result.paused ? Number.POSITIVE_INFINITY : result.deadline.getTime();
      const current = best.get(milestone);
      if (!current || deadlineMs < current.deadlineMs) {
        best.set(milestone, {
          plan: {
            milestone,
            policyCode: policy.code,
            policyName: policy.name,
            limit,
            startAt: input.start,
          },
          deadlineMs,
        });
      }
    }
  }
  const order = Object.values(SlaMilestone);
  return [...best.values()]
    .map((b) => b.plan)
    .sort((a, b) => order.indexOf(a.milestone) - order.indexOf(b.milestone));
}

/** The milestones an action meets: accepting answers the resident; resolving meets whatever is still open. */
export function milestonesMetBy(action: TicketAction): readonly SlaMilestone[] {
  switch (action) {
    case TicketAction.Accept:
      return [SlaMilestone.Respond];
    case TicketAction.Arrive:
      return [SlaMilestone.Respond, SlaMilestone.Arrive];
    case TicketAction.Resolve:
      return Object.values(SlaMilestone);
    // Judging a complaint invalid settles the company's own limits; the explanation has its own (Reply).
    case TicketAction.MarkInvalid:
      return [SlaMilestone.Respond, SlaMilestone.Arrive, SlaMilestone.Resolve];
    case TicketAction.Reply:
      return [SlaMilestone.Reply];
    default:
      return [];
  }
}

export interface MilestoneStatus {
  milestone: SlaMilestone;
  state: SlaState | 'met';
  /** Null while paused or once met. */
  dueAt: Date | null;
  /** Wall ms left (negative when late); while paused, what is left of the limit; null once met. */
  remainingMs: number | null;
  share: number;
}

/** How one milestone stands at `now`. */
export function milestoneStatus(
  m: PlannedMilestone & { metAt: Date | null },
  pauses: readonly SlaPause[],
  now: Date,
  calendar: WorkingCalendar,
  warnShare: number = DEFAULT_WARN_SHARE,
): MilestoneStatus {
  if (m.metAt)
    return { milestone: m.milestone, state: 'met', dueAt: null, remainingMs: null, share: 0 };
  const e = evaluateSla(m.startAt, m.limit, calendar, pauses, now, warnShare);
  return {
    milestone: m.milestone,
    state: e.state,
    dueAt: e.deadline,
    remainingMs: e.remainingMs,
    share: e.share,
  };
}

/** The milestone a countdown shows: breached first, then the one that runs out soonest; paused ones last. */
export function currentMilestone(statuses: readonly MilestoneStatus[]): MilestoneStatus | null {
  const open = statuses.filter((s) => s.state !== 'met');
  if (open.length === 0) return null;
  const rank = (s: MilestoneStatus) =>
    s.state === 'paused' ? Number.POSITIVE_INFINITY : (s.dueAt as Date).getTime();
  return [...open].sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * When the sweep should next look at these milestones: at the warning point of one still 'ok', just
 * after the deadline of one at 'warning', or never (paused, met, already breached: escalation has its
 * own timer). Working-day shares are not linear in wall time, so the warning point is estimated on
 * the wall clock and the sweep simply looks again later if it was early.
 */
export function nextMilestoneCheck(
  statuses: readonly MilestoneStatus[],
  now: Date,
  warnShare: number = DEFAULT_WARN_SHARE,
): Date | null {
  let next = Number.POSITIVE_INFINITY;
  for (const s of statuses) {
    if (!s.dueAt || s.state === 'met' || s.state === 'paused' || s.state === 'breached') continue;
    const due = s.dueAt.getTime();
    if (s.state === 'warning') {
      next = Math.min(next, due + 1);
      continue;
    }
    // share grows from s.share now to 1 at the deadline; the warning point lies in between.
    const left = 1 - s.share;
    const toWarn = left > 0 ? ((warnShare - s.share) / left) * (due - now.getTime()) : 0;
    next = Math.min(next, now.getTime() + Math.max(60_000, Math.floor(toWarn)));
  }
  return Number.isFinite(next) ? new Date(next) : null;
}
