/* What the demo community's residents report in a month, and how fast each category is usually handled. */

/** What residents of a community this size report in a month, by category (weights). */
export const MIX: [string, number, string][] = [
  ['bulb', 14, '楼道/客厅灯不亮，需要更换灯泡'],
  ['lock', 7, '入户门锁芯卡住，钥匙很难转动'],
  ['water_leak', 7, '卫生间天花板在滴水，楼上可能漏水'],
  ['toilet_blocked', 4, '马桶堵塞，冲水冲不下去'],
  ['home_repair_other', 11, '厨房下水很慢，水槽积水'],
  ['common_repair', 12, '单元门禁刷卡没反应'],
  ['noise', 7, '楼上深夜拖动家具，噪音很大'],
  ['complaint_general', 9, '地下车库照明太暗，晚上不安全'],
  ['staff_attitude', 2, '前台工作人员接电话态度冷淡'],
  ['fee_inquiry', 8, '想了解今年物业费的缴费方式和优惠'],
  ['community_inquiry', 8, '小区什么时候组织电梯年检？'],
  ['praise', 3, '李管家帮忙搬运快递，非常热心，特此表扬'],
];

/**
 * How each category is usually handled, in minutes: the first response after the report, the arrival on
 * site after the report (where someone goes), and the work until resolved after that. Most work lands
 * well within its limit, as in a well-run office; the scenarios below add the exceptions.
 */
export const TIMING: Record<
  string,
  { respond: [number, number]; arrive?: [number, number]; work: [number, number] }
> = {
  bulb: { respond: [10, 60], arrive: [40, 120], work: [20, 70] },
  lock: { respond: [10, 60], arrive: [40, 120], work: [30, 90] },
  water_leak: { respond: [2, 6], arrive: [6, 9.5], work: [60, 180] },
  toilet_blocked: { respond: [2, 6], arrive: [6, 9.5], work: [30, 90] },
  home_repair_other: { respond: [10, 75], arrive: [90, 300], work: [1200, 3600] },
  common_repair: { respond: [10, 75], work: [360, 2400] },
  noise: { respond: [2, 7], arrive: [8, 14], work: [30, 90] },
  complaint_general: { respond: [10, 60], work: [180, 1000] },
  staff_attitude: { respond: [10, 40], work: [60, 180] },
  fee_inquiry: { respond: [2, 10], arrive: [12, 25], work: [2, 4] },
  community_inquiry: { respond: [2, 10], work: [5, 15] },
  praise: { respond: [10, 60], work: [10, 60] },
};
