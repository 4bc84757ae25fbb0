/**
 * Stable error codes shared by the server and the mini-program.
 * The server's transport layer alone maps a code to an HTTP status; clients switch on the code.
 * Never rename or reuse a code: add a new one.
 */
export enum ErrorCode {
  // generic
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL = 'INTERNAL',
  NETWORK = 'NETWORK',

  // identity
  AUTH_WECHAT_CODE_INVALID = 'AUTH_WECHAT_CODE_INVALID',
  AUTH_WECHAT_RATE_LIMITED = 'AUTH_WECHAT_RATE_LIMITED',
  AUTH_WECHAT_RISKY_USER = 'AUTH_WECHAT_RISKY_USER',
  AUTH_WECHAT_UNAVAILABLE = 'AUTH_WECHAT_UNAVAILABLE',
  AUTH_TOKEN_INVALID = 'AUTH_TOKEN_INVALID',
  AUTH_NOT_REGISTERED = 'AUTH_NOT_REGISTERED',
  DEMO_PERSONA_UNKNOWN = 'DEMO_PERSONA_UNKNOWN',

  // tickets
  TICKET_NOT_FOUND = 'TICKET_NOT_FOUND',
  TICKET_ACTION_NOT_ALLOWED = 'TICKET_ACTION_NOT_ALLOWED',
  TICKET_STALE = 'TICKET_STALE',
  TICKET_CATEGORY_UNKNOWN = 'TICKET_CATEGORY_UNKNOWN',
  TICKET_NO_HOUSEHOLD = 'TICKET_NO_HOUSEHOLD',
  TICKET_REASON_REQUIRED = 'TICKET_REASON_REQUIRED',

  // uploads
  UPLOAD_MISSING = 'UPLOAD_MISSING',
  UPLOAD_TYPE_NOT_ALLOWED = 'UPLOAD_TYPE_NOT_ALLOWED',
  UPLOAD_TOO_LARGE = 'UPLOAD_TOO_LARGE',
  UPLOAD_TOO_MANY = 'UPLOAD_TOO_MANY',
  UPLOAD_NOT_FOUND = 'UPLOAD_NOT_FOUND',

  // households
  HOUSEHOLD_NOT_FOUND = 'HOUSEHOLD_NOT_FOUND',
  HOUSEHOLD_INVITE_INVALID = 'HOUSEHOLD_INVITE_INVALID',
  HOUSEHOLD_ALREADY_BOUND = 'HOUSEHOLD_ALREADY_BOUND',
  HOUSEHOLD_PHONE_NOT_FOUND = 'HOUSEHOLD_PHONE_NOT_FOUND',
  PHONE_CODE_INVALID = 'PHONE_CODE_INVALID',

  // test clock
  CLOCK_DISABLED = 'CLOCK_DISABLED',
}

/** Default Chinese message for each code, shown to the user when the server sends none more specific. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  [ErrorCode.VALIDATION_FAILED]: '提交的信息有误，请检查后重试',
  [ErrorCode.UNAUTHENTICATED]: '请先登录',
  [ErrorCode.FORBIDDEN]: '您没有权限进行此操作',
  [ErrorCode.NOT_FOUND]: '请求的内容不存在',
  [ErrorCode.CONFLICT]: '数据已被他人修改，请刷新后重试',
  [ErrorCode.RATE_LIMITED]: '操作过于频繁，请稍后再试',
  [ErrorCode.INTERNAL]: '服务暂时不可用，请稍后再试',
  [ErrorCode.NETWORK]: '网络连接失败，请检查网络后重试',

  [ErrorCode.AUTH_WECHAT_CODE_INVALID]: '微信登录凭证无效或已过期，请重新登录',
  [ErrorCode.AUTH_WECHAT_RATE_LIMITED]: '登录过于频繁，请稍后再试',
  [ErrorCode.AUTH_WECHAT_RISKY_USER]: '微信账号存在风险，暂时无法登录',
  [ErrorCode.AUTH_WECHAT_UNAVAILABLE]: '微信服务暂时不可用，请稍后再试',
  [ErrorCode.AUTH_TOKEN_INVALID]: '登录已过期，请重新登录',
  [ErrorCode.AUTH_NOT_REGISTERED]: '您的微信尚未绑定住户或员工身份，请联系物业服务中心',
  [ErrorCode.DEMO_PERSONA_UNKNOWN]: '演示身份不存在',

  [ErrorCode.TICKET_NOT_FOUND]: '工单不存在',
  [ErrorCode.TICKET_ACTION_NOT_ALLOWED]: '当前工单状态下不能进行此操作',
  [ErrorCode.TICKET_STALE]: '工单已被他人处理，请刷新后查看',
  [ErrorCode.TICKET_CATEGORY_UNKNOWN]: '请选择有效的报事类别',
  [ErrorCode.TICKET_NO_HOUSEHOLD]: '您尚未绑定房屋，无法报事',
  [ErrorCode.TICKET_REASON_REQUIRED]: '请填写原因',

  [ErrorCode.UPLOAD_MISSING]: '请选择要上传的图片',
  [ErrorCode.UPLOAD_TYPE_NOT_ALLOWED]: '只能上传 JPG、PNG 或 WebP 图片',
  [ErrorCode.UPLOAD_TOO_LARGE]: '图片太大，单张不能超过 10MB',
  [ErrorCode.UPLOAD_TOO_MANY]: '最多只能上传 9 张图片',
  [ErrorCode.UPLOAD_NOT_FOUND]: '图片不存在或已失效，请重新上传',

  [ErrorCode.HOUSEHOLD_NOT_FOUND]: '房屋档案不存在',
  [ErrorCode.HOUSEHOLD_INVITE_INVALID]: '邀请码无效或已过期，请向业主或物业服务中心重新获取',
  [ErrorCode.HOUSEHOLD_ALREADY_BOUND]: '您已绑定房屋，如需更换请联系物业服务中心',
  [ErrorCode.HOUSEHOLD_PHONE_NOT_FOUND]: '未找到该手机号对应的住户档案，请使用邀请码或联系物业服务中心',
  [ErrorCode.PHONE_CODE_INVALID]: '手机号授权已失效，请重新授权',

  [ErrorCode.CLOCK_DISABLED]: '生产环境不允许修改系统时间',
};

/** The one error shape every API error takes. `field` names the offending input on validation errors. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  /** For VALIDATION_FAILED: each offending field and its Chinese message. */
  fields?: { field: string; message: string }[];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}
