/** Page paths, one place (the app config lists the same pages). */
export const HOME_PAGE = '/pages/home/index';
export const TICKETS_PAGE = '/pages/tickets/index';
export const ME_PAGE = '/pages/me/index';
export const LOGIN_PAGE = '/subpackages/auth/login/index';
export const REPORT_PAGE = '/subpackages/ticket/report/index';
export const ticketDetailPage = (id: string) => `/subpackages/ticket/detail/index?id=${encodeURIComponent(id)}`;
export const INBOX_PAGE = '/subpackages/inbox/index';
export const MY_HOUSEHOLD_PAGE = '/subpackages/household/mine/index';
export const JOIN_HOUSEHOLD_PAGE = '/subpackages/household/join/index';
export const ROOMS_PAGE = '/subpackages/household/rooms/index';
export const householdFilePage = (id: string) => `/subpackages/household/file/index?id=${encodeURIComponent(id)}`;
