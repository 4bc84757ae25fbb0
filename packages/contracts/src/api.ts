import type { HouseholdSheetFormat } from './households';

/**
 * The HTTP API's routes, shared by the server's controllers (documentation) and the mini-program's
 * request layer. Successful responses carry the DTO itself; errors carry `ApiError` with a 4xx/5xx status.
 */
export const API_PREFIX = '/api';

export const ApiRoutes = {
  health: '/api/health',
  healthLive: '/api/health/live',
  healthReady: '/api/health/ready',
  meta: '/api/meta',
  wechatLogin: '/api/auth/wechat-login',
  demoLogin: '/api/auth/demo-login',
  me: '/api/me',
  ticketCategories: '/api/ticket-categories',
  ticketCategoriesManage: '/api/ticket-categories/manage',
  ticketCategory: (code: string) => `/api/ticket-categories/${encodeURIComponent(code)}`,
  uploads: '/api/uploads',
  upload: (id: string) => `/api/uploads/${encodeURIComponent(id)}`,
  tickets: '/api/tickets',
  ticketsOnBehalf: '/api/tickets/on-behalf',
  myTickets: '/api/tickets/mine',
  myQueue: '/api/tickets/queue',
  communityTickets: '/api/tickets/community',
  ticket: (id: string) => `/api/tickets/${encodeURIComponent(id)}`,
  ticketActions: (id: string) => `/api/tickets/${encodeURIComponent(id)}/actions`,
  ticketClassification: (id: string) => `/api/tickets/${encodeURIComponent(id)}/classification`,
  ticketExtensions: (id: string) => `/api/tickets/${encodeURIComponent(id)}/extensions`,
  pendingExtensions: '/api/ticket-extensions/pending',
  extensionDecision: (id: string) => `/api/ticket-extensions/${encodeURIComponent(id)}/decision`,
  ticketAssignees: (id: string) => `/api/tickets/${encodeURIComponent(id)}/assignees`,
  testClock: '/api/test-clock',
  myHousehold: '/api/households/mine',
  myHouseholdExport: '/api/households/mine/export',
  myHouseholdMember: (memberId: string) =>
    `/api/households/mine/members/${encodeURIComponent(memberId)}`,
  joinHousehold: '/api/households/join',
  bindPhone: '/api/households/bind-phone',
  household: (id: string) => `/api/households/${encodeURIComponent(id)}`,
  householdMembers: (id: string) => `/api/households/${encodeURIComponent(id)}/members`,
  householdNotes: (id: string) => `/api/households/${encodeURIComponent(id)}/notes`,
  householdReads: (id: string) => `/api/households/${encodeURIComponent(id)}/reads`,
  householdTimeline: (id: string) => `/api/households/${encodeURIComponent(id)}/timeline`,
  householdInvites: (id: string) => `/api/households/${encodeURIComponent(id)}/invites`,
  householdDocument: (id: string, kind: string) =>
    `/api/households/${encodeURIComponent(id)}/documents/${encodeURIComponent(kind)}`,
  householdReviews: (id: string) => `/api/households/${encodeURIComponent(id)}/reviews`,
  reviewsDue: '/api/household-reviews/due',
  householdReadLog: '/api/household-reads',
  householdMemberRemove: (id: string, memberId: string) =>
    `/api/households/${encodeURIComponent(id)}/members/${encodeURIComponent(memberId)}/remove`,
  joinRequests: '/api/join-requests',
  joinRequestsMine: '/api/join-requests/mine',
  joinRequestsPending: '/api/join-requests/pending',
  joinCommunities: '/api/join-requests/communities',
  joinBuildings: (communityId: string) =>
    `/api/join-requests/communities/${encodeURIComponent(communityId)}/buildings`,
  joinRequestApprove: (id: string) => `/api/join-requests/${encodeURIComponent(id)}/approve`,
  joinRequestReject: (id: string) => `/api/join-requests/${encodeURIComponent(id)}/reject`,
  joinRequestCancel: (id: string) => `/api/join-requests/${encodeURIComponent(id)}/cancel`,
  myHouseholds: '/api/me/households',
  myStaffProfile: '/api/me/staff-profile',
  activeHousehold: '/api/me/active-household',
  buildings: '/api/buildings',
  buildingRooms: (id: string) => `/api/buildings/${encodeURIComponent(id)}/rooms`,
  householdSheetTemplate: (communityId: string, format: HouseholdSheetFormat = 'xlsx') =>
    `/api/communities/${encodeURIComponent(communityId)}/household-sheet/template?format=${format}`,
  householdSheetImport: (communityId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/household-sheet/import`,
  householdSheetExport: (communityId: string, format: HouseholdSheetFormat = 'xlsx') =>
    `/api/communities/${encodeURIComponent(communityId)}/household-sheet/export?format=${format}`,
  structureCommunities: '/api/structure/communities',
  communityStructure: (communityId: string) =>
    `/api/structure/communities/${encodeURIComponent(communityId)}`,
  structureBuildings: (communityId: string) =>
    `/api/structure/communities/${encodeURIComponent(communityId)}/buildings`,
  structureBuilding: (id: string) => `/api/structure/buildings/${encodeURIComponent(id)}`,
  structureRooms: (buildingId: string) =>
    `/api/structure/buildings/${encodeURIComponent(buildingId)}/rooms`,
  structureRoomRange: (buildingId: string) =>
    `/api/structure/buildings/${encodeURIComponent(buildingId)}/room-range`,
  structureRoom: (id: string) => `/api/structure/rooms/${encodeURIComponent(id)}`,
  structureAssistant: (buildingId: string, userId: string) =>
    `/api/structure/buildings/${encodeURIComponent(buildingId)}/assistants/${encodeURIComponent(userId)}`,
  subscribeTemplates: '/api/wechat/subscribe-templates',
  subscriptions: '/api/wechat/subscriptions',
  notifications: '/api/notifications',
  notificationsUnread: '/api/notifications/unread-count',
  notificationsRead: '/api/notifications/read',
  callTasks: '/api/call-tasks',
  callTaskDone: (id: string) => `/api/call-tasks/${encodeURIComponent(id)}/done`,
  adminOutbox: '/api/admin/outbox',
  adminOutboxRetry: (id: string) => `/api/admin/outbox/${encodeURIComponent(id)}/retry`,
  dutyShifts: '/api/duty-shifts',
  dutyShift: (id: string) => `/api/duty-shifts/${encodeURIComponent(id)}`,
  communityAssistants: '/api/duty-shifts/assistants',
  workOrders: '/api/work-orders',
  workOrderAccept: (id: string) => `/api/work-orders/${encodeURIComponent(id)}/accept`,
  workOrderDone: (id: string) => `/api/work-orders/${encodeURIComponent(id)}/done`,
  ticketEscalationSlip: (id: string) => `/api/tickets/${encodeURIComponent(id)}/escalation-slip`,
  outages: '/api/outages',
  currentOutages: '/api/outages/current',
  outageClose: (id: string) => `/api/outages/${encodeURIComponent(id)}/close`,
  moveOuts: '/api/move-outs',
  myMoveOuts: '/api/move-outs/mine',
  officeMoveOuts: '/api/move-outs/office',
  moveOut: (id: string) => `/api/move-outs/${encodeURIComponent(id)}`,
  moveOutOwnerDecision: (id: string) => `/api/move-outs/${encodeURIComponent(id)}/owner-decision`,
  moveOutWrittenAuthorisation: (id: string) =>
    `/api/move-outs/${encodeURIComponent(id)}/written-authorisation`,
  moveOutFeesSettled: (id: string) => `/api/move-outs/${encodeURIComponent(id)}/fees-settled`,
  moveOutDecision: (id: string) => `/api/move-outs/${encodeURIComponent(id)}/decision`,
  moveOutCancel: (id: string) => `/api/move-outs/${encodeURIComponent(id)}/cancel`,
  moveOutDeregister: (id: string) => `/api/move-outs/${encodeURIComponent(id)}/deregister`,
  releaseSlipVerify: '/api/release-slips/verify',
  moveIns: '/api/move-ins',
  myMoveIns: '/api/move-ins/mine',
  officeMoveIns: '/api/move-ins/office',
  moveIn: (id: string) => `/api/move-ins/${encodeURIComponent(id)}`,
  moveInOwnerConsent: (id: string) => `/api/move-ins/${encodeURIComponent(id)}/owner-consent`,
  moveInWrittenConsent: (id: string) => `/api/move-ins/${encodeURIComponent(id)}/written-consent`,
  moveInPapers: (id: string) => `/api/move-ins/${encodeURIComponent(id)}/papers`,
  moveInDecision: (id: string) => `/api/move-ins/${encodeURIComponent(id)}/decision`,
  moveInCancel: (id: string) => `/api/move-ins/${encodeURIComponent(id)}/cancel`,
  calendar: '/api/admin/calendar',
  slaPolicies: '/api/admin/sla-policies',
  slaPolicy: (code: string) => `/api/admin/sla-policies/${encodeURIComponent(code)}`,
  calendarOverride: (date: string) => `/api/admin/calendar/overrides/${encodeURIComponent(date)}`,
  // 数据看板 and reports
  dashboard: '/api/dashboard',
  dashboardCompany: '/api/dashboard/company',
  dashboardTickets: '/api/dashboard/tickets',
  dashboardExport: '/api/dashboard/export',
  dashboardTargets: '/api/dashboard/targets',
  reports: '/api/reports',
  reportFile: (id: string) => `/api/reports/${encodeURIComponent(id)}/file`,
  /** Retention (§12): what the retention job anonymised, newest first (admins). */
  retentionRuns: '/api/admin/retention-runs',
} as const;

/** The multipart field name for POST /api/uploads. */
export const UPLOAD_FIELD = 'file';

/** The multipart field name for the household sheet import (the same as for photos). */
export const HOUSEHOLD_SHEET_FIELD = 'file';
