/**
 * SLA policies as data (docs/domain-rules.md §6): every row of the time-limit table, with a stable code, a
 * Chinese name and a limit per milestone. The numbers are defaults; a company may override any of
 * them (and remove or add milestones) with `SlaPolicyOverride` rows.
 */
import { SlaMilestone, TicketKind, type SlaLimit } from '@linli/contracts';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { computeDeadline } from './deadline';
import {
  halfDay,
  limitProblem,
  wallHours,
  wallMinutes,
  workingDays,
  type WorkingDaysLimit,
} from './durations';

export type SlaMilestones = Partial<Record<SlaMilestone, SlaLimit>>;

export interface SlaPolicy {
  code: string;
  name: string;
  /** The cases it covers, in the operating procedures' words. */
  covers: string;
  kinds: readonly TicketKind[];
  milestones: SlaMilestones;
  /** The resolve limit is a cap on a time agreed with the resident: a ticket keeps both (SlaLimit.workingDays.agreedAt; see computeDeadline). */
  agreedTimeCapped?: boolean;
}

const { RepairHome, RepairCommon, Complaint, Inquiry } = TicketKind;
const { Respond, Arrive, Resolve, Reply } = SlaMilestone;

export const SLA_POLICIES: readonly SlaPolicy[] = [
  // As written in the procedures: the technician's 10 min on site is tighter than the 30 min response.
  {
    code: 'emergency_home',
    name: '户内紧急报修',
    covers: '漏水、水浸、停电、停水、马桶堵塞',
    kinds: [RepairHome],
    milestones: { [Respond]: wallMinutes(30), [Arrive]: wallMinutes(10) },
  },
  {
    code: 'common_hazard',
    name: '公共区域隐患',
    covers: '设备噪音扰民、井盖缺失、污水外溢、积水、天面排水堵塞',
    kinds: [RepairCommon],
    milestones: { [Arrive]: wallMinutes(10) },
  },
  {
    code: 'neighbour_disturbance',
    name: '邻里扰民',
    covers: '装修异味或噪音、休息时间噪音：管家15分钟内上门',
    kinds: [Complaint],
    milestones: { [Arrive]: wallMinutes(15) },
  },
  {
    code: 'ordinary_request',
    name: '一般报修咨询',
    covers: '一般报修、咨询的响应',
    kinds: [RepairHome, RepairCommon, Inquiry],
    milestones: { [Respond]: wallHours(2) },
  },
  {
    code: 'simple_repair',
    name: '简易维修',
    covers: '换灯泡、修锁、小配件',
    kinds: [RepairHome, RepairCommon],
    milestones: { [Resolve]: halfDay() },
  },
  {
    code: 'home_repair',
    name: '其他户内维修',
    covers: '按与住户约定的时间完成，最长7个工作日',
    kinds: [RepairHome],
    milestones: { [Resolve]: workingDays(7) },
    agreedTimeCapped: true,
  },
  {
    code: 'common_repair',
    name: '其他公共部位维修',
    covers: '3个工作日内完成',
    kinds: [RepairCommon],
    milestones: { [Resolve]: workingDays(3) },
  },
  {
    code: 'complaint_attitude',
    name: '服务态度投诉（一般）',
    covers: '一般服务态度投诉，半天内处理',
    kinds: [Complaint],
    milestones: { [Resolve]: halfDay() },
  },
  // "2 days" with no "working": counted on the wall clock as 48 h, like the 24 h and 72 h complaints.
  {
    code: 'complaint_attitude_serious',
    name: '服务态度投诉（严重）',
    covers: '严重服务态度投诉，2天内处理',
    kinds: [Complaint],
    milestones: { [Resolve]: wallHours(48) },
  },
  {
    code: 'complaint_general',
    name: '一般投诉',
    covers: '24小时内解决',
    kinds: [Complaint],
    milestones: { [Resolve]: wallHours(24) },
  },
  {
    code: 'complaint_complex',
    name: '复杂投诉',
    covers: '72小时内解决，逾期须向住户说明原因',
    kinds: [Complaint],
    milestones: { [Resolve]: wallHours(72) },
  },
  {
    code: 'complaint_other',
    name: '其他投诉',
    covers: '8小时内有人到场',
    kinds: [Complaint],
    milestones: { [Arrive]: wallHours(8) },
  },
  {
    code: 'reply_urgent',
    name: '未约定期限的答复（紧急）',
    covers: '住户未提期限，紧急（无论是否严重）：2小时内答复',
    kinds: [Complaint],
    milestones: { [Reply]: wallHours(2) },
  },
  {
    code: 'reply_not_urgent',
    name: '未约定期限的答复（非紧急）',
    covers: '住户未提期限，非紧急（无论是否严重）：2个工作日内答复',
    kinds: [Complaint],
    milestones: { [Reply]: workingDays(2) },
  },
  {
    code: 'inquiry_community',
    name: '小区情况咨询',
    covers: '即时答复或30分钟内答复',
    kinds: [Inquiry],
    milestones: { [Reply]: wallMinutes(30) },
  },
  {
    code: 'inquiry_fees',
    name: '收费咨询',
    covers: '即时答复或30分钟内到现场',
    kinds: [Inquiry],
    milestones: { [Arrive]: wallMinutes(30) },
  },
  {
    code: 'inquiry_outside',
    name: '社会服务咨询',
    covers: '即时答复或30分钟内答复',
    kinds: [Inquiry],
    milestones: { [Reply]: wallMinutes(30) },
  },
  {
    code: 'inquiry_procedures',
    name: '其他部门办事流程咨询',
    covers: '即时或按约定时间答复，最长2个工作日',
    kinds: [Inquiry],
    milestones: { [Reply]: workingDays(2) },
    agreedTimeCapped: true,
  },
  {
    code: 'invalid_complaint_explanation',
    name: '无效投诉解释',
    covers: '非本公司责任的投诉，1个工作日内向住户说明原因',
    kinds: [Complaint],
    milestones: { [Reply]: workingDays(1) },
  },
];

/** The policy no category names: it times the explanation owed once a complaint is judged invalid (docs/domain-rules.md §5). */
export const INVALID_COMPLAINT_POLICY = 'invalid_complaint_explanation';

/** A company's change to one policy: a limit replaces the default, null removes the milestone. */
export interface SlaPolicyOverride {
  code: string;
  milestones: Partial<Record<SlaMilestone, SlaLimit | null>>;
}

/** The policy `code` with the company's overrides applied; undefined for an unknown code. */
export function resolvePolicy(
  code: string,
  overrides: readonly SlaPolicyOverride[] = [],
  policies: readonly SlaPolicy[] = SLA_POLICIES,
): SlaPolicy | undefined {
  const base = policies.find((p) => p.code === code);
  if (!base) return undefined;
  const milestones: SlaMilestones = { ...base.milestones };
  for (const override of overrides) {
    if (override.code !== code) continue;
    for (const [milestone, limit] of Object.entries(override.milestones) as [
      SlaMilestone,
      SlaLimit | null | undefined,
    ][]) {
      if (limit === null) delete milestones[milestone];
      else if (limit !== undefined) milestones[milestone] = limit;
    }
  }
  return { ...base, milestones };
}

/** What is wrong with a company's override table, for the admin form; empty when it is usable. */
export function overrideProblems(
  overrides: readonly SlaPolicyOverride[],
  policies: readonly SlaPolicy[] = SLA_POLICIES,
): string[] {
  const problems: string[] = [];
  const milestoneValues = new Set<string>(Object.values(SlaMilestone));
  for (const { code, milestones } of overrides) {
    if (!policies.some((p) => p.code === code)) problems.push(`${code}: unknown policy`);
    for (const [milestone, limit] of Object.entries(milestones)) {
      if (!milestoneValues.has(milestone)) problems.push(`${code}.${milestone}: unknown milestone`);
      const problem = limit ? limitProblem(limit) : null;
      if (problem) problems.push(`${code}.${milestone}: ${problem}`);
    }
  }
  return problems;
}

/**
 * "At the time agreed with the resident, at most N working days": the agreed time, or the cap's
 * deadline from `start` when that comes first or nothing was agreed. Pauses are not applied here.
 */
export function cappedAppointmentDeadline(
  agreedAt: Date | null,
  start: Date,
  calendar: WorkingCalendar,
  cap: WorkingDaysLimit = workingDays(7),
): Date {
  const capped = computeDeadline(start, cap, calendar);
  if (capped.paused) throw new Error('unreachable: no pauses given');
  return agreedAt !== null && agreedAt.getTime() < capped.deadline.getTime()
    ? agreedAt
    : capped.deadline;
}
