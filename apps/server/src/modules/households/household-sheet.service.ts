import { Access } from '../org/access.service';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import {
  ErrorCode,
  HouseholdImportReportDto,
  HouseholdSheetFormat,
  MemberRole,
  Role,
} from '@linli/contracts';
import {
  HOUSEHOLD_SHEET_COLUMNS,
  HOUSEHOLD_SHEET_EXAMPLE,
  locateColumns,
  maskIdNumber,
  seesFullIdNumbers,
  RawSheetRow,
  sheetCells,
  validateSheetRows,
} from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { insertRows, isUniqueViolation, UnitOfWork } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Building } from '../org/entities/building.entity';
import { Community } from '../org/entities/community.entity';
import { Household } from '../org/entities/household.entity';
import { Room } from '../org/entities/room.entity';
import { HouseholdMember } from './entities/household-member.entity';
import { HouseholdRead } from './entities/household-read.entity';
import { readSheet, writeSheet } from './household-sheet.codec';
import { loadCommunityState, planImport } from './household-sheet.plan';
import { lockCommunity } from '../org/community-state';

/** Rows per INSERT: well under SQLite's 32,766 bound parameters and MySQL's 65,535 for the widest table. */
const INSERT_CHUNK = 500;

const ROLE_ORDER = [MemberRole.Owner, MemberRole.Family, MemberRole.Tenant, MemberRole.Relative];
const natural = (a: string, b: string) => a.localeCompare(b, 'zh', { numeric: true });

const TEMPLATE_NOTES = [
  '填写说明（导入时只读取第一个工作表“住户资料”）：',
  '1. 每行是一个房屋中的一位住户；只登记房屋、暂无住户时，姓名及之后各列留空。',
  '2. 楼栋、单元、房号必填；表中的楼栋在本小区不存在时会自动新建。',
  '3. 身份填写：业主、家庭成员、租户、亲属。业主和租户必须填写手机号（11 位手机号）。',
  '4. 入住日期格式为 YYYY-MM-DD，例如 2024-01-01；证件号为 18 位居民身份证号，可不填。',
  '5. 任何一行有误时整个文件都不会导入，系统会列出所有有误的行号和原因，修改后重新导入即可。',
  '6. 同一文件重复导入不会重复登记：房屋按“楼栋+单元+房号”识别，住户按同一房屋内的手机号或姓名识别。',
];

export interface SheetFile {
  data: Buffer;
  filename: string;
  format: HouseholdSheetFormat;
}

/**
 * The household sheet (住户资料表) of a community: template, import (all or nothing, in one transaction)
 * and export. For the company's admins and the community's supervisors.
 */
@Injectable()
export class HouseholdSheets {
  private readonly logger = new Logger('HouseholdSheets');

  constructor(
    @InjectRepository(Community) private readonly communities: Repository<Community>,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: ClockService,
    private readonly access: Access,
  ) {}

  async template(
    user: AuthUser,
    communityId: string,
    format: HouseholdSheetFormat,
  ): Promise<SheetFile> {
    await this.community(user, communityId);
    return {
      data: await writeSheet([HOUSEHOLD_SHEET_EXAMPLE], format, TEMPLATE_NOTES),
      filename: `住户资料导入模板.${format}`,
      format,
    };
  }

  async export(
    user: AuthUser,
    communityId: string,
    format: HouseholdSheetFormat,
  ): Promise<SheetFile> {
    const community = await this.community(user, communityId);
    const fullId = seesFullIdNumbers(user.role);
    const { rows, householdIds } = await this.unitOfWork.run(async (db) => {
      const state = await loadCommunityState(db, communityId);
      const buildings = new Map(state.buildings.map((b) => [b.id, b]));
      const householdOf = new Map(state.households.map((h) => [h.roomId, h.id]));
      const membersOf = new Map<string, HouseholdMember[]>();
      for (const m of state.members)
        membersOf.set(m.householdId, [...(membersOf.get(m.householdId) ?? []), m]);
      const rooms = [...state.rooms].sort((a, b) => {
        const ba = buildings.get(a.buildingId)!;
        const bb = buildings.get(b.buildingId)!;
        return (
          ba.sortOrder - bb.sortOrder ||
          natural(ba.name, bb.name) ||
          natural(a.unit, b.unit) ||
          natural(a.number, b.number)
        );
      });
      const out: string[][] = [];
      const read: string[] = [];
      for (const room of rooms) {
        const place = {
          building: buildings.get(room.buildingId)!.name,
          unit: room.unit,
          number: room.number,
        };
        const householdId = householdOf.get(room.id);
        const members = (householdId ? (membersOf.get(householdId) ?? []) : []).sort(
          (a, b) =>
            ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
            a.createdAt.getTime() - b.createdAt.getTime() ||
            natural(a.name, b.name),
        );
        if (members.length === 0) out.push(sheetCells(place, null));
        else if (householdId) read.push(householdId);
        for (const m of members)
          out.push(
            sheetCells(place, {
              ...m,
              idNumber: m.idNumber === null ? null : fullId ? m.idNumber : maskIdNumber(m.idNumber),
            }),
          );
      }
      return { rows: out, householdIds: read };
    });
    // Exporting is reading every file at once: each household's read audit records it, as a single read does.
    const at = this.clock.now();
    await this.unitOfWork.run(async (db) => {
      for (let i = 0; i < householdIds.length; i += INSERT_CHUNK) {
        await insertRows(
          db,
          HouseholdRead,
          householdIds
            .slice(i, i + INSERT_CHUNK)
            .map((householdId) => ({ id: randomUUID(), householdId, readerId: user.id, at })),
        );
      }
    });
    this.logger.log(
      `household sheet of community ${communityId} exported by ${user.id}: ${rows.length} rows`,
    );
    return {
      data: await writeSheet(rows, format),
      filename: `住户资料-${community.name}.${format}`,
      format,
    };
  }

  /**
   * Imports a sheet: every row is checked (on its own, against the other rows and against what the
   * community already holds) before anything is written; any rejected row rejects the whole file.
   */
  async import(
    user: AuthUser,
    communityId: string,
    data: Buffer,
  ): Promise<HouseholdImportReportDto> {
    await this.community(user, communityId);
    const sheet = await readSheet(data);
    const { columns, missing } = locateColumns(sheet.header);
    if (missing.length > 0)
      throw new AppException(
        ErrorCode.HOUSEHOLD_SHEET_UNREADABLE,
        `表头缺少以下列：${missing.join('、')}。请使用导入模板`,
      );
    const raw: RawSheetRow[] = sheet.rows.map(({ row, values }) => ({
      row,
      cells: Object.fromEntries(
        HOUSEHOLD_SHEET_COLUMNS.flatMap((c) =>
          columns[c] === undefined ? [] : [[c, values[columns[c]!] ?? '']],
        ),
      ),
    }));
    const { rows, rejected } = validateSheetRows(raw);
    if (rows.length === 0 && rejected.length === 0)
      throw new AppException(
        ErrorCode.HOUSEHOLD_SHEET_UNREADABLE,
        '表格中没有数据行，请在表头下方填写后再导入',
      );

    const started = Date.now();
    try {
      const report = await this.unitOfWork.run(async (db) => {
        await lockCommunity(db, communityId);
        const state = await loadCommunityState(db, communityId);
        const plan = planImport(communityId, state, rows, this.clock.now());
        const all = [...rejected, ...plan.rejected].sort((a, b) => a.row - b.row);
        if (all.length > 0) {
          throw new AppException(
            ErrorCode.HOUSEHOLD_IMPORT_REJECTED,
            `表格中有 ${all.length} 行数据不符合要求，本次未导入任何数据，请按提示修改后重新导入`,
            undefined,
            all,
          );
        }
        await insertChunks(db, Building, plan.buildings);
        await insertChunks(db, Room, plan.rooms);
        await insertChunks(db, Household, plan.households);
        await insertChunks(db, HouseholdMember, plan.members);
        return plan.report;
      });
      this.logger.log(
        `household sheet imported into community ${communityId} by ${user.id} in ${Date.now() - started} ms: ` +
          `rooms +${report.rooms.created} (${report.rooms.existing} existing), households +${report.households.created}, members +${report.members.created}`,
      );
      return report;
    } catch (error) {
      // Someone else wrote the same rooms meanwhile (SQLite imports queue; MySQL ones lock the community row).
      if (isUniqueViolation(error))
        throw new AppException(
          ErrorCode.CONFLICT,
          '住户资料刚被他人修改，本次未导入任何数据，请稍后重新导入',
        );
      throw error;
    }
  }

  /**
   * The community, if the caller may manage its household files: its own supervisor, or an admin —
   * of the community's company when the admin belongs to a community, else (the platform's admin) any.
   * Anyone else learns nothing, not even that the community exists.
   */
  private async community(user: AuthUser, communityId: string): Promise<Community> {
    const community = await this.communities.findOne({ where: { id: communityId } });
    if (!community) throw new AppException(ErrorCode.NOT_FOUND);
    if (
      (user.role === Role.Supervisor || user.role === Role.Admin) &&
      (await this.access.reaches(user, { communityId: community.id }))
    )
      return community;
    throw new AppException(ErrorCode.NOT_FOUND);
  }
}

async function insertChunks<T extends object>(
  db: EntityManager,
  entity: new () => T,
  rows: T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK)
    await insertRows(db, entity, rows.slice(i, i + INSERT_CHUNK));
}
