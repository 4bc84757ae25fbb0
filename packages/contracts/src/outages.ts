/** Planned water and power cuts announced to residents (docs/domain-rules.md §11), and the reports linked to them. */
export type OutageKindName = 'water' | 'power';
export type OutageStatus = 'active' | 'closed';

export interface OutageNoticeDto {
  id: string;
  kind: OutageKindName;
  title: string;
  body: string;
  /** Buildings covered; empty: the whole community. */
  buildingIds: string[];
  buildingNames: string[];
  startsAt: string;
  endsAt: string;
  status: OutageStatus;
  /** Reports of the cut linked to this notice instead of being dispatched. */
  linkedTickets: number;
  createdByName: string | null;
  createdAt: string;
  closedAt: string | null;
  closeNote: string | null;
}

/** POST /api/outages (supervisors) */
export interface CreateOutageRequest {
  kind: OutageKindName;
  title: string;
  body: string;
  buildingIds: string[];
  startsAt: string;
  endsAt: string;
}

/** POST /api/outages/:id/close */
export interface CloseOutageRequest {
  note?: string;
}
