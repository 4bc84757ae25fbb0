import { wechatError } from '../errors';
import { RouteContext, RouteResult } from '../router';

const body = (ctx: RouteContext) =>
  ctx.body && typeof ctx.body === 'object' ? (ctx.body as Record<string, unknown>) : {};

/**
 * POST /cgi-bin/stable_token { grant_type: 'client_credential', appid, secret, force_refresh? }
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-access-token/getStableAccessToken.html
 */
export function stableToken(ctx: RouteContext): RouteResult {
  const b = body(ctx);
  if (b.grant_type !== 'client_credential') return { body: wechatError(40002) };
  if (!b.appid) return { body: wechatError(41002) };
  if (b.appid !== ctx.app.appid) return { body: wechatError(40013) };
  if (b.secret !== ctx.app.secret) return { body: wechatError(40125) };
  return { body: ctx.platform.issueToken(b.force_refresh === true) };
}

/**
 * POST /cgi-bin/message/subscribe/send?access_token=… { touser, template_id, page?, data, miniprogram_state?, lang? }
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 */
export function subscribeSend(ctx: RouteContext): RouteResult {
  if (!ctx.platform.tokenValid(ctx.query.access_token)) return { body: wechatError(40001) };
  const b = body(ctx);
  const touser = typeof b.touser === 'string' ? b.touser : '';
  const templateId = typeof b.template_id === 'string' ? b.template_id : '';
  if (!touser) return { body: wechatError(40003) };
  if (!templateId) return { body: wechatError(40037) };
  const data = b.data && typeof b.data === 'object' ? (b.data as Record<string, unknown>) : null;
  const valid =
    data &&
    Object.values(data).every(
      (v) => v && typeof v === 'object' && typeof (v as { value?: unknown }).value === 'string',
    );
  if (!valid) return { body: wechatError(47003) };
  if (ctx.platform.isRevoked(touser, templateId)) return { body: wechatError(43101) };
  const msgid = ctx.platform.deliver({
    touser,
    templateId,
    page: typeof b.page === 'string' ? b.page : undefined,
    data: data as Record<string, { value: string }>,
  });
  return { body: { errcode: 0, errmsg: 'ok', msgid } };
}

/**
 * POST /wxa/business/getuserphonenumber?access_token=… { code }
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/phone-number/getPhoneNumber.html
 */
export function getUserPhoneNumber(ctx: RouteContext): RouteResult {
  if (!ctx.platform.tokenValid(ctx.query.access_token)) return { body: wechatError(40001) };
  const code = body(ctx).code;
  const phone = typeof code === 'string' ? ctx.platform.phoneCodes.get(code) : undefined;
  if (!phone) return { body: wechatError(40029) };
  ctx.platform.phoneCodes.delete(code as string);
  return {
    body: {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: phone,
        purePhoneNumber: phone,
        countryCode: '86',
        watermark: { timestamp: Math.floor(Date.now() / 1000), appid: ctx.app.appid },
      },
    },
  };
}
