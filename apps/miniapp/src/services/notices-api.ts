import { CreateNoticeRequest, NoticeDto, NoticeReceiptDto, NoticeRoutes, UnreadBeforeCutDto } from '@linli/contracts';
import { request } from './http';

/** Notices' requests (kept apart from the shared api.ts). */
export const noticesApi = {
  list: () => request<NoticeDto[]>('GET', NoticeRoutes.notices),
  create: (body: CreateNoticeRequest) => request<NoticeDto>('POST', NoticeRoutes.notices, body),
  mine: () => request<NoticeDto[]>('GET', NoticeRoutes.mine),
  read: (id: string) => request<NoticeDto>('POST', NoticeRoutes.read(id), {}),
  receipts: (id: string) => request<NoticeReceiptDto[]>('GET', NoticeRoutes.receipts(id)),
  unreadBeforeCuts: () => request<UnreadBeforeCutDto[]>('GET', NoticeRoutes.unreadBeforeCuts),
};
