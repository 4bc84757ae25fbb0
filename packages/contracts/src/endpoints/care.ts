import type {
  AudiencePreviewDto,
  AudiencePreviewRequest,
  CampaignDto,
  CampaignRecipientDto,
  CareCalendarDto,
  CreateCampaignRequest,
  GiftActionRequest,
  GiftLineDto,
  GreetingCardDto,
  Page,
  PageQuery,
  RecipientStatus,
  ResendSkippedRequest,
  SendCampaignRequest,
} from '..';
import { get, post } from './endpoint';

/** care: the routes its controllers declare (care). */
export const careEndpoints = {
  calendar: get('/api/care/calendar')<{ communityId: string; year?: number }, CareCalendarDto>(),
  preview: post('/api/care/audience-preview')<AudiencePreviewRequest, AudiencePreviewDto>(),
  campaigns: get('/api/care/campaigns')<PageQuery & { communityId: string }, Page<CampaignDto>>(),
  createCampaign: post('/api/care/campaigns')<CreateCampaignRequest, CampaignDto>(),
  campaign: get('/api/care/campaigns/:id')<void, CampaignDto>(),
  send: post('/api/care/campaigns/:id/send')<SendCampaignRequest, CampaignDto>(),
  cancel: post('/api/care/campaigns/:id/cancel')<void, CampaignDto>(),
  recipients: get('/api/care/campaigns/:id/recipients')<
    { status?: RecipientStatus },
    CampaignRecipientDto[]
  >(),
  resendSkipped: post('/api/care/campaigns/:id/resend-skipped')<
    ResendSkippedRequest,
    CampaignDto
  >(),
  gifts: get('/api/care/gifts')<PageQuery, Page<GiftLineDto>>(),
  giftAction: post('/api/care/gifts/:recipientId')<GiftActionRequest, GiftLineDto>(),
  myGreetings: get('/api/care/greetings/mine')<PageQuery, Page<GreetingCardDto>>(),
  openGreeting: post('/api/care/greetings/:recipientId')<void, GreetingCardDto>(),
};
