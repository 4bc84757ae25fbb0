import { WechatErrorBody } from './types';

/** WeChat's errcodes this server produces, with the errmsg text WeChat sends for them. */
export const WECHAT_ERRORS: Record<number, string> = {
  [-1]: 'system error',
  40013: 'invalid appid',
  40029: 'invalid code',
  40125: 'invalid appsecret',
  40226: 'high risk user',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  40002: 'invalid grant_type',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  44004: 'not found',
  40001: 'invalid credential, access_token is invalid or not latest',
  42001: 'access_token expired',
  40003: 'invalid openid',
  40037: 'invalid template_id',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  47003: 'argument invalid! data.thing1.value invalid',
  40004: 'invalid media type',
  40007: 'invalid media_id',
  40008: 'invalid message type',
  41005: 'media data missing',
  45015: 'response out of time limit or subscription is canceled',
  45047: 'out of response count limit',
};

let rid = 0;

/** WeChat appends a request id to every errmsg, e.g. "invalid code, rid: 6543e1f2-…". */
export function wechatError(errcode: number): WechatErrorBody {
  rid += 1;
  const text = WECHAT_ERRORS[errcode] ?? 'error';
  return { errcode, errmsg: `${text}, rid: local-${rid.toString(16).padStart(8, '0')}` };
}
