import type { Page } from './paging';
/** The in-app inbox (消息中心): the channel that always reaches a user, whatever WeChat allows. */
export enum NotificationKind {
  /** A ticket was dispatched, assigned or transferred to the recipient. */
  TicketAssigned = 'ticket_assigned',
  /** A ticket the recipient reported or handles moved on. */
  TicketUpdated = 'ticket_updated',
  /** A time limit of a ticket the recipient handles is about to run out. */
  SlaWarning = 'sla_warning',
  /** A time limit ran out and the ticket was escalated to the recipient. */
  SlaEscalated = 'sla_escalated',
  /** A notice to residents of a community or building, e.g. a planned water or power cut (docs/domain-rules.md §11). */
  Notice = 'notice',
  /** A ticket of the recipient's was resolved: please rate it (满意 / 基本满意 / 不满意). */
  RateRequest = 'rate_request',
  /** An invitation (or reminder) to answer a satisfaction questionnaire (docs/domain-rules.md §9). */
  SurveyInvite = 'survey_invite',
  /** A festival greeting card from the community (docs/domain-rules.md §10). */
  CareGreeting = 'care_greeting',
}

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  [NotificationKind.TicketAssigned]: '新工单',
  [NotificationKind.TicketUpdated]: '工单进度',
  [NotificationKind.SlaWarning]: '时限预警',
  [NotificationKind.SlaEscalated]: '超时升级',
  [NotificationKind.Notice]: '通知公告',
  [NotificationKind.RateRequest]: '服务评价',
  [NotificationKind.SurveyInvite]: '满意度调查',
  [NotificationKind.CareGreeting]: '节日问候',
};

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** The ticket it is about, to open from the inbox. */
  ticketId: string | null;
  createdAt: string;
  read: boolean;
}

/** GET /api/notifications: newest first, at most `limit` (default 50), older than `before` when given. */
/** A page of the inbox (newest first) with the unread count of the whole inbox. */
export interface NotificationPageDto extends Page<NotificationDto> {
  unread: number;
}

/** POST /api/notifications/read: these ids, or everything when `all`. Only the caller's own are touched. */
export interface MarkReadRequest {
  ids?: string[];
  all?: boolean;
}

export interface UnreadCountDto {
  unread: number;
}
