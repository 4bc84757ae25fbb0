import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, Not } from 'typeorm';
import { ErrorCode, StructureBuildingDto } from '@linli/contracts';
import { roomLabel } from '@linli/domain';
import { AuthUser } from '../../../common/auth/auth-user';
import { AppException } from '../../../common/errors/app-exception';
import { insertRows } from '../../../database/unit-of-work';
import { DutyShift } from '../../duty/entities/duty-shift.entity';
import { OutageNotice } from '../../outages/entities/outage-notice.entity';
import { AssistantBuilding } from '../../org/entities/assistant-building.entity';
import { Building } from '../../org/entities/building.entity';
import { Household } from '../../org/entities/household.entity';
import { Room } from '../../org/entities/room.entity';
import { CreateBuildingDto, UpdateBuildingDto } from '../dto/structure.dto';
import { StructureAccess } from '../structure-access';
import { buildingDto, buildingNameTaken, natural, present, sameName } from '../structure-presenter';
import { inUseReason, roomUsage } from '../structure-usage';
import { StructureWrites } from '../structure-writes';

/** AddBuilding, UpdateBuilding and DeleteBuilding (issue #4), each in one transaction with the community locked. */
@Injectable()
export class BuildingEdits {
  private readonly logger = new Logger('Structure');

  constructor(
    private readonly access: StructureAccess,
    private readonly writes: StructureWrites,
  ) {}

  async addBuilding(
    user: AuthUser,
    communityId: string,
    dto: CreateBuildingDto,
  ): Promise<StructureBuildingDto> {
    await this.access.community(user, communityId);
    const building = await this.writes.run(communityId, async (db) => {
      const existing = await db.find(Building, { where: { communityId } });
      if (existing.some((b) => sameName(b.name, dto.name))) throw buildingNameTaken(dto.name);
      const row: Building = {
        id: randomUUID(),
        communityId,
        name: dto.name,
        sortOrder: dto.sortOrder ?? Math.max(0, ...existing.map((b) => b.sortOrder)) + 1,
      };
      await insertRows(db, Building, row);
      return row;
    });
    this.logger.log(
      `building ${building.id} (${building.name}) added to community ${communityId} by ${user.id}`,
    );
    return present(building, [], new Map(), new Map(), []);
  }

  /** Renames a building (its rooms' labels follow) and/or moves it in the list. */
  async updateBuilding(
    user: AuthUser,
    buildingId: string,
    dto: UpdateBuildingDto,
  ): Promise<StructureBuildingDto> {
    const { communityId } = await this.access.building(user, buildingId);
    return this.writes.run(communityId, async (db) => {
      const building = await db.findOneByOrFail(Building, { id: buildingId });
      const name = dto.name ?? building.name;
      if (dto.name !== undefined) {
        const others = await db.find(Building, { where: { communityId, id: Not(buildingId) } });
        if (others.some((b) => sameName(b.name, dto.name!))) throw buildingNameTaken(dto.name);
      }
      await db.update(
        Building,
        { id: buildingId },
        { name, sortOrder: dto.sortOrder ?? building.sortOrder },
      );
      const rooms = await db.find(Room, { where: { buildingId } });
      if (name !== building.name) {
        // Tickets and move-outs keep the label they were made with (that is what the resident was told).
        for (const r of rooms)
          await db.update(Room, { id: r.id }, { label: roomLabel(name, r.unit, r.number) });
      }
      return buildingDto(db, {
        ...building,
        name,
        sortOrder: dto.sortOrder ?? building.sortOrder,
      });
    });
  }

  /** Deletes a building whose rooms hold nothing (no household with members, no tickets, no history); its empty rooms go with it. */
  async deleteBuilding(user: AuthUser, buildingId: string): Promise<void> {
    const { communityId } = await this.access.building(user, buildingId);
    await this.writes.run(communityId, async (db) => {
      const building = await db.findOneByOrFail(Building, { id: buildingId });
      const rooms = await db.find(Room, { where: { buildingId } });
      const usage = await roomUsage(db, { buildingId });
      const busy = rooms
        .filter((r) => inUseReason(usage.get(r.id)) !== null)
        .sort((a, b) => natural(a.label, b.label));
      if (busy.length > 0) {
        const first = busy[0];
        throw new AppException(
          ErrorCode.BUILDING_IN_USE,
          `${building.name}有 ${busy.length} 户房屋仍在使用（如 ${first.label}：${inUseReason(usage.get(first.id))}），不能删除楼栋`,
        );
      }
      const notices = await db.find(OutageNotice, {
        where: { communityId },
        select: { id: true, buildingIds: true },
      });
      if (notices.some((n) => n.buildingIds.includes(buildingId))) {
        throw new AppException(
          ErrorCode.BUILDING_IN_USE,
          `${building.name}有停水停电通知记录，不能删除楼栋`,
        );
      }
      const roomIds = rooms.map((r) => r.id);
      // Empty household files (nothing but their read audit, which cascades) go with their rooms.
      if (roomIds.length) await db.delete(Household, { roomId: In(roomIds) });
      if (roomIds.length) await db.delete(Room, { buildingId });
      await db.delete(AssistantBuilding, { buildingId });
      await db.delete(DutyShift, { buildingId });
      await db.delete(Building, { id: buildingId });
    });
    this.logger.log(`building ${buildingId} deleted from community ${communityId} by ${user.id}`);
  }
}
