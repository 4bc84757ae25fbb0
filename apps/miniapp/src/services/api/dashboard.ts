import { DashboardEndpoints as E, IndicatorKey } from '@linli/contracts';
import { call, createClient, downloadTo, page } from '../request/client';

/** 数据看板 and reports (supervisors, department heads, company admins), from `DashboardEndpoints`. */
export const dashboardApi = {
  ...createClient(E),
  read: (month?: string, communityId?: string) => call(E.read, { month, communityId }),
  company: (month?: string) => call(E.company, { month }),
  tickets: (indicator: IndicatorKey, month?: string, communityId?: string) =>
    call(E.tickets, { indicator, month, communityId }),
  targets: (communityId?: string) => call(E.targets, { communityId }),
  /** The dashboard's tables, downloaded to a temporary .xlsx. */
  exportFile: (month?: string, communityId?: string) =>
    downloadTo(E.exportFile, { month, communityId }),
  reports: (cursor: string | null = null, communityId?: string) =>
    call(E.reports, { communityId, ...page(cursor) }),
  reportFile: (id: string) => downloadTo(E.reportFile, id),
};

/** '93.8%' (one decimal, trailing zero dropped), or 暂无数据. */
export function percent(rate: number | null): string {
  if (rate === null) return '暂无数据';
  return `${Math.round(rate * 1000) / 10}%`;
}

/** The month before or after 'YYYY-MM'. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** '2026-11' → '2026年11月'; '2026-11' → '11月' when short. */
export function monthLabel(month: string, short = false): string {
  const [y, m] = month.split('-').map(Number);
  return short ? `${m}月` : `${y}年${m}月`;
}
