export { startLocalWechatServer } from './server';
export { WECHAT_ERRORS } from './errors';
export type {
  DeliveredMessage,
  InjectedFailure,
  LocalWechatOptions,
  LocalWechatServer,
  RecordedRequest,
  WechatErrorBody,
} from './types';
export type { LocalChat } from './chat/local-chat';
export type { PushTarget, PushResult, PushAttempt } from './chat/pusher';
export type { ConversationEntry, UserChatMessage } from './chat/chat-state';
export { CHAT_RULES } from './chat/chat-state';
