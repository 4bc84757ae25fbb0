import { MemberRole } from './households';

/** Moving belongings out (搬出, docs/domain-rules.md §4): all of them for good, or only part. */
export enum MoveOutScope {
  Whole = 'whole',
  Partial = 'partial',
}

export const MOVE_OUT_SCOPE_LABELS: Record<MoveOutScope, string> = {
  [MoveOutScope.Whole]: '整户搬出',
  [MoveOutScope.Partial]: '部分搬出',
};

/**
 * Where a move-out application stands. A tenant's or an agent's waits for the owner first; the office
 * then approves (a release slip is issued) or rejects; the guard's check at the gate uses the slip.
 */
export enum MoveOutStatus {
  AwaitingOwner = 'awaiting_owner',
  Pending = 'pending',
  Approved = 'approved',
  Used = 'used',
  Rejected = 'rejected',
  Cancelled = 'cancelled',
}

export const MOVE_OUT_STATUS_LABELS: Record<MoveOutStatus, string> = {
  [MoveOutStatus.AwaitingOwner]: '待业主授权',
  [MoveOutStatus.Pending]: '待物业审批',
  [MoveOutStatus.Approved]: '已批准 · 放行条有效',
  [MoveOutStatus.Used]: '已放行',
  [MoveOutStatus.Rejected]: '未通过',
  [MoveOutStatus.Cancelled]: '已撤销',
};

/** How the owner's consent is on record: the owner applied, approved in the mini-program, or the office holds a written authorisation. */
export enum OwnerAuthorisation {
  Self = 'self',
  Owner = 'owner',
  Written = 'written',
}

export const OWNER_AUTHORISATION_LABELS: Record<OwnerAuthorisation, string> = {
  [OwnerAuthorisation.Self]: '业主本人申请',
  [OwnerAuthorisation.Owner]: '业主已在小程序授权',
  [OwnerAuthorisation.Written]: '物业已收业主书面授权',
};

/** Who did something and when (China time is for display; `at` is ISO UTC). */
export interface ActorStampDto {
  name: string;
  at: string;
}

/** POST /api/move-outs: a resident of the household applies. */
export interface CreateMoveOutRequest {
  /** 'YYYY-MM-DD', China date. */
  moveDate: string;
  scope: MoveOutScope;
  /** The main items, one per line. */
  items: string[];
  carrierName: string;
  carrierPhone: string;
  vehiclePlate?: string;
}

/** What goes out, when, and who carries it: as applied for, and as the release slip shows it. */
export interface MoveOutGoods {
  scope: MoveOutScope;
  moveDate: string;
  items: string[];
  carrierName: string;
  carrierPhone: string;
  vehiclePlate: string | null;
}

/** The release slip (放行条) issued when the office approves: what the guard sees at the gate. */
export interface ReleaseSlipDto extends MoveOutGoods {
  code: string;
  roomLabel: string;
  communityName: string;
  issuedAt: string;
  /** The last instant the slip lets goods out (end of the move date plus the grace days, China time). */
  validUntil: string;
  approvedBy: string;
  /** Who checked it at the gate, and when; null until used. */
  used: ActorStampDto | null;
}

export interface MoveOutDto extends MoveOutGoods {
  id: string;
  householdId: string;
  roomLabel: string;
  status: MoveOutStatus;
  applicant: { name: string; role: MemberRole };
  createdAt: string;
  /** How the owner consented, or null while the owner has not. */
  ownerAuthorisation: OwnerAuthorisation | null;
  ownerAuthorised: ActorStampDto | null;
  /** For a written authorisation: what the office holds (owner's ID copy, owner's phone…). */
  writtenAuthorisationNote: string | null;
  /** Whole move-outs: the office's record that management and utility fees are settled. */
  feesSettled: ActorStampDto | null;
  /** Approval or rejection by the office. */
  decided: ActorStampDto | null;
  rejectReason: string | null;
  slip: ReleaseSlipDto | null;
  /** After the slip was used: the office deregistered the members who left for good. */
  deregistered: (ActorStampDto & { members: string[] }) | null;
  /** What the caller may do now (the mini-program shows exactly these buttons). */
  can: {
    ownerDecide: boolean;
    recordWrittenAuthorisation: boolean;
    markFeesSettled: boolean;
    decide: boolean;
    cancel: boolean;
    deregister: boolean;
  };
}

/** POST /api/move-outs/:id/owner-decision (the household's owner). */
export interface OwnerDecisionRequest {
  approve: boolean;
  reason?: string;
}

/** POST /api/move-outs/:id/written-authorisation (the office): what the written authorisation consists of. */
export interface WrittenAuthorisationRequest {
  note: string;
}

/** POST /api/move-outs/:id/decision (the office). */
export interface MoveOutDecisionRequest {
  approve: boolean;
  reason?: string;
}

/** POST /api/move-outs/:id/deregister (the office): the members on file who left for good. */
export interface DeregisterMembersRequest {
  memberIds: string[];
}

/** POST /api/release-slips/verify (the guard). */
export interface VerifyReleaseSlipRequest {
  code: string;
}

/** The guard's answer when the goods may go: the slip, now marked used by them. */
export interface VerifyReleaseSlipResultDto {
  slip: ReleaseSlipDto;
}

/** Release slip codes: 8 characters without look-alikes (no 0/O, 1/I/L), easy to read out and type at the gate. */
export const RELEASE_SLIP_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const RELEASE_SLIP_CODE_LENGTH = 8;
