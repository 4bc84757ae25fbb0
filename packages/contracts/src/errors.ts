import type { ReleaseSlipDto } from './move-outs';

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
  /** The database cannot be reached (down, restarting, connection lost, busy): try again shortly. */
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',

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
  HOUSEHOLD_IMPORT_REJECTED = 'HOUSEHOLD_IMPORT_REJECTED',
  HOUSEHOLD_SHEET_UNREADABLE = 'HOUSEHOLD_SHEET_UNREADABLE',
  HOUSEHOLD_DOCUMENT_UNKNOWN = 'HOUSEHOLD_DOCUMENT_UNKNOWN',
  HOUSEHOLD_DOCUMENT_NOT_ON_FILE = 'HOUSEHOLD_DOCUMENT_NOT_ON_FILE',
  ROOM_NOT_FOUND = 'ROOM_NOT_FOUND',
  JOIN_REQUEST_NOT_FOUND = 'JOIN_REQUEST_NOT_FOUND',
  JOIN_REQUEST_DUPLICATE = 'JOIN_REQUEST_DUPLICATE',
  JOIN_REQUEST_ALREADY_MEMBER = 'JOIN_REQUEST_ALREADY_MEMBER',
  JOIN_REQUEST_DECIDED = 'JOIN_REQUEST_DECIDED',
  MEMBER_NOT_FOUND = 'MEMBER_NOT_FOUND',
  MEMBER_REMOVE_NOT_ALLOWED = 'MEMBER_REMOVE_NOT_ALLOWED',
  MEMBER_EDIT_NOT_ALLOWED = 'MEMBER_EDIT_NOT_ALLOWED',

  // structure: buildings, units and rooms (issue #4)
  BUILDING_NAME_TAKEN = 'BUILDING_NAME_TAKEN',
  ROOM_NUMBER_TAKEN = 'ROOM_NUMBER_TAKEN',
  BUILDING_IN_USE = 'BUILDING_IN_USE',
  ROOM_IN_USE = 'ROOM_IN_USE',

  // WeChat messages and phone tasks
  CALL_TASK_NOT_FOUND = 'CALL_TASK_NOT_FOUND',
  CALL_TASK_DONE = 'CALL_TASK_DONE',
  TICKET_CHASE_NOT_DUE = 'TICKET_CHASE_NOT_DUE',
  TICKET_CHASE_TOO_SOON = 'TICKET_CHASE_TOO_SOON',
  OUTBOX_MESSAGE_NOT_FOUND = 'OUTBOX_MESSAGE_NOT_FOUND',
  OUTBOX_NOT_RETRYABLE = 'OUTBOX_NOT_RETRYABLE',
  EXTENSION_NOT_ALLOWED = 'EXTENSION_NOT_ALLOWED',
  EXTENSION_PENDING = 'EXTENSION_PENDING',
  EXTENSION_NOT_FOUND = 'EXTENSION_NOT_FOUND',
  EXTENSION_DECIDED = 'EXTENSION_DECIDED',

  // moving out and release slips (docs/domain-rules.md §4)
  MOVE_OUT_NOT_FOUND = 'MOVE_OUT_NOT_FOUND',
  MOVE_OUT_DATE_INVALID = 'MOVE_OUT_DATE_INVALID',
  MOVE_OUT_NOT_A_MEMBER = 'MOVE_OUT_NOT_A_MEMBER',
  MOVE_OUT_STATE = 'MOVE_OUT_STATE',
  MOVE_OUT_OWNER_ONLY = 'MOVE_OUT_OWNER_ONLY',
  MOVE_OUT_NEEDS_OWNER = 'MOVE_OUT_NEEDS_OWNER',
  MOVE_OUT_FEES_UNSETTLED = 'MOVE_OUT_FEES_UNSETTLED',
  MOVE_OUT_NOT_YET_USED = 'MOVE_OUT_NOT_YET_USED',
  RELEASE_SLIP_INVALID = 'RELEASE_SLIP_INVALID',
  RELEASE_SLIP_USED = 'RELEASE_SLIP_USED',
  RELEASE_SLIP_EXPIRED = 'RELEASE_SLIP_EXPIRED',
  RELEASE_SLIP_NOT_YET_VALID = 'RELEASE_SLIP_NOT_YET_VALID',
  MOVE_IN_NOT_FOUND = 'MOVE_IN_NOT_FOUND',
  MOVE_IN_NOT_A_MEMBER = 'MOVE_IN_NOT_A_MEMBER',
  MOVE_IN_STATE = 'MOVE_IN_STATE',
  MOVE_IN_OWNER_ONLY = 'MOVE_IN_OWNER_ONLY',
  MOVE_IN_INCOMPLETE = 'MOVE_IN_INCOMPLETE',
  MOVE_IN_ALREADY_REGISTERED = 'MOVE_IN_ALREADY_REGISTERED',

  // satisfaction surveys
  SURVEY_NOT_FOUND = 'SURVEY_NOT_FOUND',
  SURVEY_STATE = 'SURVEY_STATE',
  SURVEY_NOT_INVITED = 'SURVEY_NOT_INVITED',
  SURVEY_WINDOW_CLOSED = 'SURVEY_WINDOW_CLOSED',
  SURVEY_ALREADY_COMPLETED = 'SURVEY_ALREADY_COMPLETED',
  SURVEY_ANSWER_INVALID = 'SURVEY_ANSWER_INVALID',
  QUESTIONNAIRE_FROZEN = 'QUESTIONNAIRE_FROZEN',

  // test clock
  CLOCK_DISABLED = 'CLOCK_DISABLED',
  REPORT_NOT_FOUND = 'REPORT_NOT_FOUND',

  // request bounds (issue #10)
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',

  // ratings and callbacks
  RATING_NOT_ALLOWED = 'RATING_NOT_ALLOWED',
  RATING_ALREADY_GIVEN = 'RATING_ALREADY_GIVEN',
  CALLBACK_NOT_FOUND = 'CALLBACK_NOT_FOUND',
  CALLBACK_CLOSED = 'CALLBACK_CLOSED',
  CALLBACK_SIGNATURE_REQUIRED = 'CALLBACK_SIGNATURE_REQUIRED',
  CALLBACK_HANDLER_NOT_ALLOWED = 'CALLBACK_HANDLER_NOT_ALLOWED',
  // festival care
  CAMPAIGN_NOT_FOUND = 'CAMPAIGN_NOT_FOUND',
  CAMPAIGN_STATE = 'CAMPAIGN_STATE',
  CARE_RECIPIENT_NOT_FOUND = 'CARE_RECIPIENT_NOT_FOUND',
  GIFT_STATE = 'GIFT_STATE',
  GIFT_PROOF_REQUIRED = 'GIFT_PROOF_REQUIRED',
  NOTICE_NOT_FOUND = 'NOTICE_NOT_FOUND',
  EVENT_NOT_FOUND = 'EVENT_NOT_FOUND',
  EVENT_SIGNUP_STATE = 'EVENT_SIGNUP_STATE',
  EVENT_CODE_INVALID = 'EVENT_CODE_INVALID',
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
  [ErrorCode.DATABASE_UNAVAILABLE]: '系统繁忙，请稍后再试',
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
  [ErrorCode.HOUSEHOLD_PHONE_NOT_FOUND]:
    '未找到该手机号对应的住户档案，请使用邀请码或联系物业服务中心',
  [ErrorCode.PHONE_CODE_INVALID]: '手机号授权已失效，请重新授权',
  [ErrorCode.HOUSEHOLD_IMPORT_REJECTED]:
    '表格中有数据不符合要求，本次未导入任何数据，请按提示修改后重新导入',
  [ErrorCode.HOUSEHOLD_SHEET_UNREADABLE]: '无法读取表格，请使用导入模板（.xlsx 或 .csv）',
  [ErrorCode.HOUSEHOLD_DOCUMENT_UNKNOWN]: '资料类型不在档案清单中',
  [ErrorCode.HOUSEHOLD_DOCUMENT_NOT_ON_FILE]: '该资料尚未归档',
  [ErrorCode.ROOM_NOT_FOUND]: '未找到该房号，请从列表中选择或按“1栋1单元101室”的格式填写',
  [ErrorCode.JOIN_REQUEST_NOT_FOUND]: '入住申请不存在',
  [ErrorCode.JOIN_REQUEST_DUPLICATE]: '您已提交过该房屋的申请，请等待审核',
  [ErrorCode.JOIN_REQUEST_ALREADY_MEMBER]: '您已是该房屋的住户',
  [ErrorCode.JOIN_REQUEST_DECIDED]: '该申请已处理，或您已审核过',
  [ErrorCode.MEMBER_NOT_FOUND]: '该住户不存在或已移除',
  [ErrorCode.MEMBER_REMOVE_NOT_ALLOWED]: '业主只能由物业服务中心办理迁出，不能在此移除',
  [ErrorCode.MEMBER_EDIT_NOT_ALLOWED]: '只有业主可以修改其他成员的信息，您可以修改自己的信息',

  [ErrorCode.BUILDING_NAME_TAKEN]: '本小区已有同名楼栋，请换一个名称',
  [ErrorCode.ROOM_NUMBER_TAKEN]: '该楼栋已有相同单元和房号的房屋',
  [ErrorCode.BUILDING_IN_USE]: '该楼栋已有住户或工单记录，不能删除',
  [ErrorCode.ROOM_IN_USE]: '该房屋已有住户或工单记录，不能删除',

  [ErrorCode.CALL_TASK_NOT_FOUND]: '电话任务不存在',
  [ErrorCode.CALL_TASK_DONE]: '该电话任务已完成',
  [ErrorCode.TICKET_CHASE_NOT_DUE]: '报事还未临近处理时限，暂不需要催办',
  [ErrorCode.TICKET_CHASE_TOO_SOON]: '您刚催办过，管家已收到提醒，请稍后再试',
  [ErrorCode.OUTBOX_MESSAGE_NOT_FOUND]: '消息不存在',
  [ErrorCode.OUTBOX_NOT_RETRYABLE]: '只有发送失败的消息可以重发',
  [ErrorCode.EXTENSION_NOT_ALLOWED]: '当前不能申请延期',
  [ErrorCode.EXTENSION_PENDING]: '已有延期申请待审批',
  [ErrorCode.EXTENSION_NOT_FOUND]: '延期申请不存在',
  [ErrorCode.EXTENSION_DECIDED]: '该延期申请已处理',

  [ErrorCode.MOVE_OUT_NOT_FOUND]: '搬出申请不存在',
  [ErrorCode.MOVE_OUT_DATE_INVALID]: '搬出日期不符合要求，请重新选择',
  [ErrorCode.MOVE_OUT_NOT_A_MEMBER]: '您不在本户住户档案中，不能申请搬出，请联系物业服务中心',
  [ErrorCode.MOVE_OUT_STATE]: '该搬出申请当前状态下不能进行此操作，请刷新后查看',
  [ErrorCode.MOVE_OUT_OWNER_ONLY]: '只有本户业主可以授权搬出',
  [ErrorCode.MOVE_OUT_NEEDS_OWNER]: '租户或代办人搬出须经业主授权，业主授权后物业才能审批',
  [ErrorCode.MOVE_OUT_FEES_UNSETTLED]: '整户搬出须先结清物业管理费和水电等费用，请先确认费用已结清',
  [ErrorCode.MOVE_OUT_NOT_YET_USED]: '放行条核验使用后才能办理住户迁出',
  [ErrorCode.RELEASE_SLIP_INVALID]: '放行条无效：放行码不存在或不属于本小区，请勿放行',
  [ErrorCode.RELEASE_SLIP_USED]: '放行条已使用，不能重复放行',
  [ErrorCode.RELEASE_SLIP_EXPIRED]: '放行条已过期，请勿放行，请住户联系物业服务中心重新申请',
  [ErrorCode.RELEASE_SLIP_NOT_YET_VALID]: '未到放行条上的搬出日期，请勿放行',
  [ErrorCode.MOVE_IN_NOT_FOUND]: '入住登记不存在',
  [ErrorCode.MOVE_IN_NOT_A_MEMBER]: '您不在本户住户档案中，不能办理入住登记，请到物业服务中心办理',
  [ErrorCode.MOVE_IN_STATE]: '该入住登记当前状态下不能进行此操作，请刷新后查看',
  [ErrorCode.MOVE_IN_OWNER_ONLY]: '只有本户业主可以同意入住',
  [ErrorCode.MOVE_IN_INCOMPLETE]: '入住登记资料不全，暂不能审核通过',
  [ErrorCode.MOVE_IN_ALREADY_REGISTERED]: '此人已在本户住户档案中或已有待审核的入住登记',

  [ErrorCode.SURVEY_NOT_FOUND]: '问卷不存在或您无权查看',
  [ErrorCode.SURVEY_STATE]: '该轮调查当前状态下不能进行此操作，请刷新后查看',
  [ErrorCode.SURVEY_NOT_INVITED]: '本轮调查没有邀请您家参加，感谢您的关注',
  [ErrorCode.SURVEY_WINDOW_CLOSED]: '本轮调查已结束，感谢您的关注，结果公布后会通知您',
  [ErrorCode.SURVEY_ALREADY_COMPLETED]: '您家已提交过本轮问卷，感谢参与',
  [ErrorCode.SURVEY_ANSWER_INVALID]: '请按题目要求作答',
  [ErrorCode.QUESTIONNAIRE_FROZEN]: '问卷已发布，不能再修改；如需调整请另存为新版本',

  [ErrorCode.CLOCK_DISABLED]: '生产环境不允许修改系统时间',
  [ErrorCode.REPORT_NOT_FOUND]: '报表不存在或您无权查看',
  [ErrorCode.PAYLOAD_TOO_LARGE]: '提交的内容太大',

  [ErrorCode.RATING_NOT_ALLOWED]: '只有处理完成待确认的本户工单可以评价',
  [ErrorCode.RATING_ALREADY_GIVEN]: '本次处理已评价过，可以追加评价但不能修改',
  [ErrorCode.CALLBACK_NOT_FOUND]: '回访任务不存在',
  [ErrorCode.CALLBACK_CLOSED]: '该回访任务已完成',
  [ErrorCode.CALLBACK_SIGNATURE_REQUIRED]: '上门回访须请住户签字',
  [ErrorCode.CALLBACK_HANDLER_NOT_ALLOWED]: '按公司规定，工单处理人不能回访自己处理的工单',

  [ErrorCode.CAMPAIGN_NOT_FOUND]: '关怀活动不存在',
  [ErrorCode.CAMPAIGN_STATE]: '该关怀活动当前状态下不能进行此操作，请刷新后查看',
  [ErrorCode.CARE_RECIPIENT_NOT_FOUND]: '未找到该住户的关怀记录',
  [ErrorCode.GIFT_STATE]: '该礼品已登记发放结果，不能重复登记',
  [ErrorCode.GIFT_PROOF_REQUIRED]: '送达礼品须上传交接照片或住户签名',
  [ErrorCode.NOTICE_NOT_FOUND]: '通知不存在',
  [ErrorCode.EVENT_NOT_FOUND]: '活动不存在',
  [ErrorCode.EVENT_SIGNUP_STATE]: '报名状态已变化，请刷新后查看',
  [ErrorCode.EVENT_CODE_INVALID]: '签到码无效：不是本活动的报名，或已取消',
};

/** The one error shape every API error takes. `field` names the offending input on validation errors. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  /** For VALIDATION_FAILED: each offending field and its Chinese message. */
  fields?: { field: string; message: string }[];
  /** For HOUSEHOLD_IMPORT_REJECTED: every rejected row (1-based sheet row number) and why, in Chinese. */
  rejected?: { row: number; reason: string }[];
  /** For RELEASE_SLIP_USED / _EXPIRED / _NOT_YET_VALID: the slip the guard checked, with who used it and when. */
  releaseSlip?: ReleaseSlipDto;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}
