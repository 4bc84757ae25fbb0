import type { MembershipEventDto } from './join-requests';
import type { PhotoDto } from './tickets';
import { WechatReach } from './wechat';

/** Household members' roles (docs/domain-rules.md §3). */
export enum MemberRole {
  Owner = 'owner',
  Family = 'family',
  Tenant = 'tenant',
  Relative = 'relative',
}

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  [MemberRole.Owner]: '业主',
  [MemberRole.Family]: '家属',
  [MemberRole.Tenant]: '租户',
  [MemberRole.Relative]: '借住亲属',
};

/** Documents kept on a household's file, as a checklist (docs/domain-rules.md §3). */
export enum HouseholdDocument {
  MoveInSignOff = 'move_in_sign_off',
  InterimCovenant = 'interim_covenant',
  PreliminaryServiceAgreement = 'preliminary_service_agreement',
  MoveInFeeReceipt = 'move_in_fee_receipt',
  HandoverInspection = 'handover_inspection',
  MemberRegister = 'member_register',
  RenovationAgreement = 'renovation_agreement',
  RenovationStartApplication = 'renovation_start_application',
  RenovationWorkerRegister = 'renovation_worker_register',
  RenovationPledge = 'renovation_pledge',
  RenovationFeeNotice = 'renovation_fee_notice',
  FireSafetyPledge = 'fire_safety_pledge',
  IdCopies = 'id_copies',
  FloorPlan = 'floor_plan',
}

export const HOUSEHOLD_DOCUMENT_LABELS: Record<HouseholdDocument, string> = {
  [HouseholdDocument.MoveInSignOff]: '入伙会签单',
  [HouseholdDocument.InterimCovenant]: '临时管理规约',
  [HouseholdDocument.PreliminaryServiceAgreement]: '前期物业服务协议',
  [HouseholdDocument.MoveInFeeReceipt]: '入伙交费单',
  [HouseholdDocument.HandoverInspection]: '接管验收记录',
  [HouseholdDocument.MemberRegister]: '住户成员情况登记表',
  [HouseholdDocument.RenovationAgreement]: '房屋装饰装修管理协议',
  [HouseholdDocument.RenovationStartApplication]: '装修开工申请表',
  [HouseholdDocument.RenovationWorkerRegister]: '装修人员登记表',
  [HouseholdDocument.RenovationPledge]: '装修承诺书',
  [HouseholdDocument.RenovationFeeNotice]: '装修缴费通知单',
  [HouseholdDocument.FireSafetyPledge]: '防火责任书',
  [HouseholdDocument.IdCopies]: '身份证复印件',
  [HouseholdDocument.FloorPlan]: '房屋平面图',
};

/** Renovation papers are on the checklist only once the household renovates (one of them is on file). */
export const RENOVATION_DOCUMENTS: readonly HouseholdDocument[] = [
  HouseholdDocument.RenovationAgreement,
  HouseholdDocument.RenovationStartApplication,
  HouseholdDocument.RenovationWorkerRegister,
  HouseholdDocument.RenovationPledge,
  HouseholdDocument.RenovationFeeNotice,
];

/** One line of the documents checklist of a household file. */
export interface HouseholdDocumentDto {
  kind: HouseholdDocument;
  label: string;
  /** On file (recorded by staff), with who recorded it and when. */
  onFile: boolean;
  /** Expected on every file (renovation papers only once the household renovates). */
  required: boolean;
  note: string | null;
  recordedByName: string | null;
  recordedAt: string | null;
  /** Scans or photos of the paper. */
  photos: PhotoDto[];
}

/** PUT /api/households/:id/documents/:kind: the paper is on file; photos add to those already attached. */
export interface RecordDocumentRequest {
  note?: string;
  /** Ids of the caller's own uploads (POST /api/uploads). */
  photoIds?: string[];
}

/** The quarterly review of a household file (docs/domain-rules.md §3). */
export interface HouseholdReviewStateDto {
  /** 'YYYY-MM-DD' (China): when the next review is due; null = never reviewed, due now. */
  nextReviewOn: string | null;
  lastReviewedAt: string | null;
  lastReviewerName: string | null;
  lastReviewNote: string | null;
  /** Due today or overdue. */
  due: boolean;
}

/** POST /api/households/:id/reviews: the assistant went through the file with the household. */
export interface CompleteReviewRequest {
  note?: string;
}

/** One household file whose review is due, for the assistant's task list. */
export interface ReviewDueDto {
  householdId: string;
  roomLabel: string;
  buildingName: string;
  nextReviewOn: string | null;
  lastReviewedAt: string | null;
  /** Whole days past the due date (0 = due today; never reviewed counts from the file's creation). */
  overdueDays: number;
}

/** GET /api/household-reviews/due: the caller's files due for review, most overdue first. */
export interface ReviewsDueDto {
  total: number;
  items: ReviewDueDto[];
}

export enum TimelineKind {
  Ticket = 'ticket',
  Membership = 'membership',
  MoveOut = 'move_out',
  MoveIn = 'move_in',
  Document = 'document',
  Review = 'review',
  /** Festival care and community life: gifts handed over, events attended. */
  Care = 'care',
}

/** One entry of a household's timeline: everything that happened about it, newest first. */
export interface TimelineEntryDto {
  at: string;
  kind: TimelineKind;
  /** Short Chinese line, e.g. '报修 LL2611230001 · 水管漏水（已关闭）'. */
  title: string;
  /** The ticket, move-out… it is about, to open it. */
  refId: string | null;
}

/** One person on a household's file. Phones and ID numbers arrive masked unless the caller's role may see them. */
export interface HouseholdMemberDto {
  id: string;
  name: string;
  role: MemberRole;
  relationship: string | null;
  phone: string | null;
  idNumber: string | null;
  moveInDate: string | null;
  /** Bound to a WeChat account (can use the mini-program). */
  onWechat: boolean;
  /** Staff only (null for residents): whether WeChat messages reach them now. */
  wechatReach: WechatReach | null;
  /** The residence pass (居住证) number issued at move-in registration, if any. */
  residencePass: string | null;
}

/** The building's assistant as residents see them (the assistant's card). */
export interface AssistantCardDto {
  id: string;
  name: string;
  /** The service phone residents may call (the card's service phone, else the staff member's own). */
  phone: string | null;
  /** Signed URL of the assistant's photo, when they put one on their card. */
  photoUrl: string | null;
  /** What they are good at, e.g. ['水电维修', '老人关怀']. */
  specialities: string[];
  /** A line of introduction in their own words. */
  intro: string | null;
  /** On duty for this building right now (the duty rota). */
  onDutyNow: boolean;
  /** Their shifts for this building in the coming 7 days, soonest first. */
  shifts: { startsAt: string; endsAt: string }[];
}

/** GET/PUT /api/me/staff-profile: what an assistant shows residents on their card. */
export interface StaffProfileDto {
  photoId: string | null;
  photoUrl: string | null;
  specialities: string[];
  servicePhone: string | null;
  intro: string | null;
}

export interface UpdateStaffProfileRequest {
  /** An upload of the caller's own (POST /api/uploads), or null to remove the photo. */
  photoId?: string | null;
  /** At most 6, each 1–10 characters. */
  specialities?: string[];
  /** A mobile number, a landline (0755-12345678) or a 400 number; null to use the account's phone. */
  servicePhone?: string | null;
  intro?: string | null;
}

export const MAX_SPECIALITIES = 6;

/** GET /api/households/mine: the resident's own household. */
export interface MyHouseholdDto {
  id: string;
  roomLabel: string;
  communityName: string;
  members: HouseholdMemberDto[];
  assistants: AssistantCardDto[];
  /** The caller's own role in the household (owners may invite), null when not on the file. */
  myRole: MemberRole | null;
  /** The caller's own entry among `members` (they may edit it), null when not on the file. */
  myMemberId: string | null;
  /** Owners only (empty for others): who joined, was approved, rejected or removed, and by whom. */
  history: MembershipEventDto[];
  /** Owners only (0 for others): join requests waiting for an owner's approval. */
  pendingJoinRequests: number;
}

export interface HouseholdNoteDto {
  id: string;
  text: string;
  authorName: string;
  at: string;
}

/** GET /api/households/:id: the household file, for the building's assistants and the community's supervisors. */
export interface HouseholdFileDto {
  id: string;
  roomLabel: string;
  buildingName: string;
  members: HouseholdMemberDto[];
  /** The notes' first page, newest first; the next pages from GET householdNotes with `notesNextCursor`. */
  notes: HouseholdNoteDto[];
  notesNextCursor: string | null;
  /** The household's tickets, newest first (the timeline). */
  tickets: { id: string; code: string; categoryName: string; status: string; createdAt: string }[];
  /** Who joined, was approved, rejected or removed, and by whom, newest first. */
  history: MembershipEventDto[];
  /** Join requests for this household still waiting for the office's approval. */
  pendingOfficeApprovals: number;
  /** Move-in registrations of this household waiting for the office (入住登记). */
  pendingMoveIns: number;
  /** The documents checklist (docs/domain-rules.md §3): what is on file and what is missing. */
  documents: HouseholdDocumentDto[];
  /** Required documents not yet on file. */
  missingDocuments: number;
  review: HouseholdReviewStateDto;
  /** Tickets, membership changes, move-ins, move-outs, documents and reviews, newest first: the first page. */
  timeline: TimelineEntryDto[];
  /** For GET /api/households/:id/timeline?cursor=: the next page of the timeline; null when it is all here. */
  timelineNextCursor: string | null;
}

export interface BuildingDto {
  id: string;
  name: string;
}

/** A room of a building, with who lives there in brief. */
export interface RoomSummaryDto {
  roomId: string;
  label: string;
  householdId: string | null;
  memberCount: number;
  openTickets: number;
}

export interface AddMemberRequest {
  name: string;
  role: MemberRole;
  relationship?: string;
  phone?: string;
  idNumber?: string;
  /** 'YYYY-MM-DD' */
  moveInDate?: string;
}

/** PUT /api/households/mine/members/:memberId (WeChat's wx.request has no PATCH): an owner edits any member, anyone else only themself. */
export interface EditMemberRequest {
  phone?: string | null;
  relationship?: string | null;
  /** 'YYYY-MM-DD' */
  moveInDate?: string | null;
}

export interface AddNoteRequest {
  text: string;
}

/** Who read a household's file, when (supervisors). */
export interface FileReadDto {
  readerName: string;
  readerRole: string;
  at: string;
}

/** GET /api/household-reads: the latest reads of household files in the caller's community (supervisors) or company (admins). */
export interface FileReadLogEntryDto {
  /** The read itself (two reads of one file in one millisecond are still two rows of the paged log). */
  id: string;
  householdId: string;
  roomLabel: string;
  buildingName: string;
  readerName: string;
  readerRole: string;
  at: string;
}

export interface InviteDto {
  code: string;
  role: MemberRole;
  expiresAt: string;
}

export interface CreateInviteRequest {
  role: MemberRole;
}

export interface JoinHouseholdRequest {
  code: string;
  /** The name to put on the household file. */
  name: string;
}

/** POST /api/households/bind-phone: the code from the getPhoneNumber button; the number finds the caller on a household file. */
export interface BindPhoneRequest {
  code: string;
}

/** GET /api/households/mine/export: everything held about the caller's household (PIPL art. 45 right of access). */
export interface HouseholdExportDto {
  exportedAt: string;
  household: { id: string; roomLabel: string; communityName: string };
  /** The caller's own record in full; housemates' phone and ID numbers masked. */
  members: HouseholdMemberDto[];
  /** The staff's notes about the household. */
  notes: { text: string; at: string }[];
  tickets: {
    code: string;
    category: string;
    description: string;
    status: string;
    createdAt: string;
    events: { action: string; status: string; note: string | null; at: string }[];
  }[];
  /** The caller's own messages. */
  notifications: { title: string; body: string; at: string }[];
  /** The papers the office holds for the household (which, and since when). */
  documents: { label: string; recordedAt: string }[];
  /** Everything that happened about the household (tickets, membership, move-ins and -outs, papers, reviews); empty for a tenant, who sees only themself. */
  timeline: TimelineEntryDto[];
}

/** The household sheet (住户资料表) comes and goes as Excel or as CSV (UTF-8 with BOM). */
export type HouseholdSheetFormat = 'xlsx' | 'csv';

/** At most this large an import file. */
export const HOUSEHOLD_SHEET_MAX_BYTES = 20 * 1024 * 1024;

/** One rejected row of an import: its 1-based row number in the sheet (the header is row 1) and why, in Chinese. */
export interface HouseholdImportRejectionDto {
  row: number;
  reason: string;
}

/**
 * POST /api/communities/:id/household-sheet/import: what the import did. All or nothing: when any row is
 * rejected nothing is written and the answer is an ApiError HOUSEHOLD_IMPORT_REJECTED carrying `rejected`.
 */
export interface HouseholdImportReportDto {
  rooms: { created: number; existing: number };
  households: { created: number };
  members: { created: number; existing: number };
  /** Always empty on success (kept so a client can treat both answers alike). */
  rejected: HouseholdImportRejectionDto[];
}
