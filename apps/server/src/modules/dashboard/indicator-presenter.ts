import {
  CHANNEL_LABELS,
  Channel,
  CountRowDto,
  DEPARTMENT_NAMES,
  DepartmentName,
  HeadlineIndicatorDto,
  INDICATOR_KEYS,
  IndicatorKey,
  SLA_MILESTONE_LABELS,
  TICKET_KIND_LABELS,
  TicketKind,
} from '@linli/contracts';
import { CountRow, IndicatorTargets, Indicators } from '@linli/domain';
import { ReportSheet } from './report-content';

/** The figure's name as a person reads it, with the company's own numbers in it. */
export function indicatorLabel(key: IndicatorKey, targets: IndicatorTargets): string {
  switch (key) {
    case 'emergencyResponse':
      return `紧急报修 ${targets.emergencyResponseMinutes} 分钟内响应率`;
    case 'complaintResolve':
      return `投诉 ${targets.complaintResolveHours} 小时内处理完成率`;
    case 'satisfaction':
      return '住户满意率';
    case 'callbackCoverage':
      return '有效投诉回访率';
    case 'surveyResponse':
      return '满意度问卷回收率';
  }
}

export function headlineDtos(indicators: Indicators): HeadlineIndicatorDto[] {
  return INDICATOR_KEYS.map((key) => {
    const h = indicators.headline[key];
    return {
      key,
      label: indicatorLabel(key, indicators.targets),
      numerator: h.numerator,
      denominator: h.denominator,
      rate: h.rate,
      target: h.target,
      met: h.met,
      available: h.available,
      missed: h.missedTicketIds.length,
      pending: h.pendingTicketIds.length,
    };
  });
}

export function labelled(
  rows: readonly CountRow[],
  labelOf: (key: string) => string | undefined,
): CountRowDto[] {
  return rows.map((r) => ({ key: r.key, label: labelOf(r.key) ?? r.key, count: r.count }));
}

export const kindLabel = (key: string) => TICKET_KIND_LABELS[key as TicketKind];
export const channelLabel = (key: string) => CHANNEL_LABELS[key as Channel];
export const departmentLabel = (key: string) => DEPARTMENT_NAMES[key as DepartmentName];

export function milestoneRows(indicators: Indicators) {
  return indicators.milestones.map((m) => ({ ...m, label: SLA_MILESTONE_LABELS[m.milestone] }));
}

/** 93.75% style, or 暂无数据. */
export function percentText(rate: number | null): string {
  return rate === null ? '暂无数据' : `${Math.round(rate * 10_000) / 100}%`;
}

/** The 核心指标 sheet of a report or an export: one row per headline figure, under the given heading. */
export function headlineSheet(heading: string[], headline: HeadlineIndicatorDto[]): ReportSheet {
  return {
    name: '核心指标',
    heading,
    columns: [
      '指标',
      '达标件数',
      '计入件数',
      '实际',
      '目标',
      '是否达标',
      '未达标件数',
      '尚在时限内',
    ],
    rows: headline.map((h) => [
      h.label,
      h.available ? h.numerator : null,
      h.available ? h.denominator : null,
      percentText(h.rate),
      percentText(h.target),
      h.met === null ? '暂无数据' : h.met ? '达标' : '未达标',
      h.missed,
      h.pending,
    ]),
  };
}
