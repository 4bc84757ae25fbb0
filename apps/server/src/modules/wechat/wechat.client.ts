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
    const body = await this.get('/sns/jscode2session', { appid, secret, js_code: code, grant_type: 'authorization_code' });
    if (typeof body.openid === 'string' && typeof body.session_key === 'string') {
      return { openid: body.openid, sessionKey: body.session_key, ...(typeof body.unionid === 'string' ? { unionid: body.unionid } : {}) };
    }
    const errcode = typeof body.errcode === 'number' ? body.errcode : undefined;
    this.logger.warn('code2Session refused', { errcode, errmsg: body.errmsg });
    throw new AppException((errcode !== undefined && ERRCODES[errcode]) || ErrorCode.AUTH_WECHAT_UNAVAILABLE);
  }

  /** GET a WeChat endpoint and parse its JSON (WeChat often labels it text/plain). Network trouble → AUTH_WECHAT_UNAVAILABLE. */
  private async get(path: string, query: Record<string, string>): Promise<Record<string, unknown>> {
    const url = `${this.endpoint.baseUrl}${path}?${new URLSearchParams(query)}`;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.endpoint.timeoutMs) });
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
