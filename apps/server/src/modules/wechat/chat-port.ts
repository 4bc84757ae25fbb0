/**
 * The seam between WeChat's customer-service plumbing (message push in, custom/send out, the session
 * window and its quotas) and the conversation the product holds with a resident (intake, ratings,
 * questionnaires). The wechat module implements ChatSender and ChatInboxRegistry; the chat module
 * registers one ChatInboxHandler and sends through ChatSender. Neither side knows the other's tables.
 */

/** One message or event a resident sent in the mini-program's customer-service chat, verified and deduplicated. */
export interface ChatInbound {
  /** Stable key of the push (MsgId, or FromUserName + CreateTime + Event for events): handled once. */
  key: string;
  openid: string;
  kind: 'text' | 'image' | 'miniprogrampage' | 'enter';
  /** text: the message text. */
  text?: string;
  /** enter (user_enter_tempsession): the `session-from` the contact button set. */
  sessionFrom?: string;
  /** image: WeChat's media id and picture URL. */
  mediaId?: string;
  picUrl?: string;
  /** miniprogrampage: the card the resident shared. */
  pagePath?: string;
  title?: string;
  /** WeChat's CreateTime. */
  sentAt: Date;
}

/** What the product sends into the chat (cgi-bin/message/custom/send). */
export type ChatOutbound =
  | { type: 'text'; text: string }
  | { type: 'image'; mediaId: string }
  | { type: 'link'; title: string; description: string; url: string; thumbUrl?: string }
  | { type: 'miniprogrampage'; title: string; pagePath: string; thumbMediaId?: string };

/** A send either went, or did not because WeChat would refuse it (window closed, quota used) or failed. */
export type ChatSendOutcome =
  | { sent: true }
  | { sent: false; reason: 'window_closed' | 'quota_exhausted' | 'failed'; errcode?: number };

/** Where a resident's session window stands now: whether a message may go, and how many more. */
export interface ChatWindowState {
  open: boolean;
  remaining: number;
  closesAt: Date | null;
}

export abstract class ChatSender {
  /** Sends one message, never one WeChat would refuse: checks and counts the window first. */
  abstract send(openid: string, message: ChatOutbound): Promise<ChatSendOutcome>;
  /** The typing indicator (does not count against the quota). */
  abstract typing(openid: string, on: boolean): Promise<void>;
  abstract window(openid: string, now: Date): Promise<ChatWindowState>;
}

export interface ChatInboxHandler {
  /** Handles one inbound message; throwing leaves it to be retried by the inbound worker. */
  handle(message: ChatInbound): Promise<void>;
}

export abstract class ChatInboxRegistry {
  /** The chat module registers its handler at startup; inbound messages wait until one is registered. */
  abstract register(handler: ChatInboxHandler): void;
}
