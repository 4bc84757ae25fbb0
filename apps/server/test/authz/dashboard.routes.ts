// 数据看板 and reports: the second community's figures, targets and issued report.
import { chinaMonthOf, monthsEndingWith } from '@linli/domain';
import type { Row } from './walk';

const theirs = (w: { communityId: string }) => `communityId=${w.communityId}`;
const lastMonth = () => monthsEndingWith(chinaMonthOf(new Date()), 2)[0];

export const rows: Row[] = [
  { route: 'GET /api/dashboard', kind: 'own' },
  { route: 'GET /api/dashboard', kind: 'foreign', query: theirs },
  { route: 'GET /api/dashboard/company', kind: 'own' },
  { route: 'GET /api/dashboard/tickets', kind: 'own', query: () => 'indicator=complaintResolve' },
  {
    route: 'GET /api/dashboard/tickets',
    kind: 'foreign',
    query: (w) => `indicator=complaintResolve&${theirs(w)}`,
  },
  { route: 'GET /api/dashboard/export', kind: 'foreign', query: theirs },
  { route: 'GET /api/dashboard/targets', kind: 'own' },
  { route: 'GET /api/dashboard/targets', kind: 'foreign', query: theirs },
  {
    route: 'PUT /api/dashboard/targets',
    kind: 'foreign',
    body: (w) => ({ communityId: w.communityId, emergencyResponseShare: 0.5 }),
  },
  { route: 'GET /api/reports', kind: 'own' },
  { route: 'GET /api/reports', kind: 'foreign', query: theirs },
  {
    route: 'POST /api/reports',
    kind: 'foreign',
    body: (w) => ({ kind: 'monthly', period: lastMonth(), communityId: w.communityId }),
  },
  { route: 'GET /api/reports/:id/file', kind: 'foreign', params: (w) => ({ id: w.reportId }) },
];
