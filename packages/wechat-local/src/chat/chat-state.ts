/**
 * The simulated residents of the customer-service chat and WeChat's rules for writing to them:
 * after a user's message 5 messages within 48 hours, after entering the session 2 within 1 minute;
 * the windows do not accumulate (the latest action alone counts).
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/customer-message/sendCustomMessage.html
 */
export const CHAT_RULES = {
  message: { quota: 5, windowMs: 48 * 3600_000 },
  enter: { quota: 2, windowMs: 60_000 },
} as const;

/** What a simulated user writes (or does) in the chat. */
export type UserChatMessage =
  | { type: 'text'; text: string }
  | { type: 'image' }
  | { type: 'miniprogrampage'; pagePath: string; title: string }
  | { type: 'enter'; sessionFrom: string };

/** One line of a conversation, in either direction, in order. `at` is the local server's clock (ISO). */
export interface ConversationEntry {
  direction: 'in' | 'out';
  /** in: what the user did; out: what the product sent (custom/send, typing, or a hand-over reply). */
  type:
    | 'text'
    | 'image'
    | 'miniprogrampage'
    | 'enter'
    | 'link'
    | 'typing'
    | 'transfer_customer_service';
  text?: string;
  sessionFrom?: string;
  mediaId?: string;
  picUrl?: string;
  pagePath?: string;
  title?: string;
  description?: string;
  url?: string;
  typing?: boolean;
  /** in: whether the product acknowledged the push (after WeChat's retries). */
  delivered?: boolean;
  at: string;
}

interface ChatUser {
  openid: string;
  lastAction: { kind: 'message' | 'enter'; at: number } | null;
  sentSince: number;
  conversation: ConversationEntry[];
}

export class ChatState {
  private readonly users = new Map<string, ChatUser>();

  constructor(private readonly now: () => number) {}

  user(openid: string, create = false): ChatUser | undefined {
    let user = this.users.get(openid);
    if (!user && create) {
      user = { openid, lastAction: null, sentSince: 0, conversation: [] };
      this.users.set(openid, user);
    }
    return user;
  }

  /** The user wrote or entered: their window starts over (it does not accumulate). */
  act(openid: string, kind: 'message' | 'enter', at: number): ChatUser {
    const user = this.user(openid, true)!;
    user.lastAction = { kind, at };
    user.sentSince = 0;
    return user;
  }

  /** WeChat's answer to a send now: 0 (and counted), 40003 unknown user, 45015 out of time, 45047 over quota. */
  admit(openid: string, count: boolean): 0 | 40003 | 45015 | 45047 {
    const user = this.users.get(openid);
    if (!user) return 40003;
    if (!user.lastAction) return 45015;
    const rule = CHAT_RULES[user.lastAction.kind];
    if (this.now() > user.lastAction.at + rule.windowMs) return 45015;
    if (user.sentSince >= rule.quota) return 45047;
    if (count) user.sentSince += 1;
    return 0;
  }

  record(openid: string, entry: Omit<ConversationEntry, 'at'>): ConversationEntry {
    const full = { ...entry, at: new Date(this.now()).toISOString() };
    this.user(openid, true)!.conversation.push(full);
    return full;
  }

  conversation(openid: string): ConversationEntry[] {
    return this.users.get(openid)?.conversation ?? [];
  }
}
