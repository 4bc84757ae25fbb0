import type {
  CreateNoticeRequest,
  NoticeDto,
  NoticeReceiptDto,
  Page,
  PageQuery,
  UnreadBeforeCutDto,
} from '..';
import { get, post } from './endpoint';

/** notices: the routes its controllers declare (notices). */
export const noticesEndpoints = {
  list: get('/api/notices')<PageQuery, Page<NoticeDto>>(),
  create: post('/api/notices')<CreateNoticeRequest, NoticeDto>(),
  mine: get('/api/notices/mine')<PageQuery, Page<NoticeDto>>(),
  unreadBeforeCuts: get('/api/notices/unread-before-cuts')<void, UnreadBeforeCutDto[]>(),
  one: get('/api/notices/:id')<void, NoticeDto>(),
  receipts: get('/api/notices/:id/receipts')<void, NoticeReceiptDto[]>(),
  read: post('/api/notices/:id/read')<void, NoticeDto>(),
};
