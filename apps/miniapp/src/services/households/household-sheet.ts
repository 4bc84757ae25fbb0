import type { HouseholdImportRejectionDto, HouseholdImportReportDto } from '@linli/contracts';

/** The lines shown after a successful household sheet import. */
export function importSummary(report: HouseholdImportReportDto): string[] {
  return [
    `新建房屋 ${report.rooms.created} 间，已有房屋 ${report.rooms.existing} 间`,
    `新建住户档案 ${report.households.created} 户`,
    `新登记住户 ${report.members.created} 人，已登记 ${report.members.existing} 人（未重复登记）`,
  ];
}

/** A rejected row as the office reads it: 第 3 行：单元不能为空. */
export function rejectionLine(r: HouseholdImportRejectionDto): string {
  return `第 ${r.row} 行：${r.reason}`;
}
