export { startLocalWechatServer } from './server';
export { WECHAT_ERRORS } from './errors';
export type { InjectedFailure, LocalWechatOptions, LocalWechatServer, RecordedRequest, WechatErrorBody } from './types';
