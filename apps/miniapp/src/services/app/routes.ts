/** Page paths, one place (the app config lists the same pages). */
export const HOME_PAGE = '/pages/home/index';
export const TICKETS_PAGE = '/pages/tickets/index';
export const ME_PAGE = '/pages/me/index';
export const LOGIN_PAGE = '/subpackages/auth/login/index';
export const REPORT_PAGE = '/subpackages/ticket/report/index';
/** The report form in staff mode: a request taken by phone, at the desk or on patrol for this household. */
export const reportOnBehalfPage = (householdId: string, roomLabel: string) =>
  `${REPORT_PAGE}?householdId=${encodeURIComponent(householdId)}&room=${encodeURIComponent(roomLabel)}`;
/** 留言 to the building's assistant: the report form on a community inquiry, answered within its time limit. */
export const MESSAGE_ASSISTANT_PAGE = `${REPORT_PAGE}?category=community_inquiry`;
export const STAFF_PROFILE_PAGE = '/subpackages/staff/profile/index';
export const ticketDetailPage = (id: string) =>
  `/subpackages/ticket/detail/index?id=${encodeURIComponent(id)}`;
export const INBOX_PAGE = '/subpackages/inbox/index';
export const MY_HOUSEHOLD_PAGE = '/subpackages/household/mine/index';
export const JOIN_HOUSEHOLD_PAGE = '/subpackages/household/join/index';
export const ROOMS_PAGE = '/subpackages/household/rooms/index';
/** 申请加入房屋: a resident asks to join a room (approved by the owner and/or the office). */
export const APPLY_HOUSEHOLD_PAGE = '/subpackages/household/apply/index';
/** 入住审批: join requests waiting for the caller (an owner, or the office). */
export const JOIN_APPROVALS_PAGE = '/subpackages/household/approvals/index';
export const READ_LOG_PAGE = '/subpackages/household/reads/index';
export const REVIEWS_DUE_PAGE = '/subpackages/household/reviews/index';
export const householdFilePage = (id: string) =>
  `/subpackages/household/file/index?id=${encodeURIComponent(id)}`;
export const CALL_TASKS_PAGE = '/subpackages/staff/calls/index';
export const OUTBOX_ADMIN_PAGE = '/subpackages/staff/outbox/index';
export const CALENDAR_PAGE = '/subpackages/staff/calendar/index';
export const OUTAGES_PAGE = '/subpackages/staff/outages/index';
export const WORK_ORDERS_PAGE = '/subpackages/staff/work-orders/index';
export const DUTY_PAGE = '/subpackages/staff/duty/index';
export const SLA_POLICIES_PAGE = '/subpackages/staff/sla-policies/index';
export const CATEGORIES_PAGE = '/subpackages/staff/categories/index';
export const EXTENSIONS_PAGE = '/subpackages/staff/extensions/index';
export const HOUSEHOLD_SHEET_PAGE = '/subpackages/staff/household-sheet/index';
/** 楼栋房屋管理: buildings, units, rooms and each building's assistants (supervisors, admins). */
export const STRUCTURE_PAGE = '/subpackages/staff/structure/index';
export const MOVE_OUT_APPLY_PAGE = '/subpackages/household/move-out/index';
export const MY_SLIPS_PAGE = '/subpackages/household/slips/index';
export const OFFICE_MOVE_OUTS_PAGE = '/subpackages/staff/move-outs/index';
export const officeMoveOutsPage = (householdId: string, roomLabel: string) =>
  `${OFFICE_MOVE_OUTS_PAGE}?householdId=${encodeURIComponent(householdId)}&room=${encodeURIComponent(roomLabel)}`;
/** 入住登记: a member registers people moving into their room; status, owner's consent and residence passes. */
export const MOVE_IN_PAGE = '/subpackages/household/move-in/index';
/** 入住登记审核 (the office): pending registrations, the paper checks, written consent, approve or reject. */
export const OFFICE_MOVE_INS_PAGE = '/subpackages/staff/move-ins/index';
export const officeMoveInsPage = (householdId: string, roomLabel: string) =>
  `${OFFICE_MOVE_INS_PAGE}?householdId=${encodeURIComponent(householdId)}&room=${encodeURIComponent(roomLabel)}`;
export const GATE_PAGE = '/subpackages/gate/verify/index';
/** 数据看板 (supervisors, department heads, company admins), the tickets behind a figure, and the reports. */
export const DASHBOARD_PAGE = '/subpackages/dashboard/index';
export const dashboardTicketsPage = (indicator: string, month: string, communityId: string) =>
  `/subpackages/dashboard/tickets/index?indicator=${encodeURIComponent(indicator)}&month=${encodeURIComponent(month)}&communityId=${encodeURIComponent(communityId)}`;
export const REPORTS_PAGE = '/subpackages/dashboard/reports/index';
/** Festival care: the supervisor's planner, the resident's greeting cards, the assistant's gift list. */
export const CARE_PLANNER_PAGE = '/subpackages/care/planner/index';
export const CARE_GREETINGS_PAGE = '/subpackages/care/greetings/index';
export const CARE_GIFTS_PAGE = '/subpackages/care/gifts/index';
/** 通知公告: notices with read receipts (residents read, staff see receipts, the supervisor publishes). */
export const NOTICES_PAGE = '/subpackages/care/notices/index';
/** 社区活动: sign-up with a waiting list, the check-in code, staff check-in. */
export const EVENTS_PAGE = '/subpackages/care/events/index';
/** 我的问卷 (residents) and 满意度调查 (supervisors, admins). */
export const SURVEYS_MINE_PAGE = '/subpackages/surveys/mine/index';
export const SURVEY_ROUNDS_PAGE = '/subpackages/surveys/rounds/index';
/** 我的回访 (assistants, supervisors) and 回访抽查 (supervisors). */
export const MY_CALLBACKS_PAGE = '/subpackages/feedback/callbacks/index';
export const CALLBACK_COVERAGE_PAGE = '/subpackages/feedback/coverage/index';
/** Demo mode (H5): the simulated WeChat customer-service chat, opened from a 联系客服 button with its session-from. */
export const demoChatPage = (sessionFrom: string) =>
  `/subpackages/chat/index?from=${encodeURIComponent(sessionFrom)}`;
