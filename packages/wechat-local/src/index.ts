export { startLocalWechatServer } from './server';
export { WECHAT_ERRORS } from './errors';
export type { DeliveredMessage, InjectedFailure, LocalWechatOptions, LocalWechatServer, RecordedRequest, WechatErrorBody } from './types';
