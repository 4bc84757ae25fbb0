import Taro from '@tarojs/taro';
import {
  FileReadDto,
  FileReadLogEntryDto,
  EditMemberRequest,
  StaffProfileDto,
  UpdateStaffProfileRequest,
  CompleteReviewRequest,
  HouseholdDocumentDto,
  HouseholdReviewStateDto,
  RecordDocumentRequest,
  ReviewsDueDto,
  AddNoteRequest,
  ApiRoutes,
  AssigneeOptionDto,
  BindPhoneRequest,
  BuildingDto,
  CallTaskDoneRequest,
  CallTaskDto,
  CallTaskStatus,
  CalendarOverrideDto,
  CalendarOverrideRequest,
  CalendarYearDto,
  CategoryTaxonomyDto,
  ClassifyTicketRequest,
  AssistantOptionDto,
  CreateDutyShiftRequest,
  DutyShiftDto,
  CompleteWorkOrderRequest,
  EscalationSlipRequest,
  IssueWorkOrderRequest,
  WorkOrderDto,
  CloseOutageRequest,
  CreateOutageRequest,
  OutageNoticeDto,
  SlaPolicyDto,
  UpdateSlaPolicyRequest,
  DecideExtensionRequest,
  RequestExtensionRequest,
  TicketExtensionDto,
  TicketCategoryAdminDto,
  UpdateTicketCategoryRequest,
  OutboxItemDto,
  OutboxPageDto,
  OutboxStatusName,
  CreateInviteRequest,
  HouseholdExportDto,
  HouseholdFileDto,
  InviteDto,
  JoinHouseholdRequest,
  CreateJoinRequest,
  JoinBuildingDto,
  JoinCommunityDto,
  JoinRequestDto,
  MyHouseholdRefDto,
  RejectJoinRequest,
  RemoveMemberRequest,
  SwitchHouseholdRequest,
  MyHouseholdDto,
  RoomSummaryDto,
  CommunityStructureDto,
  CreateBuildingRequest,
  CreateRoomRangeRequest,
  CreateRoomRequest,
  CreatedRoomsDto,
  StructureAssistantDto,
  StructureBuildingDto,
  StructureCommunityDto,
  StructureRoomDto,
  UpdateBuildingRequest,
  UpdateRoomRequest,
  AppMetaDto,
  ClockDto,
  CommunityTicketFilter,
  CreateTicketOnBehalfRequest,
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
  HOUSEHOLD_SHEET_FIELD,
  HouseholdImportReportDto,
  HouseholdSheetFormat,
  UnreadCountDto,
  UploadDto,
  UserProfileDto,
  WechatLoginRequest,
  CreateMoveOutRequest,
  MoveOutDto,
  OwnerDecisionRequest,
  MoveOutDecisionRequest,
  WrittenAuthorisationRequest,
  DeregisterMembersRequest,
  VerifyReleaseSlipRequest,
  VerifyReleaseSlipResultDto,
  CreateMoveInRequest,
  MoveInDto,
  MoveInOwnerConsentRequest,
  MoveInWrittenConsentRequest,
  MoveInPapersRequest,
  MoveInDecisionRequest,
  Page,
  TimelineEntryDto,
  HouseholdNoteDto,
} from '@linli/contracts';
import {
  API_BASE,
  ApiRequestError,
  authHeader,
  handleAuthFailure,
  request,
  toApiError,
} from './http';
import { pageQuery } from './paged-list';

/** Every API call the mini-program makes, typed by @linli/contracts. */
export const api = {
  meta: () => request<AppMetaDto>('GET', ApiRoutes.meta),
  demoLogin: (body: DemoLoginRequest) => request<SessionDto>('POST', ApiRoutes.demoLogin, body),
  wechatLogin: (body: WechatLoginRequest) =>
    request<SessionDto>('POST', ApiRoutes.wechatLogin, body),
  me: () => request<UserProfileDto>('GET', ApiRoutes.me),
  categories: () => request<TicketCategoryDto[]>('GET', ApiRoutes.ticketCategories),
  createTicket: (body: CreateTicketRequest) =>
    request<TicketDetailDto>('POST', ApiRoutes.tickets, body),
  createTicketOnBehalf: (body: CreateTicketOnBehalfRequest) =>
    request<TicketDetailDto>('POST', ApiRoutes.ticketsOnBehalf, body),
  myTickets: (cursor: string | null = null) =>
    request<Page<TicketSummaryDto>>('GET', `${ApiRoutes.myTickets}${pageQuery({}, cursor)}`),
  myQueue: () => request<TicketSummaryDto[]>('GET', ApiRoutes.myQueue),
  communityTickets: (filter: CommunityTicketFilter, cursor: string | null = null) =>
    request<Page<TicketSummaryDto>>(
      'GET',
      `${ApiRoutes.communityTickets}${pageQuery({ filter }, cursor)}`,
    ),
  ticket: (id: string) => request<TicketDetailDto>('GET', ApiRoutes.ticket(id)),
  act: (id: string, body: TicketActionRequest) =>
    request<TicketDetailDto>('POST', ApiRoutes.ticketActions(id), body),
  assignees: (id: string) => request<AssigneeOptionDto[]>('GET', ApiRoutes.ticketAssignees(id)),
  testClock: () => request<ClockDto>('GET', ApiRoutes.testClock),
  setTestClock: (body: SetClockRequest) => request<ClockDto>('PUT', ApiRoutes.testClock, body),
  notifications: (cursor: string | null = null) =>
    request<NotificationPageDto>('GET', `${ApiRoutes.notifications}${pageQuery({}, cursor)}`),
  unreadCount: () => request<UnreadCountDto>('GET', ApiRoutes.notificationsUnread),
  markRead: (body: MarkReadRequest) =>
    request<UnreadCountDto>('POST', ApiRoutes.notificationsRead, body),
  subscribeTemplates: () => request<SubscribeTemplatesDto>('GET', ApiRoutes.subscribeTemplates),
  reportSubscriptions: (body: SubscriptionResultsRequest) =>
    request<SubscriptionCreditsDto>('POST', ApiRoutes.subscriptions, body),
  myHousehold: () => request<MyHouseholdDto>('GET', ApiRoutes.myHousehold),
  editMember: (memberId: string, body: EditMemberRequest) =>
    request<MyHouseholdDto>('PUT', ApiRoutes.myHouseholdMember(memberId), body),
  exportHousehold: () => request<HouseholdExportDto>('GET', ApiRoutes.myHouseholdExport),
  joinHousehold: (body: JoinHouseholdRequest) =>
    request<MyHouseholdDto>('POST', ApiRoutes.joinHousehold, body),
  bindPhone: (body: BindPhoneRequest) => request<MyHouseholdDto>('POST', ApiRoutes.bindPhone, body),
  joinCommunities: () => request<JoinCommunityDto[]>('GET', ApiRoutes.joinCommunities),
  joinBuildings: (communityId: string) =>
    request<JoinBuildingDto[]>('GET', ApiRoutes.joinBuildings(communityId)),
  askToJoin: (body: CreateJoinRequest) =>
    request<JoinRequestDto>('POST', ApiRoutes.joinRequests, body),
  myJoinRequests: () => request<JoinRequestDto[]>('GET', ApiRoutes.joinRequestsMine),
  pendingJoinRequests: () => request<JoinRequestDto[]>('GET', ApiRoutes.joinRequestsPending),
  approveJoinRequest: (id: string) =>
    request<JoinRequestDto>('POST', ApiRoutes.joinRequestApprove(id)),
  rejectJoinRequest: (id: string, body: RejectJoinRequest) =>
    request<JoinRequestDto>('POST', ApiRoutes.joinRequestReject(id), body),
  cancelJoinRequest: (id: string) =>
    request<JoinRequestDto>('POST', ApiRoutes.joinRequestCancel(id)),
  removeMember: (householdId: string, memberId: string, body: RemoveMemberRequest) =>
    request<void>('POST', ApiRoutes.householdMemberRemove(householdId, memberId), body),
  myHouseholds: () => request<MyHouseholdRefDto[]>('GET', ApiRoutes.myHouseholds),
  switchHousehold: (body: SwitchHouseholdRequest) =>
    request<UserProfileDto>('POST', ApiRoutes.activeHousehold, body),
  invite: (householdId: string, body: CreateInviteRequest) =>
    request<InviteDto>('POST', ApiRoutes.householdInvites(householdId), body),
  buildings: () => request<BuildingDto[]>('GET', ApiRoutes.buildings),
  rooms: (buildingId: string) =>
    request<RoomSummaryDto[]>('GET', ApiRoutes.buildingRooms(buildingId)),
  structureCommunities: () =>
    request<StructureCommunityDto[]>('GET', ApiRoutes.structureCommunities),
  communityStructure: (communityId: string) =>
    request<CommunityStructureDto>('GET', ApiRoutes.communityStructure(communityId)),
  addBuilding: (communityId: string, body: CreateBuildingRequest) =>
    request<StructureBuildingDto>('POST', ApiRoutes.structureBuildings(communityId), body),
  updateBuilding: (id: string, body: UpdateBuildingRequest) =>
    request<StructureBuildingDto>('PUT', ApiRoutes.structureBuilding(id), body),
  deleteBuilding: (id: string) => request<void>('DELETE', ApiRoutes.structureBuilding(id)),
  addRoom: (buildingId: string, body: CreateRoomRequest) =>
    request<StructureRoomDto>('POST', ApiRoutes.structureRooms(buildingId), body),
  addRoomRange: (buildingId: string, body: CreateRoomRangeRequest) =>
    request<CreatedRoomsDto>('POST', ApiRoutes.structureRoomRange(buildingId), body),
  updateRoom: (id: string, body: UpdateRoomRequest) =>
    request<StructureRoomDto>('PUT', ApiRoutes.structureRoom(id), body),
  deleteRoom: (id: string) => request<void>('DELETE', ApiRoutes.structureRoom(id)),
  assignAssistant: (buildingId: string, userId: string) =>
    request<StructureAssistantDto[]>('PUT', ApiRoutes.structureAssistant(buildingId, userId)),
  unassignAssistant: (buildingId: string, userId: string) =>
    request<StructureAssistantDto[]>('DELETE', ApiRoutes.structureAssistant(buildingId, userId)),
  householdFile: (id: string) => request<HouseholdFileDto>('GET', ApiRoutes.household(id)),
  householdNotes: (id: string, cursor: string) =>
    request<Page<HouseholdNoteDto>>(
      'GET',
      `${ApiRoutes.householdNotes(id)}${pageQuery({}, cursor)}`,
    ),
  householdTimeline: (id: string, cursor: string) =>
    request<Page<TimelineEntryDto>>(
      'GET',
      `${ApiRoutes.householdTimeline(id)}${pageQuery({}, cursor)}`,
    ),
  addNote: (id: string, body: AddNoteRequest) =>
    request<void>('POST', ApiRoutes.householdNotes(id), body),
  recordDocument: (id: string, kind: string, body: RecordDocumentRequest) =>
    request<HouseholdDocumentDto[]>('PUT', ApiRoutes.householdDocument(id, kind), body),
  removeDocument: (id: string, kind: string) =>
    request<HouseholdDocumentDto[]>('DELETE', ApiRoutes.householdDocument(id, kind)),
  completeReview: (id: string, body: CompleteReviewRequest) =>
    request<HouseholdReviewStateDto>('POST', ApiRoutes.householdReviews(id), body),
  myStaffProfile: () => request<StaffProfileDto>('GET', ApiRoutes.myStaffProfile),
  updateStaffProfile: (body: UpdateStaffProfileRequest) =>
    request<StaffProfileDto>('PUT', ApiRoutes.myStaffProfile, body),
  householdReads: (id: string, cursor: string | null = null) =>
    request<Page<FileReadDto>>('GET', `${ApiRoutes.householdReads(id)}${pageQuery({}, cursor)}`),
  householdReadLog: (cursor: string | null = null) =>
    request<Page<FileReadLogEntryDto>>(
      'GET',
      `${ApiRoutes.householdReadLog}${pageQuery({}, cursor)}`,
    ),
  reviewsDue: () => request<ReviewsDueDto>('GET', ApiRoutes.reviewsDue),
  callTasks: (status: CallTaskStatus, cursor: string | null = null) =>
    request<Page<CallTaskDto>>('GET', `${ApiRoutes.callTasks}${pageQuery({ status }, cursor)}`),
  callTaskDone: (id: string, body: CallTaskDoneRequest) =>
    request<CallTaskDto>('POST', ApiRoutes.callTaskDone(id), body),
  adminOutbox: (status: OutboxStatusName, cursor: string | null = null) =>
    request<OutboxPageDto>('GET', `${ApiRoutes.adminOutbox}${pageQuery({ status }, cursor)}`),
  adminOutboxRetry: (id: string) => request<OutboxItemDto>('POST', ApiRoutes.adminOutboxRetry(id)),
  classify: (ticketId: string, body: ClassifyTicketRequest) =>
    request<TicketDetailDto>('POST', ApiRoutes.ticketClassification(ticketId), body),
  requestExtension: (ticketId: string, body: RequestExtensionRequest) =>
    request<TicketExtensionDto>('POST', ApiRoutes.ticketExtensions(ticketId), body),
  decideExtension: (id: string, body: DecideExtensionRequest) =>
    request<TicketExtensionDto>('POST', ApiRoutes.extensionDecision(id), body),
  pendingExtensions: () => request<TicketExtensionDto[]>('GET', ApiRoutes.pendingExtensions),
  categoryTaxonomy: () => request<CategoryTaxonomyDto>('GET', ApiRoutes.ticketCategoriesManage),
  updateCategory: (code: string, body: UpdateTicketCategoryRequest) =>
    request<TicketCategoryAdminDto>('PUT', ApiRoutes.ticketCategory(code), body),
  escalationSlip: (ticketId: string, body: EscalationSlipRequest) =>
    request<TicketDetailDto>('POST', ApiRoutes.ticketEscalationSlip(ticketId), body),
  dutyShifts: () => request<DutyShiftDto[]>('GET', ApiRoutes.dutyShifts),
  communityAssistants: () => request<AssistantOptionDto[]>('GET', ApiRoutes.communityAssistants),
  createDutyShift: (body: CreateDutyShiftRequest) =>
    request<DutyShiftDto>('POST', ApiRoutes.dutyShifts, body),
  removeDutyShift: (id: string) => request<void>('DELETE', ApiRoutes.dutyShift(id)),
  workOrders: (cursor: string | null = null) =>
    request<Page<WorkOrderDto>>('GET', `${ApiRoutes.workOrders}${pageQuery({}, cursor)}`),
  issueWorkOrder: (body: IssueWorkOrderRequest) =>
    request<WorkOrderDto>('POST', ApiRoutes.workOrders, body),
  acceptWorkOrder: (id: string) => request<WorkOrderDto>('POST', ApiRoutes.workOrderAccept(id)),
  completeWorkOrder: (id: string, body: CompleteWorkOrderRequest) =>
    request<WorkOrderDto>('POST', ApiRoutes.workOrderDone(id), body),
  outages: (cursor: string | null = null) =>
    request<Page<OutageNoticeDto>>('GET', `${ApiRoutes.outages}${pageQuery({}, cursor)}`),
  currentOutages: () => request<OutageNoticeDto[]>('GET', ApiRoutes.currentOutages),
  createOutage: (body: CreateOutageRequest) =>
    request<OutageNoticeDto>('POST', ApiRoutes.outages, body),
  closeOutage: (id: string, body: CloseOutageRequest) =>
    request<OutageNoticeDto>('POST', ApiRoutes.outageClose(id), body),
  slaPolicies: () => request<SlaPolicyDto[]>('GET', ApiRoutes.slaPolicies),
  setSlaPolicy: (code: string, body: UpdateSlaPolicyRequest) =>
    request<SlaPolicyDto>('PUT', ApiRoutes.slaPolicy(code), body),
  resetSlaPolicy: (code: string) => request<void>('DELETE', ApiRoutes.slaPolicy(code)),
  calendar: (year: number) => request<CalendarYearDto>('GET', `${ApiRoutes.calendar}?year=${year}`),
  setCalendarOverride: (date: string, body: CalendarOverrideRequest) =>
    request<CalendarOverrideDto>('PUT', ApiRoutes.calendarOverride(date), body),
  removeCalendarOverride: (date: string) =>
    request<void>('DELETE', ApiRoutes.calendarOverride(date)),
  applyMoveOut: (body: CreateMoveOutRequest) =>
    request<MoveOutDto>('POST', ApiRoutes.moveOuts, body),
  myMoveOuts: () => request<MoveOutDto[]>('GET', ApiRoutes.myMoveOuts),
  officeMoveOuts: (householdId?: string) =>
    request<MoveOutDto[]>(
      'GET',
      householdId
        ? `${ApiRoutes.officeMoveOuts}?householdId=${encodeURIComponent(householdId)}`
        : ApiRoutes.officeMoveOuts,
    ),
  moveOutOwnerDecision: (id: string, body: OwnerDecisionRequest) =>
    request<MoveOutDto>('POST', ApiRoutes.moveOutOwnerDecision(id), body),
  cancelMoveOut: (id: string) => request<MoveOutDto>('POST', ApiRoutes.moveOutCancel(id)),
  recordWrittenAuthorisation: (id: string, body: WrittenAuthorisationRequest) =>
    request<MoveOutDto>('POST', ApiRoutes.moveOutWrittenAuthorisation(id), body),
  markFeesSettled: (id: string) => request<MoveOutDto>('POST', ApiRoutes.moveOutFeesSettled(id)),
  decideMoveOut: (id: string, body: MoveOutDecisionRequest) =>
    request<MoveOutDto>('POST', ApiRoutes.moveOutDecision(id), body),
  deregisterMembers: (id: string, body: DeregisterMembersRequest) =>
    request<MoveOutDto>('POST', ApiRoutes.moveOutDeregister(id), body),
  registerMoveIn: (body: CreateMoveInRequest) =>
    request<MoveInDto>('POST', ApiRoutes.moveIns, body),
  myMoveIns: () => request<MoveInDto[]>('GET', ApiRoutes.myMoveIns),
  officeMoveIns: (householdId?: string) =>
    request<MoveInDto[]>(
      'GET',
      householdId
        ? `${ApiRoutes.officeMoveIns}?householdId=${encodeURIComponent(householdId)}`
        : ApiRoutes.officeMoveIns,
    ),
  moveInOwnerConsent: (id: string, body: MoveInOwnerConsentRequest) =>
    request<MoveInDto>('POST', ApiRoutes.moveInOwnerConsent(id), body),
  moveInWrittenConsent: (id: string, body: MoveInWrittenConsentRequest) =>
    request<MoveInDto>('POST', ApiRoutes.moveInWrittenConsent(id), body),
  checkMoveInPapers: (id: string, body: MoveInPapersRequest) =>
    request<MoveInDto>('POST', ApiRoutes.moveInPapers(id), body),
  decideMoveIn: (id: string, body: MoveInDecisionRequest) =>
    request<MoveInDto>('POST', ApiRoutes.moveInDecision(id), body),
  cancelMoveIn: (id: string) => request<MoveInDto>('POST', ApiRoutes.moveInCancel(id)),
  verifySlip: (body: VerifyReleaseSlipRequest) =>
    request<VerifyReleaseSlipResultDto>('POST', ApiRoutes.releaseSlipVerify, body),
  upload: uploadPhoto,
  /** Imports a household sheet (a path from Taro.chooseMessageFile); all rows or none. */
  importHouseholdSheet: (communityId: string, filePath: string) =>
    uploadTo<HouseholdImportReportDto>(
      ApiRoutes.householdSheetImport(communityId),
      filePath,
      HOUSEHOLD_SHEET_FIELD,
    ),
  /** Downloads the import template or the community's export to a local temporary file. */
  downloadHouseholdSheet: (
    communityId: string,
    which: 'template' | 'export',
    format: HouseholdSheetFormat = 'xlsx',
  ) =>
    downloadTo(
      which === 'template'
        ? ApiRoutes.householdSheetTemplate(communityId, format)
        : ApiRoutes.householdSheetExport(communityId, format),
    ),
};

/** Uploads one local photo (a path from Taro.chooseMedia); the server checks its type and size. */
function uploadPhoto(filePath: string): Promise<UploadDto> {
  return uploadTo<UploadDto>(ApiRoutes.uploads, filePath, UPLOAD_FIELD);
}

/** A GET download saved to a temporary file (for Taro.openDocument); failures become ApiRequestError. */
export async function downloadTo(url: string): Promise<string> {
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await Taro.downloadFile({ url: `${API_BASE}${url}`, header: authHeader() });
  } catch {
    throw new ApiRequestError(
      { code: ErrorCode.NETWORK, message: ERROR_MESSAGES[ErrorCode.NETWORK] },
      0,
    );
  }
  if (result.statusCode >= 200 && result.statusCode < 300) return result.tempFilePath;
  const err = new ApiRequestError(toApiError(result.statusCode, null), result.statusCode);
  handleAuthFailure(err);
  throw err;
}

/** One local file, multipart, to an API route; the JSON answer or an ApiRequestError. */
async function uploadTo<T>(url: string, filePath: string, field: string): Promise<T> {
  let result: Taro.uploadFile.SuccessCallbackResult;
  try {
    result = await Taro.uploadFile({
      url: `${API_BASE}${url}`,
      filePath,
      name: field,
      header: authHeader(),
    });
  } catch {
    throw new ApiRequestError(
      { code: ErrorCode.NETWORK, message: ERROR_MESSAGES[ErrorCode.NETWORK] },
      0,
    );
  }
  let body: unknown = null;
  try {
    body = JSON.parse(result.data);
  } catch {
    body = null;
  }
  if (result.statusCode >= 200 && result.statusCode < 300 && body) return body as T;
  const err = new ApiRequestError(toApiError(result.statusCode, body), result.statusCode);
  handleAuthFailure(err);
  throw err;
}
