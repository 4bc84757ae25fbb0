import type { WechatPushQuery } from '..';
import { get, post } from './endpoint';

/** wechat: the routes its controllers declare (system). */
export const wechatEndpoints = {
  wechatPushVerify: get('/api/wechat/push')<WechatPushQuery, void>(),
  wechatPushReceive: post('/api/wechat/push')<unknown, void>(),
};
