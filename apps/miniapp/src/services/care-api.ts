import {
  AudiencePreviewDto,
  AudiencePreviewRequest,
  CampaignDto,
  CampaignRecipientDto,
  CareCalendarDto,
  CareRoutes,
  CreateCampaignRequest,
  GiftActionRequest,
  GiftLineDto,
  GreetingCardDto,
  Page,
  RecipientStatus,
  ResendSkippedRequest,
  SendCampaignRequest,
} from '@linli/contracts';
import { request } from './http';
import { pageQuery } from './paged-list';

/** Festival care's requests (kept apart from the shared api.ts). */
export const careApi = {
  calendar: (communityId: string, year?: number) =>
    request<CareCalendarDto>(
      'GET',
      `${CareRoutes.calendar}?communityId=${communityId}${year ? `&year=${year}` : ''}`,
    ),
  preview: (body: AudiencePreviewRequest) =>
    request<AudiencePreviewDto>('POST', CareRoutes.audiencePreview, body),
  campaigns: (communityId: string, cursor: string | null = null) =>
    request<Page<CampaignDto>>(
      'GET',
      `${CareRoutes.campaigns}${pageQuery({ communityId }, cursor)}`,
    ),
  createCampaign: (body: CreateCampaignRequest) =>
    request<CampaignDto>('POST', CareRoutes.campaigns, body),
  send: (id: string, body: SendCampaignRequest = {}) =>
    request<CampaignDto>('POST', CareRoutes.send(id), body),
  cancel: (id: string) => request<CampaignDto>('POST', CareRoutes.cancel(id), {}),
  recipients: (id: string, status?: RecipientStatus) =>
    request<CampaignRecipientDto[]>(
      'GET',
      `${CareRoutes.recipients(id)}${status ? `?status=${status}` : ''}`,
    ),
  resendSkipped: (id: string, body: ResendSkippedRequest = {}) =>
    request<CampaignDto>('POST', CareRoutes.resendSkipped(id), body),
  gifts: (cursor: string | null = null) =>
    request<Page<GiftLineDto>>('GET', `${CareRoutes.gifts}${pageQuery({}, cursor)}`),
  giftAction: (recipientId: string, body: GiftActionRequest) =>
    request<GiftLineDto>('POST', CareRoutes.gift(recipientId), body),
  myGreetings: (cursor: string | null = null) =>
    request<Page<GreetingCardDto>>('GET', `${CareRoutes.myGreetings}${pageQuery({}, cursor)}`),
  openGreeting: (recipientId: string) =>
    request<GreetingCardDto>('POST', CareRoutes.greeting(recipientId), {}),
};
