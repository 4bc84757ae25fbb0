import { DEMO_OPENIDS, DemoPersona } from '@linli/contracts';

/** The fixed WeChat openids of the demo personas (shared with the H5 demo chat window). */
export { DEMO_OPENIDS };
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
