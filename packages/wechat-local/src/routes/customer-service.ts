import type { ConversationEntry } from '../chat/chat-state';
import { wechatError } from '../errors';
import { RouteContext, RouteResult } from '../router';

const body = (ctx: RouteContext) =>
  ctx.body && typeof ctx.body === 'object' ? (ctx.body as Record<string, unknown>) : {};
const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : null);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * POST /cgi-bin/message/custom/send?access_token=… { touser, msgtype, text|image|link|miniprogrampage }
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/customer-message/sendCustomMessage.html
 * Enforces the session window: 45015 outside it, 45047 over its quota, 40003 for a user who never wrote.
 */
export function customSend(ctx: RouteContext): RouteResult {
  if (!ctx.platform.tokenValid(ctx.query.access_token)) return { body: wechatError(40001) };
  const b = body(ctx);
  const touser = str(b.touser) ?? '';
  const type = str(b.msgtype);
  const part = type ? obj(b[type]) : null;
  let entry: Omit<ConversationEntry, 'at'> | null = null;
  if (type === 'text' && str(part?.content))
    entry = { direction: 'out', type: 'text', text: str(part?.content) };
  if (type === 'image' && str(part?.media_id)) {
    if (!ctx.chat.media.has(str(part?.media_id)!)) return { body: wechatError(40007) };
    entry = { direction: 'out', type: 'image', mediaId: str(part?.media_id) };
  }
  if (type === 'link' && str(part?.title) && str(part?.url))
    entry = {
      direction: 'out',
      type: 'link',
      title: str(part?.title),
      description: str(part?.description) ?? '',
      url: str(part?.url),
    };
  if (type === 'miniprogrampage' && str(part?.title) && str(part?.pagepath))
    entry = {
      direction: 'out',
      type: 'miniprogrampage',
      title: str(part?.title),
      pagePath: str(part?.pagepath),
    };
  if (!entry) return { body: wechatError(40008) };
  const verdict = ctx.chat.state.admit(touser, true);
  if (verdict !== 0) return { body: wechatError(verdict) };
  ctx.chat.state.record(touser, entry);
  return { body: { errcode: 0, errmsg: 'ok' } };
}

/**
 * POST /cgi-bin/message/custom/typing?access_token=… { touser, command: Typing | CancelTyping }
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/customer-message/setTyping.html
 * Does not count against the quota, but only within the window.
 */
export function customTyping(ctx: RouteContext): RouteResult {
  if (!ctx.platform.tokenValid(ctx.query.access_token)) return { body: wechatError(40001) };
  const b = body(ctx);
  const touser = str(b.touser) ?? '';
  if (b.command !== 'Typing' && b.command !== 'CancelTyping') return { body: wechatError(40008) };
  const verdict = ctx.chat.state.admit(touser, false);
  if (verdict === 40003 || verdict === 45015) return { body: wechatError(verdict) };
  ctx.chat.state.record(touser, {
    direction: 'out',
    type: 'typing',
    typing: b.command === 'Typing',
  });
  return { body: { errcode: 0, errmsg: 'ok' } };
}

/**
 * POST /cgi-bin/media/upload?access_token=…&type=image (multipart, field "media")
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/customer-message/uploadTempMedia.html
 */
export function mediaUpload(ctx: RouteContext): RouteResult {
  if (!ctx.platform.tokenValid(ctx.query.access_token)) return { body: wechatError(40001) };
  if (ctx.query.type !== 'image') return { body: wechatError(40004) };
  if (typeof ctx.body !== 'string' || !/name="media"/.test(ctx.body))
    return { body: wechatError(41005) };
  const mediaId = `local-upload-${ctx.chat.media.size + 1}-${Math.random().toString(36).slice(2, 10)}`;
  ctx.chat.media.add(mediaId);
  return {
    body: { type: 'image', media_id: mediaId, created_at: Math.floor(ctx.chat.now() / 1000) },
  };
}
