import { WechatReach } from './wechat';
import { SlaMilestone, SlaState } from './sla';
import type { WorkOrderDto } from './work-orders';
import type { TicketExtensionDto } from './ticket-categories';
import type { Page } from './paging';

/** Ticket kinds (docs/domain-rules.md §5). */
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
  /** A complaint judged outside the company's remit (developer, environment, municipal): the explanation to the resident is due. */
  Invalid = 'invalid',
  /** Handed to the developer or an outside agency and followed until it is fixed: the company's clock pauses. */
  Forwarded = 'forwarded',
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
  [TicketStatus.Invalid]: '无效投诉待答复',
  [TicketStatus.Forwarded]: '已转交外部单位',
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
  /** A complaint is judged invalid (not the company's remit); the note says why. */
  MarkInvalid = 'mark_invalid',
  /** The explanation of an invalid complaint, sent to the resident (within 1 working day). */
  Reply = 'reply',
  /** Handed to the developer or an outside agency; the note says to whom and what. */
  Forward = 'forward',
  /** A follow-up with the outside party, recorded while forwarded. */
  FollowUp = 'follow_up',
  /** Recorded, not a transition: the handler asks for a later deadline (docs/domain-rules.md §6: only with approval). */
  RequestExtension = 'request_extension',
  /** Recorded: the supervisor approved the extension; the milestone's deadline moves. */
  ApproveExtension = 'approve_extension',
  /** By the system: a report of a planned cut closed together with its notice when supply is back. */
  OutageClose = 'outage_close',
  /** Recorded: the handler cannot solve it and sends it up with an escalation slip (工作传签单, docs/domain-rules.md §7). */
  EscalationSlip = 'escalation_slip',
  /** Recorded: the supervisor issued a work order (工作安排通知单) to a department about this ticket. */
  WorkOrder = 'work_order',
  /** Recorded: the department reported the work order done. */
  WorkOrderDone = 'work_order_done',
  /** Recorded: staff changed the urgency or severity; the time limits were planned again. */
  Reclassify = 'reclassify',
  /** Recorded: the supervisor refused it, with the reason; the deadline stands. */
  RejectExtension = 'reject_extension',
  /** Recorded: the resident chases (催办) a ticket that is late or close to it; the handler is told. */
  Chase = 'chase',
  /** Recorded: the supervisor urges (督办) the handler, with what to do; the handler is told. */
  Urge = 'urge',
}

/** Actions only the system takes; a person asking for one is refused. */
export const SYSTEM_ACTIONS: readonly TicketAction[] = [
  TicketAction.AutoClose,
  TicketAction.SlaWarning,
  TicketAction.Escalate,
  TicketAction.OutageClose,
];

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
  [TicketAction.MarkInvalid]: '判定无效投诉',
  [TicketAction.Reply]: '答复住户',
  [TicketAction.Forward]: '转交开发商/外部单位',
  [TicketAction.FollowUp]: '记录跟进',
  [TicketAction.RequestExtension]: '申请延期',
  [TicketAction.ApproveExtension]: '批准延期',
  [TicketAction.Reclassify]: '调整紧急/严重程度',
  [TicketAction.OutageClose]: '随停水停电通知关闭',
  [TicketAction.EscalationSlip]: '填写工作传签单',
  [TicketAction.WorkOrder]: '下达工作安排通知单',
  [TicketAction.WorkOrderDone]: '工作安排已完成',
  [TicketAction.RejectExtension]: '驳回延期',
  [TicketAction.Chase]: '催办',
  [TicketAction.Urge]: '督办',
};

/** Why work is on hold (the clock pauses only for these: docs/domain-rules.md §6). */
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

export const CHANNEL_LABELS: Record<Channel, string> = {
  [Channel.MiniProgram]: '小程序',
  [Channel.Hotline]: '24 小时热线',
  [Channel.WalkIn]: '服务中心来访',
  [Channel.Patrol]: '巡查发现',
  [Channel.WechatChat]: '微信客服',
};

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

/** The channels staff take a request through on a resident's behalf (the mini-program is the resident's own). */
export const STAFF_CHANNELS: readonly Channel[] = [
  Channel.Hotline,
  Channel.WalkIn,
  Channel.Patrol,
  Channel.WechatChat,
];

/**
 * POST /api/tickets/on-behalf: staff register a request received by phone, at the desk, on patrol or in
 * WeChat chat (首接责任制: the receiver owns it until it is handed on). The contact is whoever called.
 */
export interface CreateTicketOnBehalfRequest extends CreateTicketRequest {
  householdId: string;
  channel: Channel;
  contactName: string;
  contactPhone: string;
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

/** A ticket's photo, with the timeline entry it came with: the report (报事照片) or, e.g., the resolve (处理结果). */
export interface TicketPhotoDto extends PhotoDto {
  eventId: string | null;
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
  /** Urgent (an emergency): shown highlighted and timed by the urgent limits. */
  emergency: boolean;
  /** Serious: timed by the stricter limit where the table has one (e.g. a serious staff-attitude complaint). */
  serious: boolean;
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

/** What the assistant's 首页 counts of their whole queue (the list itself comes a page at a time). */
export interface QueueCountsDto {
  /** Waiting to be taken: submitted or assigned. */
  pending: number;
  /** Being worked on: accepted, on site or on hold. */
  inProgress: number;
  /** Late: the running limit has passed, or the ticket was escalated for it. */
  late: number;
}

/**
 * GET /api/tickets/queue: a page of the assistant's open tickets by the nearest live deadline, with the
 * counts of the whole queue.
 */
export interface QueuePage extends Page<TicketSummaryDto> {
  counts: QueueCountsDto;
}

/** One time limit of a ticket as it stands now. */
export interface TicketMilestoneDto {
  milestone: SlaMilestone;
  /** The policy (docs/domain-rules.md §6 row) it comes from, e.g. 户内紧急报修. */
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
  photos: TicketPhotoDto[];
  events: TicketEventDto[];
  preferredVisitAt: string | null;
  /** Actions the current user may take now (computed by the domain state machine). */
  allowedActions: TicketAction[];
  milestones: TicketMilestoneDto[];
  holdReason: HoldReason | null;
  /** How many times the resident sent the work back (a second round is normal). */
  reopenCount: number;
  /** Staff only (null for residents): who reported it, their phone, and whether WeChat reaches them now. */
  reporter: { name: string; phone: string | null; wechatReach: WechatReach } | null;
  /** How the request came in. */
  channel: Channel;
  /** Staff only: for a request staff registered, who received it and whom to call back. */
  intake: {
    receivedByName: string;
    contactName: string | null;
    contactPhone: string | null;
  } | null;
  /** Staff only: the deadline extension requests of this ticket, newest first (empty for residents). */
  extensions: TicketExtensionDto[];
  /** What the current user may do about extensions now: ask for one (the assignee), decide the pending one (its supervisor). */
  extensionActions: { request: boolean; decide: boolean };
  /** The handler or the supervisor may change urgency and severity now. */
  canClassify: boolean;
  /** A report of a planned cut: linked to its notice, not dispatched, closed when supply is back. */
  outage: { id: string; title: string; endsAt: string } | null;
  /** The assignee may send it up with an escalation slip; the supervisor may issue a work order about it. */
  canEscalate: boolean;
  canIssueWorkOrder: boolean;
  /** Work orders issued about this ticket (staff only). */
  workOrders: WorkOrderDto[];
}

/** GET /api/tickets/community?filter=: which of the community's tickets a supervisor lists. */
export enum CommunityTicketFilter {
  Open = 'open',
  /** Open tickets with a limit at warning or breached, or escalated: the at-risk list. */
  AtRisk = 'at_risk',
  Done = 'done',
  All = 'all',
  /** A department head's queue: open tickets of the categories their department handles. */
  Department = 'department',
}

/** What 首页 shows of a community's open list (its whole matching set, not the page). */
export interface CommunityTicketCountsDto {
  /** Every ticket of the list (处理中 for `open`). */
  total: number;
  /** The running limit is close (即将超时). */
  warning: number;
  /** The running limit has passed, or the ticket was escalated (已超时). */
  late: number;
  /** Nobody has it (未派单). */
  unassigned: number;
  /** Needs a supervisor now: escalated, breached or warning. */
  attention: number;
}

/**
 * GET /api/tickets/community: a page of the community's tickets. The open lists (`open`, `at_risk`,
 * `department`) page in the queue's order (nearest live deadline first) and carry `counts` of their whole
 * list; the history (`done`, `all`) pages newest first, without counts.
 */
export interface CommunityTicketsPage extends Page<TicketSummaryDto> {
  counts?: CommunityTicketCountsDto;
}

export const COMMUNITY_TICKET_FILTER_LABELS: Record<CommunityTicketFilter, string> = {
  [CommunityTicketFilter.Open]: '处理中',
  [CommunityTicketFilter.AtRisk]: '预警/超时',
  [CommunityTicketFilter.Done]: '已结束',
  [CommunityTicketFilter.All]: '全部',
  [CommunityTicketFilter.Department]: '本部门',
};

/** GET /api/tickets/:id/assignees: who may take the ticket over (assistants of its building), least loaded first. */
export interface AssigneeOptionDto {
  id: string;
  name: string;
  openTickets: number;
}
