import { Satisfaction, TicketKind } from '@linli/contracts';

/* The demo's last month of rated tickets (issue #11): who lives where, and what each resident reported and said. */

/** Neighbours of the demo community whose tickets fill last month (rooms no test or persona uses). */
export const NEIGHBOURS = [
  { name: '赵阿姨', phone: '13800000101', room: ['1栋', '1单元', '201'] },
  { name: '孙大爷', phone: '13800000102', room: ['1栋', '2单元', '302'] },
  { name: '周先生', phone: '13800000103', room: ['2栋', '2单元', '102'] },
  { name: '吴女士', phone: '13800000104', room: ['2栋', '2单元', '201'] },
] as const;

export type Verdict = Satisfaction | 'auto' | 'rework';
export interface DemoTicket {
  day: number;
  who: number;
  category: string;
  kind: TicketKind;
  text: string;
  verdict: Verdict;
  serious?: boolean;
  tags?: string[];
  comment?: string;
}

const C = TicketKind.Complaint;
const R = TicketKind.RepairHome;
const S = Satisfaction;
/** Last month: ten complaints (one major) and six repairs, with what each resident said. */
export const LAST_MONTH: DemoTicket[] = [
  {
    day: 2,
    who: 0,
    category: 'noise',
    kind: C,
    text: '楼上装修周末早上七点就开始电钻',
    verdict: S.Satisfied,
    tags: ['沟通及时'],
  },
  {
    day: 3,
    who: 1,
    category: 'bulb',
    kind: R,
    text: '厨房灯管闪烁',
    verdict: S.Satisfied,
    tags: ['上门准时', '修得好'],
  },
  {
    day: 4,
    who: 2,
    category: 'staff_attitude',
    kind: C,
    text: '东门保安对老人态度生硬，还推搡',
    verdict: S.Basic,
    serious: true,
    comment: '道歉了，希望以后注意',
  },
  {
    day: 6,
    who: 3,
    category: 'complaint_general',
    kind: C,
    text: '垃圾清运不及时，楼下垃圾桶满溢',
    verdict: S.Satisfied,
  },
  {
    day: 7,
    who: 0,
    category: 'toilet_blocked',
    kind: R,
    text: '卫生间马桶堵塞',
    verdict: 'rework',
    tags: ['没修好'],
    comment: '通了半天又堵了',
  },
  {
    day: 8,
    who: 1,
    category: 'complaint_general',
    kind: C,
    text: '地下车库照明太暗，晚上看不清',
    verdict: S.Satisfied,
    tags: ['修得好'],
  },
  {
    day: 10,
    who: 2,
    category: 'noise',
    kind: C,
    text: '晚上九点后广场舞音响太大',
    verdict: S.Basic,
    comment: '音量小了一些',
  },
  {
    day: 11,
    who: 3,
    category: 'lock',
    kind: R,
    text: '入户门锁芯卡顿',
    verdict: S.Satisfied,
    tags: ['上门准时'],
  },
  {
    day: 13,
    who: 0,
    category: 'complaint_general',
    kind: C,
    text: '快递长期堆放在楼道，影响通行',
    verdict: 'auto',
  },
  {
    day: 14,
    who: 1,
    category: 'staff_attitude',
    kind: C,
    text: '维修师傅预约了却迟到两小时',
    verdict: S.Satisfied,
    tags: ['态度好'],
  },
  {
    day: 16,
    who: 2,
    category: 'common_repair',
    kind: TicketKind.RepairCommon,
    text: '2栋单元门闭门器坏了',
    verdict: S.Satisfied,
  },
  {
    day: 18,
    who: 3,
    category: 'complaint_general',
    kind: C,
    text: '电梯广告屏声音太吵',
    verdict: S.Satisfied,
    comment: '已经关掉声音了，谢谢',
  },
  {
    day: 20,
    who: 0,
    category: 'home_repair_other',
    kind: R,
    text: '阳台晾衣架升降绳断了',
    verdict: S.Basic,
  },
  {
    day: 21,
    who: 1,
    category: 'complaint_general',
    kind: C,
    text: '绿化带很久没修剪，挡住路灯',
    verdict: S.Satisfied,
  },
  {
    day: 24,
    who: 2,
    category: 'complaint_general',
    kind: C,
    text: '单元门禁经常失灵',
    verdict: 'rework',
    tags: ['没修好'],
    comment: '修完第二天又坏了',
  },
  {
    day: 26,
    who: 3,
    category: 'water_leak',
    kind: R,
    text: '厨房水槽下水管漏水',
    verdict: S.Satisfied,
    tags: ['上门准时', '修得好'],
  },
];
