/**
 * The endpoint map (issue #17): every route the server declares, with its method, path, request and
 * response types, grouped as the mini-program's clients are. test/endpoint-map.spec.ts holds the server to it.
 */
import { authEndpoints } from './auth';
import { calendarEndpoints } from './calendar';
import { careEndpoints } from './care';
import { categoriesEndpoints } from './categories';
import { chatEndpoints } from './chat';
import { clockEndpoints } from './clock';
import { dashboardEndpoints } from './dashboard';
import { dutyEndpoints } from './duty';
import { eventsEndpoints } from './events';
import { feedbackEndpoints } from './feedback';
import { healthEndpoints } from './health';
import { householdsEndpoints } from './households';
import { metaEndpoints } from './meta';
import { moveInsEndpoints } from './move-ins';
import { moveOutsEndpoints } from './move-outs';
import { noticesEndpoints } from './notices';
import { notificationsEndpoints } from './notifications';
import { outagesEndpoints } from './outages';
import { outboxEndpoints } from './outbox';
import { retentionEndpoints } from './retention';
import { slaPoliciesEndpoints } from './sla-policies';
import { staffProfilesEndpoints } from './staff-profiles';
import { structureEndpoints } from './structure';
import { surveysEndpoints } from './surveys';
import { ticketsEndpoints } from './tickets';
import { uploadsEndpoints } from './uploads';
import { wechatEndpoints } from './wechat';
import { workOrdersEndpoints } from './work-orders';

export * from './endpoint';

/** The shared client (apps/miniapp/src/services/api.ts). */
export const ApiEndpoints = {
  ...authEndpoints,
  ...calendarEndpoints,
  ...categoriesEndpoints,
  ...clockEndpoints,
  ...dutyEndpoints,
  ...householdsEndpoints,
  ...metaEndpoints,
  ...moveInsEndpoints,
  ...moveOutsEndpoints,
  ...notificationsEndpoints,
  ...outagesEndpoints,
  ...outboxEndpoints,
  ...retentionEndpoints,
  ...slaPoliciesEndpoints,
  ...staffProfilesEndpoints,
  ...structureEndpoints,
  ...ticketsEndpoints,
  ...uploadsEndpoints,
  ...workOrdersEndpoints,
};

export const CareEndpoints = careEndpoints;
export const ChatEndpoints = chatEndpoints;
export const DashboardEndpoints = dashboardEndpoints;
export const EventsEndpoints = eventsEndpoints;
export const FeedbackEndpoints = feedbackEndpoints;
export const NoticesEndpoints = noticesEndpoints;
export const SurveysEndpoints = surveysEndpoints;
/** Routes no client calls: health probes and WeChat's signed push. */
export const SystemEndpoints = { ...healthEndpoints, ...wechatEndpoints };

/** Every endpoint, by client. */
export const Endpoints = {
  api: ApiEndpoints,
  care: CareEndpoints,
  chat: ChatEndpoints,
  dashboard: DashboardEndpoints,
  events: EventsEndpoints,
  feedback: FeedbackEndpoints,
  notices: NoticesEndpoints,
  surveys: SurveysEndpoints,
  system: SystemEndpoints,
};
