import Taro from '@tarojs/taro';
import {
  AddNoteRequest,
  ApiRoutes,
  AssigneeOptionDto,
  BindPhoneRequest,
  BuildingDto,
  CreateInviteRequest,
  HouseholdExportDto,
  HouseholdFileDto,
  InviteDto,
  JoinHouseholdRequest,
  MyHouseholdDto,
  RoomSummaryDto,
  AppMetaDto,
  ClockDto,
  CommunityTicketFilter,
  CreateTicketRequest,
  DemoLoginRequest,
  ERROR_MESSAGES,
  ErrorCode,
  MarkReadRequest,
  NotificationPageDto,
  SessionDto,
  SetClockRequest,
  SubscribeTemplatesDto,
  SubscriptionCreditsDto,
  SubscriptionResultsRequest,
  TicketActionRequest,
  TicketCategoryDto,
  TicketDetailDto,
  TicketSummaryDto,
  UPLOAD_FIELD,
  UnreadCountDto,
  UploadDto,
  UserProfileDto,
  WechatLoginRequest,
} from '@linli/contracts';
import { API_BASE, ApiRequestError, authHeader, handleAuthFailure, request, toApiError } from './http';

/** Every API call the mini-program makes, typed by @linli/contracts. */
export const api = {
  meta: () => request<AppMetaDto>('GET', ApiRoutes.meta),
  demoLogin: (body: DemoLoginRequest) => request<SessionDto>('POST', ApiRoutes.demoLogin, body),
  wechatLogin: (body: WechatLoginRequest) => request<SessionDto>('POST', ApiRoutes.wechatLogin, body),
  me: () => request<UserProfileDto>('GET', ApiRoutes.me),
  categories: () => request<TicketCategoryDto[]>('GET', ApiRoutes.ticketCategories),
  createTicket: (body: CreateTicketRequest) => request<TicketDetailDto>('POST', ApiRoutes.tickets, body),
  myTickets: () => request<TicketSummaryDto[]>('GET', ApiRoutes.myTickets),
  myQueue: () => request<TicketSummaryDto[]>('GET', ApiRoutes.myQueue),
  communityTickets: (filter: CommunityTicketFilter) => request<TicketSummaryDto[]>('GET', `${ApiRoutes.communityTickets}?filter=${filter}`),
  ticket: (id: string) => request<TicketDetailDto>('GET', ApiRoutes.ticket(id)),
  act: (id: string, body: TicketActionRequest) => request<TicketDetailDto>('POST', ApiRoutes.ticketActions(id), body),
  assignees: (id: string) => request<AssigneeOptionDto[]>('GET', ApiRoutes.ticketAssignees(id)),
  testClock: () => request<ClockDto>('GET', ApiRoutes.testClock),
  setTestClock: (body: SetClockRequest) => request<ClockDto>('PUT', ApiRoutes.testClock, body),
  notifications: () => request<NotificationPageDto>('GET', ApiRoutes.notifications),
  unreadCount: () => request<UnreadCountDto>('GET', ApiRoutes.notificationsUnread),
  markRead: (body: MarkReadRequest) => request<UnreadCountDto>('POST', ApiRoutes.notificationsRead, body),
  subscribeTemplates: () => request<SubscribeTemplatesDto>('GET', ApiRoutes.subscribeTemplates),
  reportSubscriptions: (body: SubscriptionResultsRequest) => request<SubscriptionCreditsDto>('POST', ApiRoutes.subscriptions, body),
  myHousehold: () => request<MyHouseholdDto>('GET', ApiRoutes.myHousehold),
  exportHousehold: () => request<HouseholdExportDto>('GET', ApiRoutes.myHouseholdExport),
  joinHousehold: (body: JoinHouseholdRequest) => request<MyHouseholdDto>('POST', ApiRoutes.joinHousehold, body),
  bindPhone: (body: BindPhoneRequest) => request<MyHouseholdDto>('POST', ApiRoutes.bindPhone, body),
  invite: (householdId: string, body: CreateInviteRequest) => request<InviteDto>('POST', ApiRoutes.householdInvites(householdId), body),
  buildings: () => request<BuildingDto[]>('GET', ApiRoutes.buildings),
  rooms: (buildingId: string) => request<RoomSummaryDto[]>('GET', ApiRoutes.buildingRooms(buildingId)),
  householdFile: (id: string) => request<HouseholdFileDto>('GET', ApiRoutes.household(id)),
  addNote: (id: string, body: AddNoteRequest) => request<void>('POST', ApiRoutes.householdNotes(id), body),
  upload: uploadPhoto,
};

/** Uploads one local photo (a path from Taro.chooseMedia); the server checks its type and size. */
async function uploadPhoto(filePath: string): Promise<UploadDto> {
  let result: Taro.uploadFile.SuccessCallbackResult;
  try {
    result = await Taro.uploadFile({ url: `${API_BASE}${ApiRoutes.uploads}`, filePath, name: UPLOAD_FIELD, header: authHeader() });
  } catch {
    throw new ApiRequestError({ code: ErrorCode.NETWORK, message: ERROR_MESSAGES[ErrorCode.NETWORK] }, 0);
  }
  let body: unknown = null;
  try {
    body = JSON.parse(result.data);
  } catch {
    body = null;
  }
  if (result.statusCode >= 200 && result.statusCode < 300 && body) return body as UploadDto;
  const err = new ApiRequestError(toApiError(result.statusCode, body), result.statusCode);
  handleAuthFailure(err);
  throw err;
}
