import { MemberRole } from './households';
import { ActorStampDto } from './move-outs';

/** Move-in registration (入住登记, docs/domain-rules.md §4): people moving into a room, checked and approved by the office. */
export enum MoveInStatus {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
  Cancelled = 'cancelled',
}

export const MOVE_IN_STATUS_LABELS: Record<MoveInStatus, string> = {
  [MoveInStatus.Pending]: '待物业审核',
  [MoveInStatus.Approved]: '已登记 · 已发居住证',
  [MoveInStatus.Rejected]: '未通过',
  [MoveInStatus.Cancelled]: '已撤销',
};

/** The papers the office checks at the counter, per person. */
export enum MoveInPaper {
  IdDocument = 'id_document',
  PropertyDeed = 'property_deed',
  Lease = 'lease',
  NotarisedRelation = 'notarised_relation',
}

export const MOVE_IN_PAPER_LABELS: Record<MoveInPaper, string> = {
  [MoveInPaper.IdDocument]: '身份证件',
  [MoveInPaper.PropertyDeed]: '房产证明',
  [MoveInPaper.Lease]: '租赁合同',
  [MoveInPaper.NotarisedRelation]: '亲属关系公证书',
};

/** The owner's consent: given (by the owner registering, in the mini-program, or in writing), or written only. */
export enum MoveInConsent {
  OwnerConsent = 'owner_consent',
  WrittenConsent = 'written_consent',
}

/** What may still be missing for one person: a paper not yet checked, or a consent not yet on record. */
export type MoveInMissing = MoveInPaper | MoveInConsent;

export const MOVE_IN_MISSING_LABELS: Record<MoveInMissing, string> = {
  ...MOVE_IN_PAPER_LABELS,
  [MoveInConsent.OwnerConsent]: '业主同意',
  [MoveInConsent.WrittenConsent]: '业主书面同意',
};

/** How the owner's consent is on record. */
export enum MoveInOwnerConsent {
  /** The owner registered the people themself. */
  Registrant = 'registrant',
  /** The owner agreed in the mini-program. */
  MiniProgram = 'mini_program',
}

export interface MoveInPersonInput {
  name: string;
  role: MemberRole;
  relationship?: string;
  phone: string;
  /** 18-character Resident Identity Card number. */
  idNumber: string;
  /** 'YYYY-MM-DD' */
  moveInDate: string;
  /** An upload (POST /api/uploads) of the caller's: the photo for the residence pass. */
  photoId?: string;
}

/** POST /api/move-ins: a member of the household (their own household) or the office at the counter. */
export interface CreateMoveInRequest {
  householdId: string;
  people: MoveInPersonInput[];
}

export interface MoveInPersonDto {
  id: string;
  name: string;
  role: MemberRole;
  relationship: string | null;
  /** Full for the office and the registrant; masked for anyone else. */
  phone: string;
  /** Full for supervisors and admins; masked for everyone else. */
  idNumber: string;
  moveInDate: string;
  photoUrl: string | null;
  /** The papers the office has checked. */
  papers: MoveInPaper[];
  papersChecked: ActorStampDto | null;
  /** What is still missing before approval (empty: this person is ready). */
  missing: MoveInMissing[];
  /** Issued on approval: the residence pass (居住证) number. */
  residencePass: string | null;
}

export interface MoveInDto {
  id: string;
  householdId: string;
  roomLabel: string;
  status: MoveInStatus;
  registrant: { name: string; atCounter: boolean };
  createdAt: string;
  people: MoveInPersonDto[];
  ownerConsent: (ActorStampDto & { how: MoveInOwnerConsent }) | null;
  writtenConsent: (ActorStampDto & { note: string }) | null;
  decided: ActorStampDto | null;
  rejectReason: string | null;
  /** True when every person has everything (the office may approve). */
  ready: boolean;
  /** What the caller may do now (the mini-program shows exactly these buttons). */
  can: {
    ownerConsent: boolean;
    recordWrittenConsent: boolean;
    checkPapers: boolean;
    decide: boolean;
    cancel: boolean;
  };
}

/** POST /api/move-ins/:id/owner-consent (the household's owner). */
export interface MoveInOwnerConsentRequest {
  approve: boolean;
  reason?: string;
}

/** POST /api/move-ins/:id/written-consent (the office): what the owner's written consent consists of. */
export interface MoveInWrittenConsentRequest {
  note: string;
}

/** POST /api/move-ins/:id/papers (the office): the papers seen for each person (replaces what was ticked). */
export interface MoveInPapersRequest {
  people: { personId: string; papers: MoveInPaper[] }[];
}

/** POST /api/move-ins/:id/decision (the office). */
export interface MoveInDecisionRequest {
  approve: boolean;
  reason?: string;
}

/** Residence pass numbers: 8 characters of the release-slip alphabet (no look-alikes). */
export const RESIDENCE_PASS_CODE_LENGTH = 8;
