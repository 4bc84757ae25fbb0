import { TicketKind } from '@linli/contracts';
import { Department } from './department';
import { TicketCategory } from './entities/ticket-category.entity';

const K = TicketKind;
const D = Department;

/**
 * The categories a new installation starts with, from the cases of docs/domain-rules.md §6. Codes are stable
 * identifiers (the mini-program and time limits refer to them); names are what residents see.
 */
export const DEFAULT_CATEGORIES: readonly (Omit<TicketCategory, 'sortOrder' | 'serious'> & {
  serious?: boolean;
})[] = [
  {
    code: 'water_leak',
    name: '漏水/跑水',
    kind: K.RepairHome,
    department: D.Engineering,
    emergency: true,
    slaPolicies: ['emergency_home', 'home_repair'],
  },
  {
    code: 'power_cut',
    name: '停电',
    kind: K.RepairHome,
    department: D.Engineering,
    emergency: true,
    slaPolicies: ['emergency_home', 'home_repair'],
  },
  {
    code: 'water_cut',
    name: '停水',
    kind: K.RepairHome,
    department: D.Engineering,
    emergency: true,
    slaPolicies: ['emergency_home', 'home_repair'],
  },
  {
    code: 'toilet_blocked',
    name: '马桶堵塞',
    kind: K.RepairHome,
    department: D.Engineering,
    emergency: true,
    slaPolicies: ['emergency_home', 'home_repair'],
  },
  {
    code: 'bulb',
    name: '灯泡更换',
    kind: K.RepairHome,
    department: D.Engineering,
    emergency: false,
    slaPolicies: ['ordinary_request', 'simple_repair'],
  },
  {
    code: 'lock',
    name: '门锁维修',
    kind: K.RepairHome,
    department: D.Engineering,
    emergency: false,
    slaPolicies: ['ordinary_request', 'simple_repair'],
  },
  {
    code: 'home_repair_other',
    name: '其他户内维修',
    kind: K.RepairHome,
    department: D.Engineering,
    emergency: false,
    slaPolicies: ['ordinary_request', 'home_repair'],
  },
  {
    code: 'common_repair',
    name: '公共区域维修',
    kind: K.RepairCommon,
    department: D.Engineering,
    emergency: false,
    slaPolicies: ['ordinary_request', 'common_repair'],
  },
  {
    code: 'manhole_missing',
    name: '井盖缺失',
    kind: K.RepairCommon,
    department: D.Engineering,
    emergency: true,
    slaPolicies: ['common_hazard', 'common_repair'],
  },
  {
    code: 'noise',
    name: '噪音扰民',
    kind: K.Complaint,
    department: D.Security,
    emergency: false,
    slaPolicies: ['neighbour_disturbance'],
  },
  {
    code: 'staff_attitude',
    name: '服务态度投诉',
    kind: K.Complaint,
    department: D.CustomerService,
    emergency: false,
    slaPolicies: ['complaint_attitude', 'reply_not_urgent'],
  },
  // Staff mark a general complaint 严重 when it is complex: it is then timed as one (72 h).
  {
    code: 'complaint_general',
    name: '一般投诉',
    kind: K.Complaint,
    department: D.CustomerService,
    emergency: false,
    slaPolicies: ['complaint_general', 'reply_not_urgent'],
  },
  {
    code: 'complaint_other',
    name: '其他投诉',
    kind: K.Complaint,
    department: D.CustomerService,
    emergency: false,
    slaPolicies: ['complaint_other', 'reply_not_urgent'],
  },
  {
    code: 'fee_inquiry',
    name: '物业费咨询',
    kind: K.Inquiry,
    department: D.CustomerService,
    emergency: false,
    slaPolicies: ['inquiry_fees'],
  },
  {
    code: 'community_inquiry',
    name: '小区事务咨询',
    kind: K.Inquiry,
    department: D.CustomerService,
    emergency: false,
    slaPolicies: ['inquiry_community'],
  },
  {
    code: 'outside_inquiry',
    name: '社会服务咨询',
    kind: K.Inquiry,
    department: D.CustomerService,
    emergency: false,
    slaPolicies: ['inquiry_outside'],
  },
  {
    code: 'procedure_inquiry',
    name: '办事流程咨询',
    kind: K.Inquiry,
    department: D.CustomerService,
    emergency: false,
    slaPolicies: ['inquiry_procedures'],
  },
  {
    code: 'suggestion',
    name: '建议',
    kind: K.Suggestion,
    department: D.CustomerService,
    emergency: false,
    slaPolicies: [],
  },
  {
    code: 'praise',
    name: '表扬',
    kind: K.Praise,
    department: D.CustomerService,
    emergency: false,
    slaPolicies: [],
  },
];
