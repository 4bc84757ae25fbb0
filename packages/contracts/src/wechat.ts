import type { Page } from './paging';
import { NotificationKind } from './notifications';

/** GET /api/wechat/subscribe-templates: the subscribe-message templates to ask for, per kind of message. */
export interface SubscribeTemplatesDto {
  templates: { kind: NotificationKind; templateId: string }[];
}

/** What wx.requestSubscribeMessage answered for each template id. */
export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';

/** POST /api/wechat/subscriptions: the mini-program reports the user's answers; each 'accept' allows one message. */
export interface SubscriptionResultsRequest {
  results: Record<string, SubscribeAnswer>;
}

export interface SubscriptionCreditsDto {
  /** Messages the user may still receive on WeChat, per template id. */
  credits: Record<string, number>;
}

/** Whether a person can be reached on WeChat, as staff see it (the in-app inbox always works). */
export enum WechatReach {
  /** No WeChat account bound: only a phone call reaches them. */
  Unbound = 'unbound',
  /** Bound, but no subscription left: messages reach the in-app inbox only. */
  InboxOnly = 'inbox_only',
  /** Has subscriptions left: the next message reaches their WeChat. */
  Wechat = 'wechat',
}

export const WECHAT_REACH_LABELS: Record<WechatReach, string> = {
  [WechatReach.Unbound]: '未绑定微信',
  [WechatReach.InboxOnly]: '仅站内消息',
  [WechatReach.Wechat]: '可收微信通知',
};

/** The states of a WeChat message in the outbox. */
export type OutboxStatusName = 'pending' | 'sending' | 'sent' | 'revoked' | 'dead';

export const OUTBOX_STATUS_LABELS: Record<OutboxStatusName, string> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已送达',
  revoked: '用户已拒收',
  dead: '发送失败',
};

/** GET /api/admin/outbox?status=dead: the outbox as an admin sees it, newest first. */
export interface OutboxItemDto {
  id: string;
  kind: NotificationKind;
  recipientName: string;
  templateId: string;
  status: OutboxStatusName;
  attempts: number;
  /** Why it failed (WeChat's errcode and message, or ours). */
  lastError: string | null;
  /** The ticket's code the message was about, when it was about one. */
  ticketCode: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** A page of one state's messages (newest first) with how many messages are in each state. */
export interface OutboxPageDto extends Page<OutboxItemDto> {
  /** How many messages are in each state. */
  counts: Record<OutboxStatusName, number>;
}

export enum CallTaskStatus {
  Open = 'open',
  Done = 'done',
  /** Ended by itself: what the call asked for happened, or it became pointless; `outcome` says why. */
  Ended = 'ended',
}

/** What a phone task asks for: decides when it ends by itself (domain call-task-rules). */
export enum CallTaskPurpose {
  /** Tell the assignee an emergency was dispatched to them, so they accept it. */
  AcceptTicket = 'accept_ticket',
  /** Tell the resident of an emergency's progress. */
  TellResident = 'tell_resident',
}

/**
 * A phone call staff must make because WeChat cannot carry an emergency's news: the person has no
 * subscription left (or no WeChat at all). GET /api/call-tasks lists the open ones for the caller.
 */
export interface CallTaskDto {
  id: string;
  ticketId: string | null;
  ticketCode: string | null;
  /** Whom to call. */
  calleeName: string;
  calleePhone: string | null;
  /** What to tell them. */
  reason: string;
  /** Who should call; null: whoever of the management office is on duty. */
  callerName: string | null;
  status: CallTaskStatus;
  purpose: CallTaskPurpose;
  createdAt: string;
  /** When it was done, or ended by itself. */
  doneAt: string | null;
  /** What came of the call, or (ended) why it is no longer needed. */
  outcome: string | null;
}

/** POST /api/call-tasks/:id/done: what came of the call. */
export interface CallTaskDoneRequest {
  outcome: string;
}
