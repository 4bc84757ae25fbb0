import type { ChatMessageDto, ChatReplyRequest } from '..';
import { get, post } from './endpoint';

/** chat: the routes its controllers declare (chat). */
export const chatEndpoints = {
  ticketChat: get('/api/tickets/:id/chat')<void, ChatMessageDto[]>(),
  reply: post('/api/tickets/:id/chat-replies')<ChatReplyRequest, ChatMessageDto[]>(),
};
