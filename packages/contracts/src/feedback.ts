/** Ratings (评价) and callbacks (回访): the resident's verdict on a ticket and the company's follow-up. */

export enum Satisfaction {
  Satisfied = 'satisfied',
  Basic = 'basic',
  Dissatisfied = 'dissatisfied',
}

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  [Satisfaction.Satisfied]: '满意',
  [Satisfaction.Basic]: '基本满意',
  [Satisfaction.Dissatisfied]: '不满意',
};

/** Tags a resident may tick on a rating. */
export const RATING_TAGS = [
  '上门准时',
  '态度好',
  '修得好',
  '沟通及时',
  '上门不准时',
  '态度差',
  '没修好',
  '乱收费',
] as const;

export interface RateTicketRequest {
  /** The ticket's version the resident saw (optimistic lock, as for every ticket action). */
  version: number;
  overall: Satisfaction;
  /** 1–5 stars each. */
  speed: number;
  attitude: number;
  quality: number;
  tags?: string[];
  comment?: string;
}

export interface RatingAddendumRequest {
  text: string;
}

export interface RatingDto {
  id: string;
  /** 0 for the first resolution, 1 after the first rework… */
  round: number;
  overall: Satisfaction;
  speed: number;
  attitude: number;
  quality: number;
  tags: string[];
  comment: string | null;
  raterName: string;
  at: string;
  /** Later words of the resident; they never change what the rating says. */
  addenda: { text: string; at: string }[];
}

export enum CallbackOutcome {
  Satisfied = 'satisfied',
  Basic = 'basic',
  Dissatisfied = 'dissatisfied',
  Unreachable = 'unreachable',
}

export const CALLBACK_OUTCOME_LABELS: Record<CallbackOutcome, string> = {
  [CallbackOutcome.Satisfied]: '满意',
  [CallbackOutcome.Basic]: '基本满意',
  [CallbackOutcome.Dissatisfied]: '不满意',
  [CallbackOutcome.Unreachable]: '联系不上',
};

export enum CallbackChannel {
  Phone = 'phone',
  InPerson = 'in_person',
  Wechat = 'wechat',
}

export const CALLBACK_CHANNEL_LABELS: Record<CallbackChannel, string> = {
  [CallbackChannel.Phone]: '电话',
  [CallbackChannel.InPerson]: '上门',
  [CallbackChannel.Wechat]: '微信',
};

/** Why a callback task exists. */
export enum CallbackReason {
  /** Every valid complaint, when it is closed (domain §8). */
  Complaint = 'complaint',
  /** A 不满意 rating: the supervisor calls. */
  Dissatisfied = 'dissatisfied',
  /** The monthly sample (domain §8): a formal callback, some in person with a signature. */
  Sample = 'sample',
  /** Care callback one month after moving in, then every six months (domain §9). */
  Care = 'care',
}

export const CALLBACK_REASON_LABELS: Record<CallbackReason, string> = {
  [CallbackReason.Complaint]: '投诉回访',
  [CallbackReason.Dissatisfied]: '不满意回访',
  [CallbackReason.Sample]: '抽样回访',
  [CallbackReason.Care]: '关怀回访',
};

export enum CallbackStatus {
  Due = 'due',
  /** Tried and not reached; another attempt is scheduled on a later day. */
  Retrying = 'retrying',
  Done = 'done',
  /** Not reached after the last attempt. */
  Unreachable = 'unreachable',
}

export const CALLBACK_STATUS_LABELS: Record<CallbackStatus, string> = {
  [CallbackStatus.Due]: '待回访',
  [CallbackStatus.Retrying]: '待再次回访',
  [CallbackStatus.Done]: '已回访',
  [CallbackStatus.Unreachable]: '联系不上',
};

export interface CallbackTaskDto {
  id: string;
  reason: CallbackReason;
  status: CallbackStatus;
  ticketId: string | null;
  ticketCode: string | null;
  ticketDescription: string | null;
  householdId: string;
  roomLabel: string;
  residentName: string | null;
  residentPhone: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  /** Must be done in person with the resident's signature (part of the monthly sample). */
  inPersonRequired: boolean;
  dueAt: string;
  overdue: boolean;
  attempts: number;
  questions: string[];
  outcome: CallbackOutcome | null;
  channel: CallbackChannel | null;
  residentWords: string | null;
  signatureId: string | null;
  doneAt: string | null;
  doneByName: string | null;
}

export interface MyCallbacksDto {
  /** Open, due by the end of today (China time), not yet overdue. */
  dueToday: CallbackTaskDto[];
  overdue: CallbackTaskDto[];
  /** Open, due after today: may be done now. */
  upcoming: CallbackTaskDto[];
  done: CallbackTaskDto[];
}

export interface RecordCallbackRequest {
  outcome: CallbackOutcome;
  channel: CallbackChannel;
  /** What the resident said (required unless unreachable). */
  residentWords?: string;
  /** The uploaded signature image (in person). */
  signatureId?: string;
}

/** GET /api/tickets/:id/feedback: the ratings and callbacks of one ticket, and what the viewer may do. */
export interface TicketFeedbackDto {
  ratings: RatingDto[];
  callbacks: CallbackTaskDto[];
  /** The resident may rate the ticket now (resolved, not yet rated in this round, own household). */
  canRate: boolean;
  /** The resident may add words to their latest rating. */
  canAddToRating: boolean;
  /** Closed by the system without a rating: recorded as not rated, never as satisfied. */
  notRated: boolean;
}

export interface SampledTicketDto {
  ticketId: string;
  ticketCode: string;
  description: string;
  /** Why it was chosen, in Chinese (e.g. 重大投诉必查, 随机抽中). */
  why: string;
  inPerson: boolean;
  callbackStatus: CallbackStatus | null;
}

export interface CoverageFigure {
  label: string;
  done: number;
  total: number;
  /** Target share 0–1 (null: no target). */
  target: number | null;
}

/** The supervisor's 回访抽查 for one month. */
export interface CallbackCoverageDto {
  month: string;
  communityId: string;
  complaints: number;
  validComplaints: number;
  majorComplaints: number;
  figures: CoverageFigure[];
  sample: { seed: number; drawnAt: string; tickets: SampledTicketDto[] } | null;
  ratings: {
    rated: number;
    satisfied: number;
    basic: number;
    dissatisfied: number;
    notRated: number;
  };
}

export interface RunCallbackSampleRequest {
  /** 'YYYY-MM' (China time); the current month when absent. */
  month?: string;
}
