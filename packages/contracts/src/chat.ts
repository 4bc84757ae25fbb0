/** The resident's WeChat customer-service conversation as the ticket page shows it (docs/wechat-chat.md). */
export interface ChatMessageDto {
  id: string;
  direction: 'in' | 'out';
  /** text, image, miniprogrampage, enter. */
  type: string;
  text: string;
  card: { title: string; pagePath: string } | null;
  /** Who wrote an outgoing reply: the staff member's name; null for the resident and the bot. */
  authorName: string | null;
  /** received (from the resident), chat (sent in the chat), notification (window closed: sent by subscribe message / inbox), undelivered. */
  delivery: 'received' | 'chat' | 'notification' | 'undelivered';
  createdAt: string;
}

export interface ChatReplyRequest {
  text: string;
}

export const CHAT_REPLY_MAX = 300;
