import { Role } from '@linli/contracts';
import * as routes from '../../services/routes';

/**
 * 我的, as data: groups of entries and who sees each one. A feature adds its entry to the group where
 * people look for it (我的房屋: their home; 我的服务: messages and help; 工作台: daily staff work;
 * 管理: settings a supervisor or admin changes now and then; staff see 工作台 first) with a `who` rule; the page draws the rest.
 */
export interface MeContext {
  role: Role;
  /** A resident with an active room. */
  bound: boolean;
  unread: number;
  hotline: string | null;
}

export type MenuIconName =
  | 'home'
  | 'user-add'
  | 'location'
  | 'order'
  | 'qr'
  | 'check'
  | 'message'
  | 'phone'
  | 'people'
  | 'notice'
  | 'clock'
  | 'list'
  | 'setting'
  | 'scan'
  | 'store'
  | 'eye'
  | 'retweet'
  | 'edit';

export interface MeEntry {
  key: string;
  title: string;
  icon: MenuIconName;
  color: string;
  /** Who sees the entry. */
  who: (ctx: MeContext) => boolean;
  /** A short hint on the right (a few words; it never wraps). */
  value?: (ctx: MeContext) => string | undefined;
  badge?: (ctx: MeContext) => number;
  /** Where a tap goes: a page, or an action the page performs. */
  to: string | { action: 'call-hotline' };
}

export interface MeGroup {
  key: string;
  title: string;
  entries: MeEntry[];
}

const boundResident = (ctx: MeContext) => ctx.role === Role.Resident && ctx.bound;
const unboundResident = (ctx: MeContext) => ctx.role === Role.Resident && !ctx.bound;
const office = (ctx: MeContext) =>
  ctx.role === Role.Assistant || ctx.role === Role.Supervisor || ctx.role === Role.Admin;
const desk = (ctx: MeContext) => ctx.role === Role.Assistant || ctx.role === Role.Supervisor;
const managers = (ctx: MeContext) => ctx.role === Role.Supervisor || ctx.role === Role.Admin;

const GREEN = '#1a7f5a';
const BLUE = '#2f7ae5';
const ORANGE = '#f08a24';
const PURPLE = '#7b61d9';
const RED = '#e5483d';
const GREY = '#8a8f99';

export const ME_GROUPS: MeGroup[] = [
  {
    key: 'home',
    title: '我的房屋',
    entries: [
      {
        key: 'my-household',
        title: '我的房屋',
        icon: 'home',
        color: GREEN,
        who: boundResident,
        value: () => '成员 · 管家 · 邀请',
        to: routes.MY_HOUSEHOLD_PAGE,
      },
      {
        key: 'bind',
        title: '绑定房屋',
        icon: 'qr',
        color: GREEN,
        who: unboundResident,
        value: () => '输入邀请码',
        to: routes.JOIN_HOUSEHOLD_PAGE,
      },
      {
        key: 'apply',
        title: '申请加入房屋',
        icon: 'user-add',
        color: BLUE,
        who: unboundResident,
        value: () => '业主/物业审核',
        to: routes.APPLY_HOUSEHOLD_PAGE,
      },
      {
        key: 'owner-approvals',
        title: '入住审批',
        icon: 'check',
        color: BLUE,
        who: boundResident,
        value: () => '家人、租户加入',
        to: routes.JOIN_APPROVALS_PAGE,
      },
      {
        key: 'move-in',
        title: '入住登记',
        icon: 'location',
        color: ORANGE,
        who: boundResident,
        value: () => '搬入 · 居住证',
        to: routes.MOVE_IN_PAGE,
      },
      {
        key: 'move-out',
        title: '搬出申请',
        icon: 'order',
        color: ORANGE,
        who: boundResident,
        value: () => '须提前申请',
        to: routes.MOVE_OUT_APPLY_PAGE,
      },
      {
        key: 'slips',
        title: '我的放行条',
        icon: 'scan',
        color: PURPLE,
        who: boundResident,
        value: () => '放行码 · 授权',
        to: routes.MY_SLIPS_PAGE,
      },
    ],
  },
  {
    key: 'work',
    title: '工作台',
    entries: [
      {
        key: 'gate',
        title: '核验放行条',
        icon: 'scan',
        color: GREEN,
        who: (ctx) => ctx.role === Role.Guard,
        value: () => '输入或扫描放行码',
        to: routes.GATE_PAGE,
      },
      {
        key: 'dashboard',
        title: '数据看板',
        icon: 'eye',
        color: PURPLE,
        who: managers,
        value: () => '指标 · 趋势 · 报表',
        to: routes.DASHBOARD_PAGE,
      },
      {
        key: 'rooms',
        title: '住户档案',
        icon: 'people',
        color: GREEN,
        who: office,
        value: () => '楼栋 · 房屋 · 备注',
        to: routes.ROOMS_PAGE,
      },
      {
        key: 'office-approvals',
        title: '入住审批',
        icon: 'check',
        color: BLUE,
        who: office,
        value: () => '租户、借住亲属',
        to: routes.JOIN_APPROVALS_PAGE,
      },
      {
        key: 'office-move-ins',
        title: '入住登记审核',
        icon: 'location',
        color: ORANGE,
        who: office,
        value: () => '证件 · 居住证',
        to: routes.OFFICE_MOVE_INS_PAGE,
      },
      {
        key: 'office-move-outs',
        title: '搬出审批',
        icon: 'order',
        color: ORANGE,
        who: office,
        value: () => '放行条 · 迁出',
        to: routes.OFFICE_MOVE_OUTS_PAGE,
      },
      {
        key: 'callbacks',
        title: '我的回访',
        icon: 'phone',
        color: GREEN,
        who: desk,
        value: () => '待回访 · 超期 · 已完成',
        to: routes.MY_CALLBACKS_PAGE,
      },
      {
        key: 'callback-coverage',
        title: '回访抽查',
        icon: 'check',
        color: PURPLE,
        who: (ctx) => ctx.role === Role.Supervisor,
        value: () => '覆盖 · 抽样',
        to: routes.CALLBACK_COVERAGE_PAGE,
      },
      {
        key: 'survey-rounds',
        title: '满意度调查',
        icon: 'list',
        color: ORANGE,
        who: managers,
        value: () => '抽样 · 发送 · 结果',
        to: routes.SURVEY_ROUNDS_PAGE,
      },
      {
        key: 'care',
        title: '节日关怀',
        icon: 'notice',
        color: RED,
        who: (ctx) => ctx.role === Role.Supervisor,
        value: () => '关怀日历 · 覆盖率',
        to: routes.CARE_PLANNER_PAGE,
      },
      {
        key: 'gifts',
        title: '礼品发放',
        icon: 'store',
        color: ORANGE,
        who: desk,
        value: () => '节日礼品 · 上门关怀',
        to: routes.CARE_GIFTS_PAGE,
      },
      {
        key: 'calls',
        title: '电话任务',
        icon: 'phone',
        color: RED,
        who: office,
        value: () => '微信未送达的通知',
        to: routes.CALL_TASKS_PAGE,
      },
      {
        key: 'work-orders',
        title: '工作安排通知单',
        icon: 'list',
        color: PURPLE,
        who: managers,
        value: () => '部门接收 · 完成',
        to: routes.WORK_ORDERS_PAGE,
      },
      {
        key: 'duty',
        title: '值班表',
        icon: 'clock',
        color: BLUE,
        who: desk,
        value: (ctx) => (ctx.role === Role.Supervisor ? '排班' : '查看'),
        to: routes.DUTY_PAGE,
      },
      {
        key: 'outages',
        title: '停水停电通知',
        icon: 'notice',
        color: ORANGE,
        who: office,
        value: (ctx) => (ctx.role === Role.Assistant ? '查看' : '发布 · 恢复'),
        to: routes.OUTAGES_PAGE,
      },
      {
        key: 'profile',
        title: '我的名片',
        icon: 'edit',
        color: GREEN,
        who: desk,
        value: () => '照片 · 擅长 · 电话',
        to: routes.STAFF_PROFILE_PAGE,
      },
    ],
  },
  {
    key: 'service',
    title: '我的服务',
    entries: [
      {
        key: 'greetings',
        title: '节日问候',
        icon: 'notice',
        color: RED,
        who: boundResident,
        value: () => '物业送来的节日贺卡',
        to: routes.CARE_GREETINGS_PAGE,
      },
      {
        key: 'notices',
        title: '通知公告',
        icon: 'notice',
        color: BLUE,
        who: (ctx) => ctx.role !== Role.Guard,
        value: (ctx) => (ctx.role === Role.Resident ? '物业通知 · 停水停电' : '发布 · 已读回执'),
        to: routes.NOTICES_PAGE,
      },
      {
        key: 'events',
        title: '社区活动',
        icon: 'people',
        color: GREEN,
        who: (ctx) => boundResident(ctx) || desk(ctx),
        value: (ctx) => (ctx.role === Role.Resident ? '报名 · 签到码' : '报名名单 · 签到'),
        to: routes.EVENTS_PAGE,
      },
      {
        key: 'surveys',
        title: '我的问卷',
        icon: 'edit',
        color: ORANGE,
        who: boundResident,
        value: () => '满意度调查 · 结果',
        to: routes.SURVEYS_MINE_PAGE,
      },
      {
        key: 'inbox',
        title: '消息中心',
        icon: 'message',
        color: BLUE,
        who: (ctx) => ctx.role !== Role.Guard,
        value: (ctx) => (ctx.unread > 0 ? `${ctx.unread} 条未读` : undefined),
        to: routes.INBOX_PAGE,
      },
      {
        key: 'hotline',
        title: '物业服务热线',
        icon: 'phone',
        color: GREEN,
        who: (ctx) => ctx.hotline !== null,
        value: (ctx) => ctx.hotline ?? undefined,
        to: { action: 'call-hotline' },
      },
    ],
  },
  {
    key: 'admin',
    title: '管理',
    entries: [
      {
        key: 'sla',
        title: '服务时限标准',
        icon: 'clock',
        color: RED,
        who: office,
        value: (ctx) => (ctx.role === Role.Admin ? '查看 · 调整' : '查看'),
        to: routes.SLA_POLICIES_PAGE,
      },
      {
        key: 'calendar',
        title: '工作日历',
        icon: 'list',
        color: BLUE,
        who: office,
        value: () => '节假日 · 调休',
        to: routes.CALENDAR_PAGE,
      },
      {
        key: 'categories',
        title: '报事类别',
        icon: 'setting',
        color: GREY,
        who: managers,
        value: () => '部门 · 紧急 · 时限',
        to: routes.CATEGORIES_PAGE,
      },
      {
        key: 'structure',
        title: '楼栋房屋管理',
        icon: 'store',
        color: GREEN,
        who: managers,
        value: () => '楼栋 · 房号 · 管家',
        to: routes.STRUCTURE_PAGE,
      },
      {
        key: 'sheet',
        title: '住户资料导入',
        icon: 'retweet',
        color: BLUE,
        who: managers,
        value: () => '模板 · 导入 · 导出',
        to: routes.HOUSEHOLD_SHEET_PAGE,
      },
      {
        key: 'reads',
        title: '档案查阅记录',
        icon: 'eye',
        color: PURPLE,
        who: managers,
        value: () => '谁查阅了档案',
        to: routes.READ_LOG_PAGE,
      },
      {
        key: 'outbox',
        title: '微信消息投递',
        icon: 'message',
        color: GREEN,
        who: (ctx) => ctx.role === Role.Admin,
        value: () => '发送失败 · 重发',
        to: routes.OUTBOX_ADMIN_PAGE,
      },
    ],
  },
];

export interface VisibleEntry extends Omit<MeEntry, 'who' | 'value' | 'badge'> {
  value?: string;
  badge?: number;
}

/** The groups this person sees: entries filtered by `who`, values worked out, empty groups dropped. */
export function visibleGroups(
  groups: MeGroup[],
  ctx: MeContext,
): { key: string; title: string; entries: VisibleEntry[] }[] {
  return groups
    .map((g) => ({
      key: g.key,
      title: g.title,
      entries: g.entries
        .filter((e) => e.who(ctx))
        .map(({ who: _who, value, badge, ...rest }) => ({
          ...rest,
          value: value?.(ctx),
          badge: badge?.(ctx),
        })),
    }))
    .filter((g) => g.entries.length > 0);
}

/** Residents never see the demo clock; staff in a demo build do, marked as a demo tool. */
export const showsDemoClock = (role: Role, demoMode: boolean) => demoMode && role !== Role.Resident;
