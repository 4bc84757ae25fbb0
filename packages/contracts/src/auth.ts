import type { DepartmentName } from './work-orders';
import { Role } from './roles';

/** POST /api/auth/wechat-login: the code from Taro.login(). */
export interface WechatLoginRequest {
  code: string;
}

/** Demo personas offered by the persona picker when no WeChat AppID is configured. */
export enum DemoPersona {
  Resident = 'resident',
  Assistant = 'assistant',
  Supervisor = 'supervisor',
  /** A neighbour who has just moved in and has not yet bound a room. */
  Newcomer = 'newcomer',
  /** The property company's administrator: every community, and the WeChat delivery view. */
  Admin = 'admin',
  /** A department head (部门负责人): receives the work orders issued to the engineering department. */
  DepartmentHead = 'department_head',
  /** The gate guard: checks release slips (放行条) of residents moving belongings out. */
  Guard = 'guard',
}

export const DEMO_PERSONA_LABELS: Record<DemoPersona, { title: string; subtitle: string }> = {
  [DemoPersona.Resident]: { title: '住户 · 王女士', subtitle: '阳光花园 1栋1单元101室' },
  [DemoPersona.Assistant]: { title: '礼宾助理 · 李管家', subtitle: '负责 1栋、2栋' },
  [DemoPersona.Supervisor]: { title: '管理处主任 · 张主任', subtitle: '阳光花园管理处' },
  [DemoPersona.Newcomer]: {
    title: '新住户 · 赵先生',
    subtitle: '刚租住 1栋1单元101室，尚未绑定房屋',
  },
  [DemoPersona.Admin]: {
    title: '公司管理员 · 系统管理员',
    subtitle: '阳光物业 · 超时升级与微信消息投递',
  },
  [DemoPersona.DepartmentHead]: { title: '工程部经理 · 孙经理', subtitle: '接收工作安排通知单' },
  [DemoPersona.Guard]: { title: '门岗 · 刘师傅', subtitle: '阳光花园东门 · 核验放行条' },
};

/**
 * The fixed WeChat openids of the demo personas: the local WeChat server mints login codes for them, and the
 * H5 demo chat window writes to the customer-service chat as the signed-in persona.
 */
export const DEMO_OPENIDS: Record<DemoPersona, string> = {
  [DemoPersona.Resident]: 'demo-resident',
  [DemoPersona.Assistant]: 'demo-assistant',
  [DemoPersona.Supervisor]: 'demo-supervisor',
  [DemoPersona.Newcomer]: 'demo-newcomer',
  [DemoPersona.Admin]: 'demo-admin',
  [DemoPersona.DepartmentHead]: 'demo-department_head',
  [DemoPersona.Guard]: 'demo-guard',
};

export interface DemoLoginRequest {
  persona: DemoPersona;
}

export interface HouseholdRef {
  id: string;
  roomLabel: string;
  communityName: string;
}

export interface UserProfileDto {
  id: string;
  name: string;
  role: Role;
  communityId: string | null;
  household: HouseholdRef | null;
  buildingIds: string[];
  /** A department head's department (工程部 …); null for everyone else. */
  department: DepartmentName | null;
}

export interface SessionDto {
  token: string;
  expiresAt: string;
  user: UserProfileDto;
}

/** GET /api/meta: what the client needs to know before login. */
export interface AppMetaDto {
  demoMode: boolean;
  hotline: string;
  now: string;
}
