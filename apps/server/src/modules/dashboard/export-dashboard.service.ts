import { Injectable } from '@nestjs/common';
import { DashboardDto } from '@linli/contracts';
import { formatChinaDateTime } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { DashboardQueryDto } from './dto/dashboard.dto';
import { headlineSheet, percentText } from './indicator-presenter';
import { ReadDashboard } from './read-dashboard.service';
import { ReportContent } from './report-content';
import { reportWorkbook } from './report-workbook';

/** The dashboard's tables as an Excel workbook, exactly the figures on screen. */
@Injectable()
export class ExportDashboard {
  constructor(private readonly read: ReadDashboard) {}

  async run(user: AuthUser, query: DashboardQueryDto): Promise<{ filename: string; data: Buffer }> {
    const d = await this.read.run(user, query);
    const asOf = new Date(d.period.asOf);
    return {
      filename: `${d.scope.communityName}${d.scope.departmentLabel ?? ''} ${d.period.month} 数据看板.xlsx`,
      data: await reportWorkbook(dashboardContent(d), asOf),
    };
  }
}

export function dashboardContent(d: DashboardDto): ReportContent {
  const scope = `${d.scope.communityName}${d.scope.departmentLabel ? ` ${d.scope.departmentLabel}` : ''}`;
  const count = (name: string, rows: DashboardDto['byKind']) =>
    rows.map((r) => [name, r.label, r.count]);
  const dist = (name: string, x: DashboardDto['firstResponseMinutes'], unit: string) => [
    name,
    x.count,
    x.median,
    x.p90,
    unit,
  ];
  return {
    sheets: [
      headlineSheet(
        [
          `${scope} ${d.period.month} 数据看板`,
          `统计时间：${formatChinaDateTime(new Date(d.period.asOf))}（按报事时间统计本月收到的工单）`,
          `报事总数：${d.received}`,
        ],
        d.headline,
      ),
      {
        name: '报事分布',
        heading: [],
        columns: ['维度', '项目', '件数'],
        rows: [
          ...count('类型', d.byKind),
          ...count('类别', d.byCategory),
          ...count('渠道', d.byChannel),
          ...count('楼栋', d.byBuilding),
          ...count('部门', d.byDepartment),
        ],
      },
      {
        name: '时效',
        heading: [],
        columns: ['项目', '件数', '中位数', '90分位', '单位'],
        rows: [
          dist('首次响应用时', d.firstResponseMinutes, '分钟'),
          dist('处理完成用时（按小时计的时限）', d.resolutionHours, '小时'),
          dist('处理完成用时（按工作日计的时限）', d.resolutionWorkingDays, '工作日'),
          ...d.milestones.map((m) => [
            `${m.label}节点：预警 ${m.warned} / 超时 ${m.breached}`,
            m.planned,
            null,
            null,
            '个节点',
          ]),
          [
            '延期申请（批准/驳回/待审）',
            d.extensions.asked,
            d.extensions.approved,
            d.extensions.rejected,
            `待审 ${d.extensions.pending}`,
          ],
          [
            '返修（整改轮次）',
            d.reopen.reopened,
            d.reopen.rounds,
            null,
            `返修率 ${percentText(d.reopen.rate)}`,
          ],
          [
            '无效投诉（按时答复/逾期）',
            d.invalidComplaints.count,
            d.invalidComplaints.answeredOnTime,
            d.invalidComplaints.answeredLate + d.invalidComplaints.unansweredLate,
            '件',
          ],
          ['升级（主任/公司）', d.escalations.level1, d.escalations.level2, null, '件'],
        ],
      },
      {
        name: '管家与部门',
        heading: [],
        columns: ['姓名/部门', '在办', '其中超时', '本月处理完成', '按时率', '不满意'],
        rows: [
          ...d.assistants.map((a) => [
            a.name,
            a.open,
            a.late,
            a.resolved,
            percentText(a.onTimeShare),
            a.dissatisfied,
          ]),
          ...d.departments.map((x) => [x.label, x.open, x.late, null, null, null]),
        ],
      },
    ],
  };
}
