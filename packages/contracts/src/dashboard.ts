/**
 * 数据看板 and the reports (the domain brief, "Indicators and reports"): the figures a supervisor steers
 * by, for one community (a department head: their department's share of it), or side by side for the
 * company's communities. Rates are fractions (0.9375 = 93.75%); null means 暂无数据.
 */

export type IndicatorKey =
  'emergencyResponse' | 'complaintResolve' | 'satisfaction' | 'callbackCoverage' | 'surveyResponse';

export const INDICATOR_KEYS: readonly IndicatorKey[] = [
  'emergencyResponse',
  'complaintResolve',
  'satisfaction',
  'callbackCoverage',
  'surveyResponse',
];

export interface HeadlineIndicatorDto {
  key: IndicatorKey;
  /** E.g. "紧急报修 30 分钟内响应率". */
  label: string;
  numerator: number;
  denominator: number;
  rate: number | null;
  target: number;
  /** null: nothing to judge (暂无数据). */
  met: boolean | null;
  /** False when this installation records nothing the figure needs yet. */
  available: boolean;
  /** Tickets counted against the target, and those still within their limit. */
  missed: number;
  pending: number;
}

export interface CountRowDto {
  key: string;
  label: string;
  count: number;
}

export interface DistributionDto {
  count: number;
  median: number | null;
  p90: number | null;
}

export interface AssistantRowDto {
  userId: string;
  name: string;
  /** Open tickets assigned now, and how many of them are past a limit. */
  open: number;
  late: number;
  /** Of the month's tickets: resolved by them, and the share with no limit breached. */
  resolved: number;
  onTimeShare: number | null;
  dissatisfied: number;
}

export interface DepartmentLoadDto {
  department: string;
  label: string;
  open: number;
  late: number;
}

export interface TrendPointDto {
  month: string;
  received: number;
  emergencyResponse: number | null;
  complaintResolve: number | null;
  satisfaction: number | null;
}

/** Extension requests on the cohort's tickets, by how they stand. */
export interface ExtensionCounts {
  asked: number;
  approved: number;
  rejected: number;
  pending: number;
}

/** Rectification rounds among the cohort's resolved tickets. */
export interface ReopenFigures {
  resolved: number;
  reopened: number;
  rate: number | null;
  rounds: number;
}

/** Complaints marked invalid, and whether the explanation went out within its limit. */
export interface InvalidComplaintCounts {
  count: number;
  answeredOnTime: number;
  answeredLate: number;
  unansweredLate: number;
  pending: number;
}

export interface DashboardDto {
  scope: {
    communityId: string;
    communityName: string;
    department: string | null;
    departmentLabel: string | null;
  };
  /** 'YYYY-MM' (China time) and its instants; asOf is when the figures were computed. */
  period: { month: string; from: string; to: string; asOf: string };
  received: number;
  headline: HeadlineIndicatorDto[];
  byKind: CountRowDto[];
  byCategory: CountRowDto[];
  byChannel: CountRowDto[];
  byBuilding: CountRowDto[];
  byDepartment: CountRowDto[];
  /** Complaints by category, most first (the Pareto chart). */
  complaintsByCategory: CountRowDto[];
  firstResponseMinutes: DistributionDto;
  resolutionHours: DistributionDto;
  resolutionWorkingDays: DistributionDto;
  milestones: {
    milestone: string;
    label: string;
    planned: number;
    warned: number;
    breached: number;
  }[];
  extensions: ExtensionCounts;
  reopen: ReopenFigures;
  invalidComplaints: InvalidComplaintCounts;
  escalations: { level1: number; level2: number };
  assistants: AssistantRowDto[];
  departments: DepartmentLoadDto[];
  /** Phone tasks still open after a day. */
  overduePhoneTasks: number;
  /** The six months up to this one, oldest first. */
  trend: TrendPointDto[];
  /** Communities the caller may switch to (company admins). */
  communities: { id: string; name: string }[];
}

export interface CompanyDashboardDto {
  month: string;
  asOf: string;
  communities: {
    communityId: string;
    communityName: string;
    received: number;
    headline: HeadlineIndicatorDto[];
  }[];
}

/** One ticket behind a figure: missed (counted against the target) or pending (still within its limit). */
export interface IndicatorTicketDto {
  id: string;
  code: string;
  kindLabel: string;
  categoryName: string;
  roomLabel: string;
  statusLabel: string;
  createdAt: string;
  outcome: 'missed' | 'pending';
}

/** The figures' targets (shares 0..1): what the domain computes against and a company may change. */
export interface IndicatorTargetFigures {
  /** "Emergencies responded to within N minutes" — N, and the share aimed at. */
  emergencyResponseMinutes: number;
  emergencyResponseShare: number;
  /** "Complaints resolved within N hours" — N, and the share aimed at. */
  complaintResolveHours: number;
  complaintResolveShare: number;
  satisfactionShare: number;
  callbackCoverageShare: number;
  surveyResponseShare: number;
}

export interface IndicatorTargetsDto extends IndicatorTargetFigures {
  /** The company changed them. */
  customised: boolean;
  canEdit: boolean;
}

export type UpdateIndicatorTargetsRequest = Partial<
  Omit<IndicatorTargetsDto, 'customised' | 'canEdit'>
>;

export enum ReportKind {
  /** A department head's complaints to review this week. */
  Weekly = 'weekly',
  /** Each department's complaints (valid and invalid) with the indicators. */
  Monthly = 'monthly',
  /** Customer-service analysis across departments. */
  Quarterly = 'quarterly',
  /** The summary for management review. */
  Annual = 'annual',
}

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  [ReportKind.Weekly]: '周度投诉复核清单',
  [ReportKind.Monthly]: '月度部门投诉报告',
  [ReportKind.Quarterly]: '季度客户服务分析',
  [ReportKind.Annual]: '年度客户服务总结',
};

export interface IssueReportRequest {
  kind: ReportKind;
  /** weekly: the Monday 'YYYY-MM-DD'; monthly 'YYYY-MM'; quarterly 'YYYY-Q1'…; annual 'YYYY'. */
  period: string;
  communityId?: string;
}

export interface ReportSummaryDto {
  id: string;
  kind: ReportKind;
  kindLabel: string;
  title: string;
  period: string;
  communityName: string;
  department: string | null;
  departmentLabel: string | null;
  issuedAt: string;
  issuedByName: string;
}

/** What one run of the retention job did (GET /api/admin/retention-runs). */
export interface RetentionRunDto {
  id: string;
  /** The China date the run belongs to: one run a day, whichever instance claimed it. */
  runKey: string;
  startedAt: string;
  finishedAt: string | null;
  /** Finished records last touched before this instant were anonymised. */
  cutoff: string;
  years: number;
  /** Rows anonymised per kind of record (tickets, events, ratings, rating addenda, callbacks, callback attempts). */
  counts: RetentionCounts;
  /** One line in plain Chinese, e.g. 匿名化 2024-12-04 前办结的工单 120 件 … */
  summary: string;
}

export interface RetentionCounts {
  tickets: number;
  events: number;
  ratings: number;
  addenda: number;
  callbacks: number;
  attempts: number;
}
