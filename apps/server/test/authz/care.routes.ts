// Care (campaigns, gifts, greeting cards), notices and community events.
// Campaigns are 明月小区's (a draft for the whole community; one sent to 甲栋, with its recipient); the
// notice and the event are 明月二期's: they reach a whole community, and 明月小区's own residents and staff
// (three of the walkers) rightly see what reaches theirs, so they name a community no walker belongs to.
import { AudienceSegment, CareOccasion, EventKind, GiftAction, NoticeKind } from '@linli/contracts';
import type { Row } from './walk';

const theirs = (w: { communityId: string }) => `communityId=${w.communityId}`;
const campaign = (w: { campaignId: string }) => ({ id: w.campaignId });
const sent = (w: { sentCampaignId: string }) => ({ id: w.sentCampaignId });
const recipient = (w: { careRecipientId: string }) => ({ recipientId: w.careRecipientId });
const notice = (w: { noticeId: string }) => ({ id: w.noticeId });
const event = (w: { eventId: string }) => ({ id: w.eventId });
const audience = { buildingIds: [], segments: [AudienceSegment.Elderly] };

export const rows: Row[] = [
  { route: 'GET /api/care/calendar', kind: 'foreign', query: theirs },
  {
    route: 'POST /api/care/audience-preview',
    kind: 'foreign',
    body: (w) => ({ communityId: w.communityId, audience }),
  },
  { route: 'GET /api/care/campaigns', kind: 'foreign', query: theirs },
  {
    route: 'POST /api/care/campaigns',
    kind: 'foreign',
    body: (w) => ({
      communityId: w.communityId,
      occasion: CareOccasion.DoubleNinth,
      audience,
      greeting: '走查：重阳安康',
      channels: { card: true, wechat: false, visit: false },
    }),
  },
  { route: 'GET /api/care/campaigns/:id', kind: 'foreign', params: campaign },
  {
    route: 'POST /api/care/campaigns/:id/send',
    kind: 'foreign',
    params: campaign,
    body: () => ({}),
  },
  { route: 'POST /api/care/campaigns/:id/cancel', kind: 'foreign', params: campaign },
  { route: 'GET /api/care/campaigns/:id/recipients', kind: 'foreign', params: sent },
  {
    route: 'POST /api/care/campaigns/:id/resend-skipped',
    kind: 'foreign',
    params: sent,
    body: () => ({}),
  },
  // Paged (docs/paging.md): the largest page, so every line the caller may see is in the answer checked.
  { route: 'GET /api/care/gifts', kind: 'own', query: () => 'limit=100' },
  {
    route: 'POST /api/care/gifts/:recipientId',
    kind: 'foreign',
    params: recipient,
    body: () => ({ action: GiftAction.Decline, note: '走查' }),
  },
  { route: 'GET /api/care/greetings/mine', kind: 'own' },
  { route: 'POST /api/care/greetings/:recipientId', kind: 'foreign', params: recipient },

  { route: 'GET /api/notices', kind: 'own' },
  // `communityId` is the company admin's choice; a supervisor's notice is always their own community's, whatever
  // the body names. So this row may succeed (a notice to the caller's own residents), but an admin of another
  // company naming 明月二期 is refused, and nothing reaches 明月二期 (checked after the walk).
  {
    route: 'POST /api/notices',
    kind: 'own',
    body: (w) => ({
      kind: NoticeKind.Other,
      title: '走查通知',
      body: '走查内容',
      target: { buildingIds: [], units: [] },
      communityId: w.community2Id,
    }),
  },
  { route: 'GET /api/notices/mine', kind: 'own' },
  { route: 'GET /api/notices/unread-before-cuts', kind: 'own' },
  { route: 'GET /api/notices/:id', kind: 'foreign', params: notice },
  { route: 'GET /api/notices/:id/receipts', kind: 'foreign', params: notice },
  { route: 'POST /api/notices/:id/read', kind: 'foreign', params: notice },

  { route: 'GET /api/events', kind: 'own' },
  // An event is always the caller's own community's (no community in the request).
  {
    route: 'POST /api/events',
    kind: 'own',
    body: () => ({
      kind: EventKind.Arts,
      title: '走查活动',
      place: '走查会所',
      startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      capacity: 10,
    }),
  },
  { route: 'POST /api/events/:id/signups', kind: 'foreign', params: event },
  { route: 'POST /api/events/:id/signups/mine/cancel', kind: 'foreign', params: event },
  { route: 'GET /api/events/:id/signups', kind: 'foreign', params: event },
  {
    route: 'POST /api/events/:id/check-in',
    kind: 'foreign',
    params: event,
    body: (w) => ({ code: w.eventCheckInCode }),
  },
];
