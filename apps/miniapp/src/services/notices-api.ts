import {
  CreateNoticeRequest,
  NoticeDto,
  NoticeReceiptDto,
  NoticeRoutes,
  Page,
  UnreadBeforeCutDto,
} from '@linli/contracts';
import { request } from './http';
import { pageQuery } from './paged-list';

/** Notices' requests (kept apart from the shared api.ts). */
export const noticesApi = {
  list: (cursor: string | null = null) =>
    request<Page<NoticeDto>>('GET', `${NoticeRoutes.notices}${pageQuery({}, cursor)}`),
  create: (body: CreateNoticeRequest) => request<NoticeDto>('POST', NoticeRoutes.notices, body),
  mine: (cursor: string | null = null) =>
    request<Page<NoticeDto>>('GET', `${NoticeRoutes.mine}${pageQuery({}, cursor)}`),
  read: (id: string) => request<NoticeDto>('POST', NoticeRoutes.read(id), {}),
  receipts: (id: string) => request<NoticeReceiptDto[]>('GET', NoticeRoutes.receipts(id)),
  unreadBeforeCuts: () => request<UnreadBeforeCutDto[]>('GET', NoticeRoutes.unreadBeforeCuts),
};
