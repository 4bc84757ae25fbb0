import type {
  CompanyDashboardDto,
  DashboardDto,
  DashboardQuery,
  FileBody,
  IndicatorKey,
  IndicatorTargetsDto,
  IndicatorTicketDto,
  IssueReportRequest,
  Page,
  PageQuery,
  ReportSummaryDto,
  UpdateIndicatorTargetsRequest,
} from '..';
import { get, post, put } from './endpoint';

/** dashboard: the routes its controllers declare (dashboard). */
export const dashboardEndpoints = {
  read: get('/api/dashboard')<DashboardQuery, DashboardDto>(),
  company: get('/api/dashboard/company')<{ month?: string }, CompanyDashboardDto>(),
  tickets: get('/api/dashboard/tickets')<
    DashboardQuery & { indicator: IndicatorKey },
    IndicatorTicketDto[]
  >(),
  exportFile: get('/api/dashboard/export')<DashboardQuery, FileBody>(),
  targets: get('/api/dashboard/targets')<{ communityId?: string }, IndicatorTargetsDto>(),
  updateTargets: put('/api/dashboard/targets')<
    UpdateIndicatorTargetsRequest,
    IndicatorTargetsDto
  >(),
  reports: get('/api/reports')<PageQuery & { communityId?: string }, Page<ReportSummaryDto>>(),
  issueReport: post('/api/reports')<IssueReportRequest, ReportSummaryDto>(),
  reportFile: get('/api/reports/:id/file')<void, FileBody>(),
};
