import type { LocalChat } from './chat/local-chat';
import type { DeliveredMessage } from './platform-state';

/** What the local server remembers about each request it answered, for tests to assert on. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. '/sns/jscode2session'. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, when the request had one. */
  body?: unknown;
  /** Status and body sent back (undefined when a 'timeout' failure swallowed the request). */
  status?: number;
  response?: unknown;
  /** Milliseconds since the epoch, from the server's clock. */
  at: number;
  /** For a request held by a 'timeout' failure: when the caller gave up and closed the connection. */
  abandonedAt?: number;
}

/** WeChat's error body: `{ errcode, errmsg }` (errcode 0 means success on the endpoints that send it). */
export interface WechatErrorBody {
  errcode: number;
  errmsg: string;
}

/** A failure the next matching requests get instead of a real answer. */
export type InjectedFailure = number | 'timeout';

export interface LocalWechatOptions {
  /** Port to listen on; 0 or unset picks a free one. Always binds to 127.0.0.1. */
  port?: number;
  appid: string;
  secret: string;
  /** Clock for code expiry (ms since epoch). Defaults to the real clock: this stands in for an outside service. */
  now?: () => number;
  /** How long a minted login code stays valid. WeChat: 5 minutes. */
  codeTtlMs?: number;
  /** Milliseconds every answer is held back, like WeChat's round trip (default 0). */
  latencyMs?: number;
}

export interface LocalWechatServer {
  /** Base URL to use instead of https://api.weixin.qq.com, e.g. http://127.0.0.1:40123 */
  url: string;
  close(): Promise<void>;
  /** What wx.login() would hand the mini-program for this user: a single-use code valid for 5 minutes. */
  mintCode(openid: string, options?: { unionid?: string }): string;
  /** Every request received, oldest first. */
  received: RecordedRequest[];
  /**
   * Make the next `count` requests (to `path`, or to any path) fail: with WeChat's error body for an
   * errcode (e.g. 45011, 40226, -1), or, for 'timeout', by never answering.
   */
  failNext(failure: InjectedFailure, count?: number, path?: string): void;
  /**
   * From now on, answer this share (0–1) of requests to `path` with one of `failures`, chosen at
   * random (e.g. 0.3 of subscribe/send with -1, 45009 or 'timeout'). 0 stops it.
   */
  failRandomly(
    share: number,
    failures: InjectedFailure[],
    path: string,
    random?: () => number,
  ): void;
  /** The user refused or revoked subscriptions (to one template, or '*' for all): sends get 43101. */
  revoke(openid: string, templateId?: string): void;
  /** Every issued access token stops working (40001), as after a forced refresh elsewhere. */
  expireTokens(): void;
  /** What the getPhoneNumber button would hand the mini-program for this phone number. */
  mintPhoneCode(phone: string): string;
  /** From now on hold every answer back this many milliseconds (WeChat's round trip from a server is tens of ms). */
  setLatency(ms: number): void;
  /** Subscribe messages accepted, oldest first. */
  delivered: DeliveredMessage[];
  /** The customer-service chat: simulated users, pushes to the product, what the product sent them. */
  chat: LocalChat;
  /** Moves this server's clock forward (also POST /__local/clock {advanceMs}); returns the new time (ms). */
  advanceClock(ms: number): number;
  /** From now on read time from this source (the product's business clock in demo mode, so pushes' CreateTime agree with it). */
  useClock(now: () => number): void;
}

export type { DeliveredMessage };
