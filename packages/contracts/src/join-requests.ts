import { MemberRole } from './households';

/** Who approves a join request: an owner of the household, or the property office (docs/domain-rules.md §4). */
export type JoinApprover = 'owner' | 'office';

export const JOIN_APPROVER_LABELS: Record<JoinApprover, string> = { owner: '业主', office: '物业' };

export type JoinRequestStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

export const JOIN_REQUEST_STATUS_LABELS: Record<JoinRequestStatus, string> = {
  pending: '审核中',
  approved: '已通过',
  rejected: '未通过',
  cancelled: '已撤回',
};

/** The roles a WeChat user may ask to join as; owners are registered by the office with the deed. */
export const JOINABLE_ROLES = [MemberRole.Family, MemberRole.Tenant, MemberRole.Relative] as const;
export type JoinableRole = (typeof JOINABLE_ROLES)[number];

/** GET /api/join-requests/communities: where a newcomer may ask to live. */
export interface JoinCommunityDto {
  id: string;
  name: string;
}

/** GET /api/join-requests/communities/:id/buildings: the buildings with their rooms (labels only, nobody's data). */
export interface JoinBuildingDto {
  id: string;
  name: string;
  rooms: { id: string; label: string }[];
}

/**
 * POST /api/join-requests. The room is picked (roomId) or typed (communityId + roomLabel, e.g.
 * '1栋1单元101室'). The phone is the one to call back; the relationship is to the owner (配偶, 租客…).
 */
export interface CreateJoinRequest {
  roomId?: string;
  communityId?: string;
  roomLabel?: string;
  name: string;
  phone: string;
  role: JoinableRole;
  relationship?: string;
}

/** One approval given on a request. */
export interface JoinApprovalDto {
  as: JoinApprover;
  byName: string;
  at: string;
}

/** A request to join a household, as the requester, the approving owner and the office see it. */
export interface JoinRequestDto {
  id: string;
  householdId: string;
  roomLabel: string;
  communityName: string;
  name: string;
  /** Full for the requester and the office; masked for owners. */
  phone: string;
  role: MemberRole;
  relationship: string | null;
  status: JoinRequestStatus;
  /** Who must approve (joinApprovers), in order. */
  approvers: JoinApprover[];
  approvals: JoinApprovalDto[];
  /** Approvals still missing while pending. */
  waitingFor: JoinApprover[];
  /** Whether the caller may approve or reject it now, and in which capacity. */
  canDecideAs: JoinApprover | null;
  rejectedByName: string | null;
  rejectReason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** POST /api/join-requests/:id/reject */
export interface RejectJoinRequest {
  reason: string;
}

/** POST /api/households/:id/members/:memberId/remove */
export interface RemoveMemberRequest {
  reason?: string;
}

export type MembershipAction =
  'requested' | 'approved' | 'rejected' | 'joined' | 'removed' | 'cancelled';

export const MEMBERSHIP_ACTION_LABELS: Record<MembershipAction, string> = {
  requested: '申请加入',
  approved: '同意加入',
  rejected: '拒绝加入',
  joined: '成为住户',
  removed: '移除住户',
  cancelled: '撤回申请',
};

/** One entry of a household's membership history: approvals, rejections, joins and removals, who and when. */
export interface MembershipEventDto {
  id: string;
  action: MembershipAction;
  /** The capacity the actor acted in (approvals, rejections and removals). */
  as: JoinApprover | null;
  actorName: string | null;
  /** The person the entry is about. */
  subjectName: string;
  subjectRole: MemberRole;
  note: string | null;
  at: string;
}

/** GET /api/me/households: every room the caller is a member of; `active` is the one the app works in. */
export interface MyHouseholdRefDto {
  householdId: string;
  roomLabel: string;
  communityName: string;
  role: MemberRole | null;
  active: boolean;
}

/** POST /api/me/active-household */
export interface SwitchHouseholdRequest {
  householdId: string;
}
