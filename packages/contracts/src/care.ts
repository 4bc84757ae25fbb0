/** Festival care (docs/domain-rules.md §10): the care calendar, campaigns, their recipients and gifts. */

/** Occasions the care calendar knows without being told (solar and lunar). */
export enum CareOccasion {
  NewYear = 'new_year',
  SpringFestival = 'spring_festival',
  Lantern = 'lantern',
  WomensDay = 'womens_day',
  MothersDay = 'mothers_day',
  ChildrensDay = 'childrens_day',
  DragonBoat = 'dragon_boat',
  MidAutumn = 'mid_autumn',
  NationalDay = 'national_day',
  DoubleNinth = 'double_ninth',
  /** The community's own occasion (its anniversary, …): named by the campaign. */
  Custom = 'custom',
}

/** Audience segments, combined with AND (e.g. elderly + owners only). */
export enum AudienceSegment {
  Elderly = 'elderly',
  ElderlyAlone = 'elderly_alone',
  WithChildren = 'with_children',
  NewResidents = 'new_residents',
  BirthdayInWindow = 'birthday_in_window',
  OwnersOnly = 'owners_only',
}

export enum CampaignStatus {
  Draft = 'draft',
  Scheduled = 'scheduled',
  Sending = 'sending',
  Sent = 'sent',
  Cancelled = 'cancelled',
}

export enum CampaignAction {
  Schedule = 'schedule',
  Start = 'start',
  Finish = 'finish',
  Cancel = 'cancel',
  Reopen = 'reopen',
}

/** One household's place in a campaign. */
export enum RecipientStatus {
  /** Waiting for the fan-out to reach it. */
  Pending = 'pending',
  /** Greeting delivered (in-app card written, WeChat message queued in the outbox). */
  Sent = 'sent',
  /** Held back by the timing guard; listed with the reason, can be sent later. */
  Skipped = 'skipped',
}

export enum SkipReason {
  OpenComplaint = 'open_complaint',
  Renovation = 'renovation',
}

export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  [SkipReason.OpenComplaint]: '有未结投诉',
  [SkipReason.Renovation]: '正在装修',
};

export enum GiftStatus {
  Prepared = 'prepared',
  Delivered = 'delivered',
  PickedUp = 'picked_up',
  Declined = 'declined',
}

export enum GiftAction {
  Deliver = 'deliver',
  PickUp = 'pick_up',
  Decline = 'decline',
}

export const GIFT_STATUS_LABELS: Record<GiftStatus, string> = {
  [GiftStatus.Prepared]: '待发放',
  [GiftStatus.Delivered]: '已送达',
  [GiftStatus.PickedUp]: '已到物业领取',
  [GiftStatus.Declined]: '住户谢绝',
};

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  [CampaignStatus.Draft]: '草稿',
  [CampaignStatus.Scheduled]: '待发送',
  [CampaignStatus.Sending]: '发送中',
  [CampaignStatus.Sent]: '已发送',
  [CampaignStatus.Cancelled]: '已取消',
};

/** One occasion on the year's care calendar. */
export interface CareCalendarEntryDto {
  occasion: CareOccasion;
  name: string;
  /** 'YYYY-MM-DD', China calendar day. */
  date: string;
  /** 'YYYY-MM-DD': the day the supervisor is reminded to plan it. */
  remindOn: string;
  lunar: boolean;
  /** Campaigns already planned for this occasion and year. */
  campaignIds: string[];
}

export interface AudienceSpecDto {
  /** Buildings chosen; empty: the whole community. */
  buildingIds: string[];
  segments: AudienceSegment[];
  /** Elderly from this age (default 60). */
  elderlyAge?: number;
  /** New residents: moved in within this many days (default 90). */
  newResidentDays?: number;
  /** Birthdays within this many days from the occasion date (default 7). */
  birthdayWindowDays?: number;
  /** The timing guard: an open complaint made within this many days holds the greeting back (default 30). */
  complaintWindowDays?: number;
}

export interface CreateCampaignRequest {
  communityId: string;
  occasion: CareOccasion;
  /** Required for a custom occasion; defaults to the occasion's name otherwise. */
  title?: string;
  /** 'YYYY-MM-DD' the occasion falls on (the calendar's date for a built-in occasion when absent). */
  occasionDate?: string;
  audience: AudienceSpecDto;
  greeting: string;
  imageUrl?: string | null;
  channels: { card: boolean; wechat: boolean; visit: boolean };
  /** ISO instant the fan-out starts; absent: when the supervisor presses 发送. */
  sendAt?: string | null;
  gift?: { name: string; stock: number } | null;
}

export interface AudiencePreviewDto {
  targeted: number;
  /** Of the targeted, how many the timing guard would hold back now, and why. */
  skipped: { householdId: string; label: string; reason: SkipReason; reasonLabel: string }[];
}

export interface CampaignProgressDto {
  targeted: number;
  pending: number;
  sent: number;
  skipped: number;
  opened: number;
  giftsDelivered: number;
  giftsLeft: number | null;
  /** sent / targeted, 0–1. */
  coverage: number;
  /** The mark (0.98). */
  coverageTarget: number;
}

export interface CampaignDto {
  id: string;
  communityId: string;
  occasion: CareOccasion;
  title: string;
  occasionDate: string;
  audience: AudienceSpecDto;
  greeting: string;
  imageUrl: string | null;
  channels: { card: boolean; wechat: boolean; visit: boolean };
  sendAt: string | null;
  gift: { name: string; stock: number } | null;
  status: CampaignStatus;
  statusLabel: string;
  ownerName: string;
  progress: CampaignProgressDto;
}

export interface CampaignRecipientDto {
  id: string;
  householdId: string;
  householdLabel: string;
  buildingId: string;
  status: RecipientStatus;
  skipReason: SkipReason | null;
  skipReasonLabel: string | null;
  openedAt: string | null;
  gift: {
    status: GiftStatus;
    statusLabel: string;
    note: string | null;
    photoIds: string[];
    at: string | null;
  } | null;
}

/** The resident's greeting card. */
export interface GreetingCardDto {
  recipientId: string;
  title: string;
  greeting: string;
  imageUrl: string | null;
  occasionDate: string;
  communityName: string;
  gift: { name: string; status: GiftStatus; statusLabel: string } | null;
  openedAt: string | null;
}

export interface GiftActionRequest {
  action: GiftAction;
  note?: string;
  /** Uploads (photo of the hand-over or the resident's signature), required to mark delivered. */
  photoIds?: string[];
}

/** POST /api/care/audience-preview: how many households the audience holds now, and whom the timing guard would hold back. */
export interface AudiencePreviewRequest {
  communityId: string;
  audience: AudienceSpecDto;
  /** 'YYYY-MM-DD': the day ages and birthdays are counted on (today when absent). */
  occasionDate?: string;
}

/** POST /api/care/campaigns/:id/send: start the fan-out at `sendAt` (now when absent). */
export interface SendCampaignRequest {
  sendAt?: string | null;
}

/** POST /api/care/campaigns/:id/resend-skipped: these skipped households (all of them when absent) go back into the fan-out. */
export interface ResendSkippedRequest {
  recipientIds?: string[];
}

/** GET /api/care/calendar?communityId=&year=&reminderDays= */
export interface CareCalendarDto {
  year: number;
  reminderDays: number;
  entries: CareCalendarEntryDto[];
  /** Occasions whose reminder day has come (today in China time), to plan now. */
  toPlan: CareCalendarEntryDto[];
}

/** A line of the assistant's gift and visit list (GET /api/care/gifts). */
export interface GiftLineDto extends CampaignRecipientDto {
  campaignId: string;
  campaignTitle: string;
  giftName: string | null;
  /** The campaign asks for a visit (the elderly, gifts). */
  visit: boolean;
}
