import {
  ApiRoutes,
  CompanyDashboardDto,
  DashboardDto,
  IndicatorKey,
  IndicatorTargetsDto,
  IndicatorTicketDto,
  IssueReportRequest,
  Page,
  ReportSummaryDto,
} from '@linli/contracts';
import { downloadTo } from './api';
import { request } from './http';
import { pageQuery } from './paged-list';

/** The query string of a dashboard request ('' when nothing is chosen). */
function query(params: Record<string, string | undefined>): string {
  const parts = Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]));
  return parts.length ? `?${parts.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : '';
}

/** 数据看板 and reports (supervisors, department heads, company admins). */
export const dashboardApi = {
  read: (month?: string, communityId?: string) =>
    request<DashboardDto>('GET', `${ApiRoutes.dashboard}${query({ month, communityId })}`),
  company: (month?: string) =>
    request<CompanyDashboardDto>('GET', `${ApiRoutes.dashboardCompany}${query({ month })}`),
  tickets: (indicator: IndicatorKey, month?: string, communityId?: string) =>
    request<IndicatorTicketDto[]>(
      'GET',
      `${ApiRoutes.dashboardTickets}${query({ indicator, month, communityId })}`,
    ),
  targets: (communityId?: string) =>
    request<IndicatorTargetsDto>('GET', `${ApiRoutes.dashboardTargets}${query({ communityId })}`),
  /** The dashboard's tables, downloaded to a temporary .xlsx. */
  exportFile: (month?: string, communityId?: string) =>
    downloadTo(`${ApiRoutes.dashboardExport}${query({ month, communityId })}`),
  reports: (cursor: string | null = null, communityId?: string) =>
    request<Page<ReportSummaryDto>>(
      'GET',
      `${ApiRoutes.reports}${pageQuery({ communityId }, cursor)}`,
    ),
  issueReport: (body: IssueReportRequest) =>
    request<ReportSummaryDto>('POST', ApiRoutes.reports, body),
  reportFile: (id: string) => downloadTo(ApiRoutes.reportFile(id)),
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
