import { wechatError } from '../errors';
import { sessionKeyFor } from '../login-codes';
import { RouteContext, RouteResult } from '../router';

/**
 * GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
 * Success: { openid, session_key, unionid? }. Failure: { errcode, errmsg }, still with HTTP 200.
 */
export function jscode2session({ query, app, codes }: RouteContext): RouteResult {
  if (!query.appid) return { body: wechatError(41002) };
  if (query.appid !== app.appid) return { body: wechatError(40013) };
  if (!query.secret) return { body: wechatError(41004) };
  if (query.secret !== app.secret) return { body: wechatError(40125) };
  if (query.grant_type !== 'authorization_code') return { body: wechatError(40002) };
  if (!query.js_code) return { body: wechatError(41008) };
  const issued = codes.redeem(query.js_code);
  if (!issued) return { body: wechatError(40029) };
  return {
    body: {
      openid: issued.openid,
      session_key: sessionKeyFor(issued.openid, app.secret),
      ...(issued.unionid ? { unionid: issued.unionid } : {}),
    },
  };
}
