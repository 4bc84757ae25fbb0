import { CreateOrganisation1795357200000 } from './1795357200000-create-organisation';
import { CreateTicketCategories1795357260000 } from './1795357260000-create-ticket-categories';
import { CreateTickets1795357320000 } from './1795357320000-create-tickets';
import { CreateAttachments1795357380000 } from './1795357380000-create-attachments';
import { CreateNotifications1795357440000 } from './1795357440000-create-notifications';
import { CreateWechatOutbox1795357500000 } from './1795357500000-create-wechat-outbox';
import { CreateHouseholdFile1795357560000 } from './1795357560000-create-household-file';
import { CreateCallTasks1795357620000 } from './1795357620000-create-call-tasks';
import { AddTicketIntake1795357680000 } from './1795357680000-add-ticket-intake';
import { TicketInvalidAndForwarded1795357860000 } from './1795357860000-ticket-invalid-and-forwarded';
import { CreateCalendarOverrides1795357920000 } from './1795357920000-create-calendar-overrides';
import { TicketExtensions1795357980000 } from './1795357980000-ticket-extensions';
import { TicketSeverity1795358040000 } from './1795358040000-ticket-severity';
import { CreateSlaPolicyOverrides1795358100000 } from './1795358100000-create-sla-policy-overrides';
import { OutageNotices1795358120000 } from './1795358120000-outage-notices';
import { WorkOrders1795358140000 } from './1795358140000-work-orders';
import { HouseholdJoinRequests1795358160000 } from './1795358160000-household-join-requests';
import { DutyShifts1795358180000 } from './1795358180000-duty-shifts';
import { AddGuardRole1795358220000 } from './1795358220000-add-guard-role';
import { CreateMoveOuts1795358230000 } from './1795358230000-create-move-outs';
import { HouseholdDocumentsAndReviews1795358240000 } from './1795358240000-household-documents-and-reviews';
import { CreateStaffProfiles1795358250000 } from './1795358250000-create-staff-profiles';
import { CreateRateLimitBuckets1795358400000 } from './1795358400000-create-rate-limit-buckets';
import { CreateMoveIns1795358270000 } from './1795358270000-create-move-ins';
import { TicketNudgesAndEndingCalls1795358450000 } from './1795358450000-ticket-nudges-and-ending-calls';
import { DashboardTargetsAndReports1795358600000 } from './1795358600000-dashboard-targets-and-reports';
import { CreateRatingsAndCallbacks1795358300000 } from './1795358300000-create-ratings-and-callbacks';
import { RateRequestNotificationKind1795358310000 } from './1795358310000-rate-request-notification-kind';
import { CreateSurveys1795358350000 } from './1795358350000-create-surveys';
import { CareCampaigns1795358550000 } from './1795358550000-care-campaigns';
import { Notices1795358560000 } from './1795358560000-notices';
import { CommunityEvents1795358570000 } from './1795358570000-community-events';
import { WechatChat1795400000000 } from './1795400000000-wechat-chat';
import { ChatConversation1795405000000 } from './1795405000000-chat-conversation';
import { RetentionRuns1795420000000 } from './1795420000000-retention-runs';
import { IndicatorSnapshots1795420120000 } from './1795420120000-indicator-snapshots';
import { IndicatorProvisional1795440000000 } from './1795440000000-indicator-provisional';
import { GrowingEnumsAsVarchar1795450000000 } from './1795450000000-growing-enums-as-varchar';
import { TicketCommunityStatusIndex1795420060000 } from './1795420060000-ticket-community-status-index';
import { ChatRatingPrompt1795430000000 } from './1795430000000-chat-rating-prompt';

/** Every migration in order. Listed, not globbed, so the same list works under Jest and from dist. Never edit one that has landed. */
export const MIGRATIONS = [
  CreateOrganisation1795357200000,
  CreateTicketCategories1795357260000,
  CreateTickets1795357320000,
  CreateAttachments1795357380000,
  CreateNotifications1795357440000,
  CreateWechatOutbox1795357500000,
  CreateHouseholdFile1795357560000,
  CreateCallTasks1795357620000,
  AddTicketIntake1795357680000,
  TicketInvalidAndForwarded1795357860000,
  CreateCalendarOverrides1795357920000,
  TicketExtensions1795357980000,
  TicketSeverity1795358040000,
  CreateSlaPolicyOverrides1795358100000,
  OutageNotices1795358120000,
  WorkOrders1795358140000,
  HouseholdJoinRequests1795358160000,
  DutyShifts1795358180000,
  AddGuardRole1795358220000,
  CreateMoveOuts1795358230000,
  HouseholdDocumentsAndReviews1795358240000,
  CreateStaffProfiles1795358250000,
  CreateMoveIns1795358270000,
  CreateRatingsAndCallbacks1795358300000,
  RateRequestNotificationKind1795358310000,
  CreateSurveys1795358350000,
  CreateRateLimitBuckets1795358400000,
  TicketNudgesAndEndingCalls1795358450000,
  CareCampaigns1795358550000,
  Notices1795358560000,
  CommunityEvents1795358570000,
  DashboardTargetsAndReports1795358600000,
  WechatChat1795400000000,
  ChatConversation1795405000000,
  RetentionRuns1795420000000,
  TicketCommunityStatusIndex1795420060000,
  IndicatorSnapshots1795420120000,
  ChatRatingPrompt1795430000000,
  IndicatorProvisional1795440000000,
  GrowingEnumsAsVarchar1795450000000,
];
