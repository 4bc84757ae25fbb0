import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@linli/contracts';
import { AppException } from '../../common/errors/app-exception';
import { WechatEndpoint } from './wechat-endpoint';

export interface WechatSession {
  openid: string;
  sessionKey: string;
  unionid?: string;
}

/** WeChat errcodes and what they mean to our users. Anything else (-1, 5xx, timeouts) is "unavailable". */
const ERRCODES: Record<number, ErrorCode> = {
  40029: ErrorCode.AUTH_WECHAT_CODE_INVALID,
  40163: ErrorCode.AUTH_WECHAT_CODE_INVALID, // code already used
  45011: ErrorCode.AUTH_WECHAT_RATE_LIMITED,
  40226: ErrorCode.AUTH_WECHAT_RISKY_USER,
};

/** Calls the WeChat server API (real or local). One method per WeChat endpoint. */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger('WeChat');

  constructor(private readonly endpoint: WechatEndpoint) {}

  /** https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html */
  async code2Session(code: string): Promise<WechatSession> {
    const { appid, secret } = this.endpoint;
    const body = await this.get('/sns/jscode2session', {
      appid,
      secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    if (typeof body.openid === 'string' && typeof body.session_key === 'string') {
      return {
        openid: body.openid,
        sessionKey: body.session_key,
        ...(typeof body.unionid === 'string' ? { unionid: body.unionid } : {}),
      };
    }
    const errcode = typeof body.errcode === 'number' ? body.errcode : undefined;
    this.logger.warn('code2Session refused', { errcode, errmsg: body.errmsg });
    throw new AppException(
      (errcode !== undefined && ERRCODES[errcode]) || ErrorCode.AUTH_WECHAT_UNAVAILABLE,
    );
  }

  /**
   * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-access-token/getStableAccessToken.html
   * Throws AUTH_WECHAT_UNAVAILABLE when WeChat cannot be reached or refuses.
   */
  async stableToken(forceRefresh: boolean): Promise<{ token: string; expiresInSeconds: number }> {
    const { appid, secret } = this.endpoint;
    const body = await this.post(
      '/cgi-bin/stable_token',
      {},
      { grant_type: 'client_credential', appid, secret, force_refresh: forceRefresh },
    );
    if (typeof body.access_token === 'string' && typeof body.expires_in === 'number')
      return { token: body.access_token, expiresInSeconds: body.expires_in };
    this.logger.warn('stable_token refused', { errcode: body.errcode, errmsg: body.errmsg });
    throw new AppException(ErrorCode.AUTH_WECHAT_UNAVAILABLE);
  }

  /**
   * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
   * Returns WeChat's errcode (0 = sent) and msgid; a network failure or timeout is errcode -1 (retry).
   */
  async sendSubscribe(
    accessToken: string,
    message: {
      touser: string;
      templateId: string;
      page: string | null;
      data: Record<string, { value: string }>;
    },
  ): Promise<{ errcode: number; errmsg: string; msgid?: string }> {
    try {
      const body = await this.post(
        '/cgi-bin/message/subscribe/send',
        { access_token: accessToken },
        {
          touser: message.touser,
          template_id: message.templateId,
          ...(message.page ? { page: message.page } : {}),
          data: message.data,
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        },
      );
      const errcode = typeof body.errcode === 'number' ? body.errcode : -1;
      return {
        errcode,
        errmsg: String(body.errmsg ?? ''),
        ...(body.msgid !== undefined ? { msgid: String(body.msgid) } : {}),
      };
    } catch {
      return { errcode: -1, errmsg: 'WeChat unreachable or timed out' };
    }
  }

  /**
   * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/phone-number/getPhoneNumber.html
   * The number behind a getPhoneNumber code, or the errcode WeChat answered (40001 token, 40029 code).
   */
  async phoneNumber(
    accessToken: string,
    code: string,
  ): Promise<{ phone: string } | { errcode: number }> {
    const body = await this.post(
      '/wxa/business/getuserphonenumber',
      { access_token: accessToken },
      { code },
    );
    const info = body.phone_info as { purePhoneNumber?: unknown } | undefined;
    if (body.errcode === 0 && typeof info?.purePhoneNumber === 'string')
      return { phone: info.purePhoneNumber };
    return { errcode: typeof body.errcode === 'number' ? body.errcode : -1 };
  }

  private async post(
    path: string,
    query: Record<string, string>,
    payload: unknown,
  ): Promise<Record<string, unknown>> {
    const qs = new URLSearchParams(query).toString();
    const url = `${this.endpoint.baseUrl}${path}${qs ? `?${qs}` : ''}`;
    return this.fetchJson(path, url, {
      method: 'POST',
      body: JSON.stringify(payload),
      headers: { 'Content-Type': 'application/json' },
    });
  }

  /** GET a WeChat endpoint and parse its JSON (WeChat often labels it text/plain). Network trouble → AUTH_WECHAT_UNAVAILABLE. */
  private async get(path: string, query: Record<string, string>): Promise<Record<string, unknown>> {
    const url = `${this.endpoint.baseUrl}${path}?${new URLSearchParams(query)}`;
    return this.fetchJson(path, url, {});
  }

  /** Fetches with the endpoint's timeout and parses a JSON object (WeChat often labels it text/plain). Network trouble → AUTH_WECHAT_UNAVAILABLE. */
  private async fetchJson(
    path: string,
    url: string,
    init: RequestInit,
  ): Promise<Record<string, unknown>> {
    try {
      const res = await fetch(url, {
        ...init,
        signal: AbortSignal.timeout(this.endpoint.timeoutMs),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null) throw new Error('not a JSON object');
      return parsed as Record<string, unknown>;
    } catch (err) {
      this.logger.warn(`WeChat ${path} unavailable: ${(err as Error).message}`);
      throw new AppException(ErrorCode.AUTH_WECHAT_UNAVAILABLE);
    }
  }
}
