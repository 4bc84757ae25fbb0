import type { DemoLoginRequest, SessionDto, UserProfileDto, WechatLoginRequest } from '..';
import { get, post } from './endpoint';

/** auth: the routes its controllers declare. */
export const authEndpoints = {
  wechatLogin: post('/api/auth/wechat-login')<WechatLoginRequest, SessionDto>(),
  me: get('/api/me')<void, UserProfileDto>(),
  demoLogin: post('/api/auth/demo-login')<DemoLoginRequest, SessionDto>(),
};
