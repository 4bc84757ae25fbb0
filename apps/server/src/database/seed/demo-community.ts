import { DemoPersona } from '@linli/contracts';

/** The fixed WeChat openids of the demo personas; the local WeChat server mints login codes for them. */
export const DEMO_OPENIDS: Record<DemoPersona, string> = {
  [DemoPersona.Resident]: 'demo-resident',
  [DemoPersona.Assistant]: 'demo-assistant',
  [DemoPersona.Supervisor]: 'demo-supervisor',
  [DemoPersona.Newcomer]: 'demo-newcomer',
  [DemoPersona.Admin]: 'demo-admin',
  [DemoPersona.DepartmentHead]: 'demo-department_head',
  [DemoPersona.Guard]: 'demo-guard',
};
export const DEMO_ADMIN_OPENID = DEMO_OPENIDS[DemoPersona.Admin];

/** 阳光花园: two buildings, two unit entrances each, three floors of two rooms. */
export const DEMO_COMMUNITY = {
  company: '阳光物业',
  community: '阳光花园',
  buildings: ['1栋', '2栋'],
  units: ['1单元', '2单元'],
  rooms: ['101', '102', '201', '202', '301', '302'],
  /** The resident's home: building, unit, room. */
  residentHome: ['1栋', '1单元', '101'] as const,
  /** The gate guard who checks release slips. */
  guardName: '刘师傅',
};
