/** The shapes of the indicators (docs/domain-rules.md §12): their input, targets and output; computed in indicators.ts. */
import type {
  Channel,
  ExtensionCounts,
  IndicatorTargetFigures,
  InvalidComplaintCounts,
  ReopenFigures,
  SlaLimit,
  SlaMilestone,
  TicketAction,
  TicketKind,
  TicketStatus,
} from '@linli/contracts';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { SlaPause } from '../sla/deadline';
import type { Distribution } from './stats';

export interface IndicatorEvent {
  action: TicketAction;
  at: Date;
  actorId: string | null;
}

export interface IndicatorMilestone {
  milestone: SlaMilestone;
  limit: SlaLimit;
  startAt: Date;
  metAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
}

export interface IndicatorTicket {
  id: string;
  code: string;
  kind: TicketKind;
  categoryCode: string;
  channel: Channel;
  buildingId: string;
  /** The department responsible at `asOf` (see `responsibleDepartment`). */
  department: string;
  emergency: boolean;
  /** A major (serious) complaint or case. */
  serious: boolean;
  status: TicketStatus;
  createdAt: Date;
  pauses: readonly SlaPause[];
  /** In the order they happened. */
  events: readonly IndicatorEvent[];
  milestones: readonly IndicatorMilestone[];
  extensions: readonly { status: 'pending' | 'approved' | 'rejected'; requestedAt: Date }[];
}

/** The resident's overall verdict on a ticket, when ratings are recorded. */
export type OverallVerdict = 'satisfied' | 'basic' | 'dissatisfied';

/** The targets the figures are computed against (defined once in contracts). */
export type IndicatorTargets = IndicatorTargetFigures;

/** The brief's seed targets; a company changes them in its settings. */
export const DEFAULT_INDICATOR_TARGETS: IndicatorTargets = {
  emergencyResponseMinutes: 30,
  emergencyResponseShare: 0.9,
  complaintResolveHours: 24,
  complaintResolveShare: 0.8,
  satisfactionShare: 0.9,
  callbackCoverageShare: 1,
  surveyResponseShare: 0.5,
};

export type HeadlineKey =
  'emergencyResponse' | 'complaintResolve' | 'satisfaction' | 'callbackCoverage' | 'surveyResponse';

export interface RateIndicator {
  key: HeadlineKey;
  /** Counted as meeting the definition. */
  numerator: number;
  /** Counted at all (pending ones are not). */
  denominator: number;
  /** numerator / denominator, 4 decimals; null when nothing could be counted (暂无数据). */
  rate: number | null;
  target: number;
  /** null when there is no rate to judge. */
  met: boolean | null;
  /** The tickets behind a missed target: counted but not meeting the definition. */
  missedTicketIds: string[];
  /** Still within their limit at `asOf`, not yet met. */
  pendingTicketIds: string[];
  /** False when the data the figure needs is not recorded by this installation (ratings, callbacks, surveys). */
  available: boolean;
}

export interface CountRow {
  key: string;
  count: number;
}

export interface HandlerRow {
  userId: string;
  resolved: number;
  /** Resolved with no milestone breached. */
  onTime: number;
  onTimeShare: number | null;
  dissatisfied: number;
}

export interface IndicatorInput {
  tickets: readonly IndicatorTicket[];
  from: Date;
  to: Date;
  asOf: Date;
  calendar: WorkingCalendar;
  targets?: Partial<IndicatorTargets>;
  /** Overall verdicts by ticket id; null when ratings are not recorded. */
  verdicts?: ReadonlyMap<string, OverallVerdict> | null;
  /** Tickets with a completed callback; null when callbacks are not recorded. */
  calledBack?: ReadonlySet<string> | null;
  /** Questionnaire invitations and answers in the period; null when none are recorded. */
  survey?: { invited: number; answered: number } | null;
}

export interface Indicators {
  from: string;
  to: string;
  asOf: string;
  targets: IndicatorTargets;
  received: number;
  headline: Record<HeadlineKey, RateIndicator>;
  byKind: CountRow[];
  byCategory: CountRow[];
  byChannel: CountRow[];
  byBuilding: CountRow[];
  byDepartment: CountRow[];
  /** Complaints by category, most first: the Pareto of what residents complain about. */
  complaintsByCategory: CountRow[];
  /** Minutes from report to first response, paused time excluded. */
  firstResponseMinutes: Distribution;
  /** Hours from report to resolution on the wall clock, paused time excluded (limits counted in hours or minutes). */
  resolutionHours: Distribution;
  /** Working days from report to resolution, paused working time excluded (limits counted in working days). */
  resolutionWorkingDays: Distribution;
  milestones: { milestone: SlaMilestone; planned: number; warned: number; breached: number }[];
  extensions: ExtensionCounts;
  reopen: ReopenFigures;
  invalidComplaints: InvalidComplaintCounts & { lateTicketIds: string[] };
  escalations: { level1: number; level2: number; ticketIds: string[] };
  handlers: HandlerRow[];
}
