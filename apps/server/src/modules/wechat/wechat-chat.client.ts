import { Injectable, Logger } from '@nestjs/common';
import type { ChatOutbound } from './chat-port';
import { WechatEndpoint } from './wechat-endpoint';

/** WeChat's answer to a customer-service call; errcode -1 also stands for "unreachable or timed out". */
export interface WechatCallResult {
  errcode: number;
  errmsg: string;
  mediaId?: string;
}

/** The body of cgi-bin/message/custom/send for one outbound message. */
export function customSendBody(touser: string, message: ChatOutbound): Record<string, unknown> {
  switch (message.type) {
    case 'text':
      return { touser, msgtype: 'text', text: { content: message.text } };
    case 'image':
      return { touser, msgtype: 'image', image: { media_id: message.mediaId } };
    case 'link':
      return {
        touser,
        msgtype: 'link',
        link: {
          title: message.title,
          description: message.description,
          url: message.url,
          thumb_url: message.thumbUrl ?? '',
        },
      };
    case 'miniprogrampage':
      return {
        touser,
        msgtype: 'miniprogrampage',
        miniprogrampage: {
          title: message.title,
          pagepath: message.pagePath,
          thumb_media_id: message.thumbMediaId ?? '',
        },
      };
  }
}

/**
 * The customer-service endpoints of WeChat's server API (real or local):
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/customer-message/sendCustomMessage.html
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/customer-message/setTyping.html
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/customer-message/uploadTempMedia.html
 */
@Injectable()
export class WechatChatClient {
  private readonly logger = new Logger('WeChat');

  constructor(private readonly endpoint: WechatEndpoint) {}

  send(accessToken: string, touser: string, message: ChatOutbound): Promise<WechatCallResult> {
    return this.call('/cgi-bin/message/custom/send', accessToken, {
      body: JSON.stringify(customSendBody(touser, message)),
      headers: { 'Content-Type': 'application/json' },
    });
  }

  typing(accessToken: string, touser: string, on: boolean): Promise<WechatCallResult> {
    return this.call('/cgi-bin/message/custom/typing', accessToken, {
      body: JSON.stringify({ touser, command: on ? 'Typing' : 'CancelTyping' }),
      headers: { 'Content-Type': 'application/json' },
    });
  }

  /** Uploads a picture as temporary media (3 days) for an image message. */
  uploadImage(
    accessToken: string,
    picture: Buffer,
    filename: string,
    contentType: string,
  ): Promise<WechatCallResult> {
    const form = new FormData();
    form.append('media', new Blob([new Uint8Array(picture)], { type: contentType }), filename);
    return this.call('/cgi-bin/media/upload', accessToken, { body: form }, { type: 'image' });
  }

  private async call(
    path: string,
    accessToken: string,
    init: { body: string | FormData; headers?: Record<string, string> },
    extra: Record<string, string> = {},
  ): Promise<WechatCallResult> {
    const url = `${this.endpoint.baseUrl}${path}?${new URLSearchParams({ access_token: accessToken, ...extra })}`;
    try {
      const res = await fetch(url, {
        method: 'POST',
        ...init,
        signal: AbortSignal.timeout(this.endpoint.timeoutMs),
      });
      const parsed = JSON.parse(await res.text()) as Record<string, unknown>;
      const errcode =
        typeof parsed.errcode === 'number'
          ? parsed.errcode
          : typeof parsed.media_id === 'string'
            ? 0
            : -1;
      return {
        errcode,
        errmsg: String(parsed.errmsg ?? ''),
        ...(typeof parsed.media_id === 'string' ? { mediaId: parsed.media_id } : {}),
      };
    } catch (err) {
      this.logger.warn(`WeChat ${path} unavailable: ${(err as Error).message}`);
      return { errcode: -1, errmsg: 'WeChat unreachable or timed out' };
    }
  }
}
