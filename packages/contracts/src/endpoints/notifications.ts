import type {
  CallTaskDoneRequest,
  CallTaskDto,
  CallTaskStatus,
  MarkReadRequest,
  NotificationPageDto,
  Page,
  PageQuery,
  UnreadCountDto,
} from '..';
import { get, post } from './endpoint';

/** notifications: the routes its controllers declare. */
export const notificationsEndpoints = {
  callTasks: get('/api/call-tasks')<PageQuery & { status: CallTaskStatus }, Page<CallTaskDto>>(),
  callTaskDone: post('/api/call-tasks/:id/done')<CallTaskDoneRequest, CallTaskDto>(),
  notifications: get('/api/notifications')<PageQuery, NotificationPageDto>(),
  unreadCount: get('/api/notifications/unread-count')<void, UnreadCountDto>(),
  markRead: post('/api/notifications/read')<MarkReadRequest, UnreadCountDto>(),
};
