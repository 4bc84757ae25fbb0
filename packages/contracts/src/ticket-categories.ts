/** Ticket categories as supervisors manage them, staff classification, and deadline extensions. */
import type { SlaMilestone } from './sla';
import type { TicketKind } from './tickets';

export interface TicketCategoryDto {
  code: string;
  name: string;
  kind: TicketKind;
  /** True when this category is an emergency by default (e.g. water leak): shown highlighted. */
  emergency: boolean;
}

/** A category as supervisors manage it: who handles it and which time-limit policies time it. */
export interface TicketCategoryAdminDto extends TicketCategoryDto {
  /** Serious by default (severity at intake). */
  serious: boolean;
  department: string;
  departmentLabel: string;
  slaPolicies: string[];
}

/** A time-limit policy a category can use (docs/domain-rules.md §6). */
export interface SlaPolicyOptionDto {
  code: string;
  name: string;
  covers: string;
  kinds: TicketKind[];
}

/** GET /api/ticket-categories/manage: the taxonomy with what each field may be set to. */
export interface CategoryTaxonomyDto {
  categories: TicketCategoryAdminDto[];
  departments: { code: string; label: string }[];
  policies: SlaPolicyOptionDto[];
}

/** PUT /api/ticket-categories/:code (wx.request has no PATCH) — only the fields given change. The kind of a category is fixed. */
export interface UpdateTicketCategoryRequest {
  name?: string;
  department?: string;
  emergency?: boolean;
  serious?: boolean;
  slaPolicies?: string[];
}

/** POST /api/tickets/:id/classification — staff set urgency and severity; the time limits follow. */
export interface ClassifyTicketRequest {
  version: number;
  urgent: boolean;
  serious: boolean;
  note?: string;
}

export type ExtensionStatus = 'pending' | 'approved' | 'rejected';

export const EXTENSION_STATUS_LABELS: Record<ExtensionStatus, string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '已驳回',
};

/** A request to move a milestone's deadline, and the supervisor's decision on it. */
export interface TicketExtensionDto {
  id: string;
  ticketId: string;
  ticketCode: string;
  milestone: SlaMilestone;
  status: ExtensionStatus;
  reason: string;
  requestedByName: string;
  requestedAt: string;
  /** The deadline when it was asked for, and the one asked for. */
  previousDueAt: string;
  requestedDueAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

/** POST /api/tickets/:id/extensions */
export interface RequestExtensionRequest {
  /** Which limit: the resolve milestone unless said otherwise. */
  milestone?: SlaMilestone;
  /** The new deadline asked for (ISO instant). */
  until: string;
  reason: string;
}

/** POST /api/ticket-extensions/:id/decision */
export interface DecideExtensionRequest {
  approve: boolean;
  /** Required when refusing: the handler is told why. */
  note?: string;
}
