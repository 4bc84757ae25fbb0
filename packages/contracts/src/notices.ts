/** Notices to residents (docs/domain-rules.md §11), with read receipts per household. */
export enum NoticeKind {
  WaterCut = 'water_cut',
  PowerCut = 'power_cut',
  PestControl = 'pest_control',
  Works = 'works',
  Event = 'event',
  FireSafety = 'fire_safety',
  FinancialReport = 'financial_report',
  SurveyResult = 'survey_result',
  Newsletter = 'newsletter',
  Other = 'other',
}

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  [NoticeKind.WaterCut]: '停水通知',
  [NoticeKind.PowerCut]: '停电通知',
  [NoticeKind.PestControl]: '消杀通知',
  [NoticeKind.Works]: '施工通知',
  [NoticeKind.Event]: '社区活动',
  [NoticeKind.FireSafety]: '消防安全',
  [NoticeKind.FinancialReport]: '财务公示',
  [NoticeKind.SurveyResult]: '调查结果',
  [NoticeKind.Newsletter]: '社区月报',
  [NoticeKind.Other]: '其他通知',
};

/** Whom a notice is for: the whole community (both empty), buildings, or unit entrances of a building. */
export interface NoticeTargetDto {
  buildingIds: string[];
  units: { buildingId: string; unit: string }[];
}

export interface CreateNoticeRequest {
  kind: NoticeKind;
  title: string;
  body: string;
  target: NoticeTargetDto;
  /** ISO instant it is published (residents told); now when absent. */
  publishAt?: string | null;
  /** ISO instant it stops being in force (pinned until then); absent: not pinned. */
  inForceUntil?: string | null;
  /** For a cut: when it starts (assistants see who has not read it an hour before). */
  startsAt?: string | null;
}

export interface NoticeDto {
  id: string;
  kind: NoticeKind;
  kindLabel: string;
  title: string;
  body: string;
  target: NoticeTargetDto;
  /** 全小区 / 1栋、2栋 / 1栋1单元 … */
  targetLabel: string;
  publishAt: string;
  published: boolean;
  inForceUntil: string | null;
  startsAt: string | null;
  pinned: boolean;
  /** The outage notice it announces (停水停电通知), if any. */
  outageId: string | null;
  createdByName: string | null;
  /** Staff: households targeted and those that have read it. Residents: null. */
  receipts: { targeted: number; read: number } | null;
  /** Residents: whether their household has read it. */
  read: boolean | null;
}

export interface NoticeReceiptDto {
  householdId: string;
  householdLabel: string;
  read: boolean;
  readAt: string | null;
  readByName: string | null;
  /** Members to call (name and phone) when it has not been read. */
  contacts: { name: string; phone: string | null }[];
}

export interface UnreadBeforeCutDto {
  notice: NoticeDto;
  households: NoticeReceiptDto[];
}
