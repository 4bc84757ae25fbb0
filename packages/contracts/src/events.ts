/** Community events with sign-up (docs/domain-rules.md §10): capacity, waiting list, check-in at the door. */
export enum EventKind {
  Arts = 'arts',
  HealthTalk = 'health_talk',
  ParentChild = 'parent_child',
  OwnersMeeting = 'owners_meeting',
  Other = 'other',
}

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  [EventKind.Arts]: '文艺活动',
  [EventKind.HealthTalk]: '健康讲座',
  [EventKind.ParentChild]: '亲子活动',
  [EventKind.OwnersMeeting]: '业主大会',
  [EventKind.Other]: '社区活动',
};

export enum SignupStatus {
  Confirmed = 'confirmed',
  Waitlisted = 'waitlisted',
  Cancelled = 'cancelled',
  Attended = 'attended',
}

export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  [SignupStatus.Confirmed]: '已报名',
  [SignupStatus.Waitlisted]: '候补中',
  [SignupStatus.Cancelled]: '已取消',
  [SignupStatus.Attended]: '已签到',
};

export interface CreateEventRequest {
  kind: EventKind;
  title: string;
  place: string;
  startsAt: string;
  capacity: number;
}

export interface SignupDto {
  id: string;
  householdLabel: string;
  name: string;
  status: SignupStatus;
  statusLabel: string;
  /** Shown to the resident (and as a QR code at the door); staff type or scan it to check in. */
  code: string | null;
  /** 1-based place on the waiting list while waitlisted. */
  waitlistPosition: number | null;
  checkedInAt: string | null;
}

export interface CommunityEventDto {
  id: string;
  kind: EventKind;
  kindLabel: string;
  title: string;
  place: string;
  startsAt: string;
  capacity: number;
  confirmed: number;
  waitlisted: number;
  attended: number;
  /** The caller's household's sign-up (residents). */
  mine: SignupDto | null;
}

export interface CheckInRequest {
  code: string;
}
