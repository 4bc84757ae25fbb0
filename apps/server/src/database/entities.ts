import { TicketRating } from '../modules/feedback/entities/ticket-rating.entity';
import { RatingAddendum } from '../modules/feedback/entities/rating-addendum.entity';
import { CallbackSample } from '../modules/feedback/entities/callback-sample.entity';
import { CallbackTask } from '../modules/feedback/entities/callback-task.entity';
import { CallbackAttempt } from '../modules/feedback/entities/callback-attempt.entity';
import { CalendarOverride } from '../modules/calendar/entities/calendar-override.entity';
import { SlaPolicyOverrideRow } from '../modules/sla-policies/entities/sla-policy-override.entity';
import { OutageNotice } from '../modules/outages/entities/outage-notice.entity';
import { WorkOrder } from '../modules/work-orders/entities/work-order.entity';
import { DutyShift } from '../modules/duty/entities/duty-shift.entity';
import { TicketCategory } from '../modules/categories/entities/ticket-category.entity';
import { HouseholdDocumentPhoto } from '../modules/households/entities/household-document-photo.entity';
import { HouseholdDocumentRecord } from '../modules/households/entities/household-document.entity';
import { HouseholdInvite } from '../modules/households/entities/household-invite.entity';
import { HouseholdReview } from '../modules/households/entities/household-review.entity';
import { HouseholdJoinRequest } from '../modules/households/entities/household-join-request.entity';
import { HouseholdMemberEvent } from '../modules/households/entities/household-member-event.entity';
import { HouseholdMember } from '../modules/households/entities/household-member.entity';
import { HouseholdNote } from '../modules/households/entities/household-note.entity';
import { HouseholdRead } from '../modules/households/entities/household-read.entity';
import { MoveOut } from '../modules/move-outs/entities/move-out.entity';
import { MoveInPerson } from '../modules/move-ins/entities/move-in-person.entity';
import { MoveIn } from '../modules/move-ins/entities/move-in.entity';
import { CallTask } from '../modules/notifications/entities/call-task.entity';
import { Notification } from '../modules/notifications/entities/notification.entity';
import { OutboxMessage } from '../modules/outbox/entities/outbox-message.entity';
import { SubscriptionCredit } from '../modules/outbox/entities/subscription-credit.entity';
import { WechatToken } from '../modules/outbox/entities/wechat-token.entity';
import { TicketExtension } from '../modules/tickets/entities/ticket-extension.entity';
import { TicketEvent } from '../modules/tickets/entities/ticket-event.entity';
import { TicketMilestone } from '../modules/tickets/entities/ticket-milestone.entity';
import { TicketSequence } from '../modules/tickets/entities/ticket-sequence.entity';
import { Ticket } from '../modules/tickets/entities/ticket.entity';
import { StaffProfile } from '../modules/staff-profiles/entities/staff-profile.entity';
import { RateLimitBucket } from '../modules/rate-limits/entities/rate-limit-bucket.entity';
import { Attachment } from '../modules/uploads/entities/attachment.entity';
import { IndicatorTargetsRow } from '../modules/dashboard/entities/indicator-targets.entity';
import { IssuedReport } from '../modules/dashboard/entities/issued-report.entity';
import { SURVEY_ENTITIES } from '../modules/surveys/entities';
import { CareCampaign } from '../modules/care/entities/care-campaign.entity';
import { CareRecipient } from '../modules/care/entities/care-recipient.entity';
import { Notice } from '../modules/notices/entities/notice.entity';
import { NoticeRead } from '../modules/notices/entities/notice-read.entity';
import { CommunityEvent } from '../modules/events/entities/community-event.entity';
import { EventSignup } from '../modules/events/entities/event-signup.entity';
import { ChatInboundRow } from '../modules/wechat/entities/chat-inbound.entity';
import { ChatSessionRow } from '../modules/wechat/entities/chat-session.entity';
import { RetentionRun } from '../modules/retention/entities/retention-run.entity';
import { IndicatorSnapshot } from '../modules/dashboard/entities/indicator-snapshot.entity';
import { IndicatorProvisional } from '../modules/dashboard/entities/indicator-provisional.entity';
import { ChatConversation } from '../modules/chat/entities/chat-conversation.entity';
import { ChatMessage } from '../modules/chat/entities/chat-message.entity';
import { ChatRatingPromptClaim } from '../modules/chat/entities/chat-rating-prompt.entity';
import { ORG_ENTITIES } from '../modules/org/entities/org-entities';

/** Every entity, listed (not globbed) so the same list works from src under Jest and from dist. */
export const ENTITIES = [
  ...ORG_ENTITIES,
  TicketCategory,
  Ticket,
  TicketEvent,
  TicketMilestone,
  TicketSequence,
  Attachment,
  Notification,
  OutboxMessage,
  SubscriptionCredit,
  WechatToken,
  HouseholdMember,
  HouseholdNote,
  HouseholdRead,
  HouseholdInvite,
  HouseholdDocumentRecord,
  HouseholdDocumentPhoto,
  HouseholdReview,
  StaffProfile,
  RateLimitBucket,
  CallTask,
  CalendarOverride,
  TicketExtension,
  SlaPolicyOverrideRow,
  OutageNotice,
  WorkOrder,
  DutyShift,
  MoveOut,
  HouseholdJoinRequest,
  HouseholdMemberEvent,
  MoveIn,
  MoveInPerson,
  IndicatorTargetsRow,
  IssuedReport,
  TicketRating,
  RatingAddendum,
  CallbackSample,
  CallbackTask,
  CallbackAttempt,
  ...SURVEY_ENTITIES,
  CareCampaign,
  CareRecipient,
  Notice,
  NoticeRead,
  CommunityEvent,
  EventSignup,
  ChatInboundRow,
  ChatSessionRow,
  RetentionRun,
  IndicatorSnapshot,
  IndicatorProvisional,
  ChatConversation,
  ChatMessage,
  ChatRatingPromptClaim,
];
