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
