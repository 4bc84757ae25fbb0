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
}

export const DEMO_PERSONA_LABELS: Record<DemoPersona, { title: string; subtitle: string }> = {
  [DemoPersona.Resident]: { title: '住户 · 王女士', subtitle: '阳光花园 1栋1单元101室' },
  [DemoPersona.Assistant]: { title: '礼宾助理 · 李管家', subtitle: '负责 1栋、2栋' },
  [DemoPersona.Supervisor]: { title: '管理处主任 · 张主任', subtitle: '阳光花园管理处' },
  [DemoPersona.Newcomer]: { title: '新住户 · 赵先生', subtitle: '刚租住 1栋1单元101室，尚未绑定房屋' },
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
