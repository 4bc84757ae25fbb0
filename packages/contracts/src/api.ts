/**
 * The HTTP API's routes, shared by the server's controllers (documentation) and the mini-program's
 * request layer. Successful responses carry the DTO itself; errors carry `ApiError` with a 4xx/5xx status.
 */
export const API_PREFIX = '/api';

export const ApiRoutes = {
  health: '/api/health',
  meta: '/api/meta',
  wechatLogin: '/api/auth/wechat-login',
  demoLogin: '/api/auth/demo-login',
  me: '/api/me',
  ticketCategories: '/api/ticket-categories',
  uploads: '/api/uploads',
  upload: (id: string) => `/api/uploads/${encodeURIComponent(id)}`,
  tickets: '/api/tickets',
  myTickets: '/api/tickets/mine',
  myQueue: '/api/tickets/queue',
  communityTickets: '/api/tickets/community',
  ticket: (id: string) => `/api/tickets/${encodeURIComponent(id)}`,
  ticketActions: (id: string) => `/api/tickets/${encodeURIComponent(id)}/actions`,
  ticketAssignees: (id: string) => `/api/tickets/${encodeURIComponent(id)}/assignees`,
  testClock: '/api/test-clock',
  myHousehold: '/api/households/mine',
  myHouseholdExport: '/api/households/mine/export',
  joinHousehold: '/api/households/join',
  bindPhone: '/api/households/bind-phone',
  household: (id: string) => `/api/households/${encodeURIComponent(id)}`,
  householdMembers: (id: string) => `/api/households/${encodeURIComponent(id)}/members`,
  householdNotes: (id: string) => `/api/households/${encodeURIComponent(id)}/notes`,
  householdReads: (id: string) => `/api/households/${encodeURIComponent(id)}/reads`,
  householdInvites: (id: string) => `/api/households/${encodeURIComponent(id)}/invites`,
  buildings: '/api/buildings',
  buildingRooms: (id: string) => `/api/buildings/${encodeURIComponent(id)}/rooms`,
  subscribeTemplates: '/api/wechat/subscribe-templates',
  subscriptions: '/api/wechat/subscriptions',
  notifications: '/api/notifications',
  notificationsUnread: '/api/notifications/unread-count',
  notificationsRead: '/api/notifications/read',
} as const;

/** The multipart field name for POST /api/uploads. */
export const UPLOAD_FIELD = 'file';
