import Taro from '@tarojs/taro';
import {
  ChatEndpoints,
  DEMO_OPENIDS,
  DemoPersona,
  ERROR_MESSAGES,
  ErrorCode,
} from '@linli/contracts';
import { API_BASE, ApiRequestError } from '../request/http';
import { createClient } from '../request/client';
import type { LocalChatEntry } from '../chat/chat-view';

/** The WeChat customer-service chat's requests (docs/wechat-chat.md), generated from the endpoint map:
 * `ticketChat(ticketId)` the conversation about a ticket; `reply(ticketId, body)` the assignee or a
 * supervisor answers the resident (into the chat, or as a notification when its window is closed). */
export const chatApi = createClient(ChatEndpoints);

const PERSONA_KEY = 'linli.demoPersona';

/** Demo mode: which persona is signed in, so the demo chat window writes to WeChat as that person. */
export const demoPersona = {
  save(persona: DemoPersona): void {
    Taro.setStorageSync(PERSONA_KEY, persona);
  },
  openid(): string | null {
    const value: unknown = Taro.getStorageSync(PERSONA_KEY);
    return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DEMO_OPENIDS, value)
      ? DEMO_OPENIDS[value as DemoPersona]
      : null;
  },
};

/**
 * Demo mode only: the local WeChat server's chat (served by the product on its own origin under /__local,
 * docs/wechat-push.md). A message sent here reaches the product as WeChat's signed push would.
 */
async function local<T>(method: 'GET' | 'POST', path: string, data?: object): Promise<T> {
  let response: Taro.request.SuccessCallbackResult<Record<string, unknown>>;
  try {
    response = await Taro.request<Record<string, unknown>>({
      url: `${API_BASE}/__local/chat/users/${path}`,
      method,
      data,
      header: { 'Content-Type': 'application/json' },
      dataType: 'json',
      timeout: 20000,
    });
  } catch {
    throw new ApiRequestError(
      { code: ErrorCode.NETWORK, message: ERROR_MESSAGES[ErrorCode.NETWORK] },
      0,
    );
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data as unknown as T;
  throw new ApiRequestError(
    { code: ErrorCode.NETWORK, message: '模拟微信暂时不可用，请稍后再试' },
    response.statusCode,
  );
}

export const localChat = {
  conversation: (openid: string) =>
    local<{ openid: string; entries: LocalChatEntry[] }>(
      'GET',
      `${encodeURIComponent(openid)}/conversation`,
    ).then((r) => r.entries),
  enter: (openid: string, sessionFrom: string) =>
    local<{ delivered: boolean }>('POST', `${encodeURIComponent(openid)}/enter`, { sessionFrom }),
  say: (openid: string, text: string) =>
    local<{ delivered: boolean }>('POST', `${encodeURIComponent(openid)}/messages`, {
      type: 'text',
      text,
    }),
};
