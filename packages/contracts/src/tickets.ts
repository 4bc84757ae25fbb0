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
  Resolved = 'resolved',
  Closed = 'closed',
  Cancelled = 'cancelled',
}

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  [TicketStatus.Submitted]: '已提交',
  [TicketStatus.Assigned]: '待受理',
  [TicketStatus.Accepted]: '已受理',
  [TicketStatus.OnSite]: '处理中',
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
}

export const TICKET_ACTION_LABELS: Record<TicketAction, string> = {
  [TicketAction.Submit]: '提交',
  [TicketAction.Assign]: '派单',
  [TicketAction.Accept]: '受理',
  [TicketAction.Arrive]: '到场',
  [TicketAction.Resolve]: '处理完成',
  [TicketAction.Confirm]: '确认完成',
  [TicketAction.Reopen]: '不满意，退回',
  [TicketAction.Cancel]: '取消',
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
  note?: string;
  photoIds?: string[];
  /** For `assign` (supervisor, admin): the assistant who gets the ticket; must serve the ticket's building. */
  assigneeId?: string;
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
}

export interface TicketDetailDto extends TicketSummaryDto {
  photos: PhotoDto[];
  events: TicketEventDto[];
  preferredVisitAt: string | null;
  /** Actions the current user may take now (computed by the domain state machine). */
  allowedActions: TicketAction[];
}

/** GET /api/tickets/community?filter=: which of the community's tickets a supervisor lists. */
export enum CommunityTicketFilter {
  Open = 'open',
  Done = 'done',
  All = 'all',
}

export const COMMUNITY_TICKET_FILTER_LABELS: Record<CommunityTicketFilter, string> = {
  [CommunityTicketFilter.Open]: '处理中',
  [CommunityTicketFilter.Done]: '已结束',
  [CommunityTicketFilter.All]: '全部',
};
