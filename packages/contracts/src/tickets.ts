import { SlaMilestone, SlaState } from './sla';

/** Ticket kinds (domain.md §5). */
export enum TicketKind {
  RepairHome = 'repair_home',
  RepairCommon = 'repair_common',
  Complaint = 'complaint',
  Inquiry = 'inquiry',
  Suggestion = 'suggestion',
  Praise = 'praise',
}

export const TICKET_KIND_LABELS: Record<TicketKind, string> = {
  [TicketKind.RepairHome]: '户内报修',
  [TicketKind.RepairCommon]: '公共报修',
  [TicketKind.Complaint]: '投诉',
  [TicketKind.Inquiry]: '咨询',
  [TicketKind.Suggestion]: '建议',
  [TicketKind.Praise]: '表扬',
};

/** Ticket statuses. The transitions between them live in @linli/domain (ticket-state-machine). */
export enum TicketStatus {
  Submitted = 'submitted',
  Assigned = 'assigned',
  Accepted = 'accepted',
  OnSite = 'on_site',
  /** Work stopped because of the resident (access, a chosen time) or parts: the time limits pause. */
  OnHold = 'on_hold',
  Resolved = 'resolved',
  Closed = 'closed',
  Cancelled = 'cancelled',
}

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  [TicketStatus.Submitted]: '已提交',
  [TicketStatus.Assigned]: '待受理',
  [TicketStatus.Accepted]: '已受理',
  [TicketStatus.OnSite]: '处理中',
  [TicketStatus.OnHold]: '已挂起',
  [TicketStatus.Resolved]: '待确认',
  [TicketStatus.Closed]: '已完成',
  [TicketStatus.Cancelled]: '已取消',
};

/** What someone does to a ticket. Each action is one row family in the domain transition table. */
export enum TicketAction {
  Submit = 'submit',
  Assign = 'assign',
  Accept = 'accept',
  Arrive = 'arrive',
  Resolve = 'resolve',
  Confirm = 'confirm',
  Reopen = 'reopen',
  Cancel = 'cancel',
  Hold = 'hold',
  Resume = 'resume',
  /** The assignee hands the ticket to a colleague serving the same building. */
  Transfer = 'transfer',
  /** The system closes a resolved ticket the resident did not answer in time. */
  AutoClose = 'auto_close',
  /** Recorded by the time-limit sweep, not taken by a person: a limit is about to run out. */
  SlaWarning = 'sla_warning',
  /** Recorded by the sweep: a limit ran out and the ticket goes to the supervisor (level 1) or the company manager (level 2). */
  Escalate = 'escalate',
}

/** Actions only the system takes; a person asking for one is refused. */
export const SYSTEM_ACTIONS: readonly TicketAction[] = [TicketAction.AutoClose, TicketAction.SlaWarning, TicketAction.Escalate];

export const TICKET_ACTION_LABELS: Record<TicketAction, string> = {
  [TicketAction.Submit]: '提交',
  [TicketAction.Assign]: '派单',
  [TicketAction.Accept]: '受理',
  [TicketAction.Arrive]: '到场',
  [TicketAction.Resolve]: '处理完成',
  [TicketAction.Confirm]: '确认完成',
  [TicketAction.Reopen]: '不满意，退回',
  [TicketAction.Cancel]: '取消',
  [TicketAction.Hold]: '挂起',
  [TicketAction.Resume]: '恢复处理',
  [TicketAction.Transfer]: '转派',
  [TicketAction.AutoClose]: '超时自动完成',
  [TicketAction.SlaWarning]: '时限预警',
  [TicketAction.Escalate]: '超时升级',
};

/** Why work is on hold (the clock pauses only for these: domain.md §6). */
export enum HoldReason {
  WaitingResident = 'waiting_resident',
  ResidentAppointment = 'resident_appointment',
  WaitingParts = 'waiting_parts',
}

export const HOLD_REASON_LABELS: Record<HoldReason, string> = {
  [HoldReason.WaitingResident]: '等待住户（无法入户等）',
  [HoldReason.ResidentAppointment]: '住户约定了其他时间',
  [HoldReason.WaitingParts]: '等待配件',
};

export enum Channel {
  MiniProgram = 'mini_program',
  Hotline = 'hotline',
  WalkIn = 'walk_in',
  Patrol = 'patrol',
  WechatChat = 'wechat_chat',
}

export interface TicketCategoryDto {
  code: string;
  name: string;
  kind: TicketKind;
  /** True when this category is an emergency by default (e.g. water leak): shown highlighted. */
  emergency: boolean;
}

export const MAX_TICKET_PHOTOS = 9;
export const MAX_DESCRIPTION_LENGTH = 500;

export interface CreateTicketRequest {
  categoryCode: string;
  description: string;
  /** Ids returned by POST /api/uploads, at most MAX_TICKET_PHOTOS. */
  photoIds: string[];
  /** Client-generated key; resubmitting the same key returns the first ticket instead of a duplicate. */
  idempotencyKey: string;
  /** ISO-8601 instant the resident prefers for a visit. */
  preferredVisitAt?: string;
}

export interface TicketActionRequest {
  action: TicketAction;
  /** The version the client saw; a stale version is refused with TICKET_STALE. */
  version: number;
  /** Required for `reopen` (why the resident is not satisfied) and `hold`. */
  note?: string;
  photoIds?: string[];
  /** For `assign` (supervisor, admin) and `transfer` (assignee): the assistant who gets the ticket; must serve the ticket's building. */
  assigneeId?: string;
  /** For `hold`: why; required. */
  holdReason?: HoldReason;
}

export interface PhotoDto {
  id: string;
  url: string;
}

export interface TicketEventDto {
  id: string;
  action: TicketAction;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus;
  actorName: string;
  actorRole: string;
  note: string | null;
  at: string;
}

export interface TicketSummaryDto {
  id: string;
  code: string;
  kind: TicketKind;
  categoryCode: string;
  categoryName: string;
  description: string;
  status: TicketStatus;
  emergency: boolean;
  roomLabel: string;
  assigneeName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** The nearest unmet time limit, or null when none is running (closed, or no limit applies). */
  sla: TicketSlaDto | null;
  /** 0 none; 1 escalated to the supervisor; 2 to the company manager. */
  escalationLevel: number;
}

/** One time limit of a ticket as it stands now. */
export interface TicketMilestoneDto {
  milestone: SlaMilestone;
  /** The policy (domain.md §6 row) it comes from, e.g. 户内紧急报修. */
  policyName: string;
  /** Null while paused (on hold). */
  dueAt: string | null;
  /** 'met' once done; otherwise the live state. */
  state: SlaState | 'met';
  metAt: string | null;
  /** Wall-clock milliseconds left (negative when late); while paused, what is left of the limit. */
  remainingMs: number | null;
}

/** The milestone the countdown shows. */
export type TicketSlaDto = Omit<TicketMilestoneDto, 'policyName' | 'metAt'> & { state: SlaState };

export interface TicketDetailDto extends TicketSummaryDto {
  photos: PhotoDto[];
  events: TicketEventDto[];
  preferredVisitAt: string | null;
  /** Actions the current user may take now (computed by the domain state machine). */
  allowedActions: TicketAction[];
  milestones: TicketMilestoneDto[];
  holdReason: HoldReason | null;
  /** How many times the resident sent the work back (a second round is normal). */
  reopenCount: number;
}

/** GET /api/tickets/community?filter=: which of the community's tickets a supervisor lists. */
export enum CommunityTicketFilter {
  Open = 'open',
  /** Open tickets with a limit at warning or breached, or escalated: the at-risk list. */
  AtRisk = 'at_risk',
  Done = 'done',
  All = 'all',
}

export const COMMUNITY_TICKET_FILTER_LABELS: Record<CommunityTicketFilter, string> = {
  [CommunityTicketFilter.Open]: '处理中',
  [CommunityTicketFilter.AtRisk]: '预警/超时',
  [CommunityTicketFilter.Done]: '已结束',
  [CommunityTicketFilter.All]: '全部',
};

/** GET /api/tickets/:id/assignees: who may take the ticket over (assistants of its building), least loaded first. */
export interface AssigneeOptionDto {
  id: string;
  name: string;
  openTickets: number;
}
