import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, Not } from 'typeorm';
import {
  CommunityStructureDto,
  CreatedRoomsDto,
  ErrorCode,
  Role,
  StructureAssistantDto,
  StructureBuildingDto,
  StructureCommunityDto,
  StructureRoomDto,
} from '@linli/contracts';
import { roomKey, roomLabel, roomRangeProblems, roomsInRange } from '@linli/domain';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { insertRows, isUniqueViolation, UnitOfWork } from '../../database/unit-of-work';
import { DutyShift } from '../duty/entities/duty-shift.entity';
import { OutageNotice } from '../outages/entities/outage-notice.entity';
import { AssistantBuilding } from '../org/entities/assistant-building.entity';
import { Building } from '../org/entities/building.entity';
import { Community } from '../org/entities/community.entity';
import { Household } from '../org/entities/household.entity';
import { Room } from '../org/entities/room.entity';
import { User } from '../org/entities/user.entity';
import {
  CreateBuildingDto,
  CreateRoomDto,
  CreateRoomRangeDto,
  UpdateBuildingDto,
  UpdateRoomDto,
} from './dto/structure.dto';
import { StructureAccess } from './structure-access';
import { inUseReason, roomUsage, RoomUsage } from './structure-usage';

/** Rows per INSERT, as the import writes them (well under both databases' bound-parameter limits). */
const INSERT_CHUNK = 500;
/** How many clashing rooms a refusal names before "…". */
const NAMED = 5;

const natural = (a: string, b: string) => a.localeCompare(b, 'zh', { numeric: true });
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Structure management (issue #4): a community's buildings, unit entrances and rooms, and the assistants
 * of each building. Every change runs in one transaction with the community locked (as the spreadsheet
 * import does), so two offices editing at once, or an edit and an import, cannot make duplicates.
 */
@Injectable()
export class StructureService {
  private readonly logger = new Logger('Structure');

  constructor(
    private readonly access: StructureAccess,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async communities(user: AuthUser): Promise<StructureCommunityDto[]> {
    return (await this.access.managed(user)).map((c) => ({ id: c.id, name: c.name }));
  }

  async structure(user: AuthUser, communityId: string): Promise<CommunityStructureDto> {
    const community = await this.access.community(user, communityId);
    return this.unitOfWork.run(async (db) => {
      const buildings = await db.find(Building, { where: { communityId } });
      const rooms = await db
        .createQueryBuilder(Room, 'r')
        .innerJoin('r.building', 'b')
        .where('b.communityId = :communityId', { communityId })
        .getMany();
      const households = await db
        .createQueryBuilder(Household, 'h')
        .innerJoin('h.room', 'r')
        .innerJoin('r.building', 'b')
        .where('b.communityId = :communityId', { communityId })
        .select(['h.id', 'h.roomId'])
        .getMany();
      const links = await db
        .createQueryBuilder(AssistantBuilding, 'a')
        .innerJoinAndSelect('a.user', 'u')
        .innerJoin('a.building', 'b')
        .where('b.communityId = :communityId', { communityId })
        .getMany();
      const usage = await roomUsage(db, { communityId });
      const assistants = await this.assistantsOf(db, communityId);
      const householdOf = new Map(households.map((h) => [h.roomId, h.id]));
      return {
        community: { id: community.id, name: community.name },
        buildings: sortBuildings(buildings).map((b) =>
          present(
            b,
            rooms.filter((r) => r.buildingId === b.id),
            householdOf,
            usage,
            links
              .filter((l) => l.buildingId === b.id)
              .map((l) => ({ id: l.userId, name: l.user!.name })),
          ),
        ),
        assistants,
      };
    });
  }

  async addBuilding(
    user: AuthUser,
    communityId: string,
    dto: CreateBuildingDto,
  ): Promise<StructureBuildingDto> {
    await this.access.community(user, communityId);
    const building = await this.write(communityId, async (db) => {
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
    return this.write(communityId, async (db) => {
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
      return this.buildingDto(db, {
        ...building,
        name,
        sortOrder: dto.sortOrder ?? building.sortOrder,
      });
    });
  }

  /** Deletes a building whose rooms hold nothing (no household with members, no tickets, no history); its empty rooms go with it. */
  async deleteBuilding(user: AuthUser, buildingId: string): Promise<void> {
    const { communityId } = await this.access.building(user, buildingId);
    await this.write(communityId, async (db) => {
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

  async addRoom(user: AuthUser, buildingId: string, dto: CreateRoomDto): Promise<StructureRoomDto> {
    const { communityId } = await this.access.building(user, buildingId);
    const rooms = await this.insertRooms(communityId, buildingId, [
      { unit: dto.unit, number: dto.number },
    ]);
    return rooms[0];
  }

  /** Adds every room of a range, or none: any room of it already in the building refuses the whole range. */
  async addRoomRange(
    user: AuthUser,
    buildingId: string,
    dto: CreateRoomRangeDto,
  ): Promise<CreatedRoomsDto> {
    const { communityId } = await this.access.building(user, buildingId);
    const problems = roomRangeProblems(dto);
    if (problems.length > 0)
      throw new AppException(ErrorCode.VALIDATION_FAILED, problems[0].message, problems);
    const rooms = await this.insertRooms(communityId, buildingId, roomsInRange(dto));
    this.logger.log(`${rooms.length} rooms added to building ${buildingId} by ${user.id}`);
    return { created: rooms.length, rooms };
  }

  /** Changes a room's unit and/or number (its label follows); the household file stays with the room. */
  async updateRoom(user: AuthUser, roomId: string, dto: UpdateRoomDto): Promise<StructureRoomDto> {
    const { building } = await this.access.room(user, roomId);
    return this.write(building.communityId, async (db) => {
      const buildingNow = await db.findOneByOrFail(Building, { id: building.id });
      const siblings = await db.find(Room, { where: { buildingId: building.id, id: Not(roomId) } });
      const label = roomLabel(buildingNow.name, dto.unit, dto.number);
      if (siblings.some((r) => roomKey('', r.unit, r.number) === roomKey('', dto.unit, dto.number)))
        throw roomNumberTaken([label]);
      await db.update(Room, { id: roomId }, { unit: dto.unit, number: dto.number, label });
      const room = await db.findOneByOrFail(Room, { id: roomId });
      const household = await db.findOne(Household, { where: { roomId } });
      return presentRoom(
        room,
        household?.id ?? null,
        (await roomUsage(db, { roomId })).get(roomId),
      );
    });
  }

  /** Deletes a room nothing hangs off (no household with members, no tickets, no history on its file). */
  async deleteRoom(user: AuthUser, roomId: string): Promise<void> {
    const { building } = await this.access.room(user, roomId);
    await this.write(building.communityId, async (db) => {
      const room = await db.findOneByOrFail(Room, { id: roomId });
      const reason = inUseReason((await roomUsage(db, { roomId })).get(roomId));
      if (reason) throw new AppException(ErrorCode.ROOM_IN_USE, `${room.label}${reason}，不能删除`);
      await db.delete(Household, { roomId });
      await db.delete(Room, { id: roomId });
    });
    this.logger.log(`room ${roomId} deleted from building ${building.id} by ${user.id}`);
  }

  /** Makes an assistant of the community one of the building's assistants (again: no change). */
  async assignAssistant(
    user: AuthUser,
    buildingId: string,
    assistantId: string,
  ): Promise<StructureAssistantDto[]> {
    const { communityId } = await this.access.building(user, buildingId);
    return this.write(communityId, async (db) => {
      const assistant = await db.findOne(User, {
        where: { id: assistantId },
        select: { id: true, role: true, communityId: true },
      });
      if (
        !assistant ||
        assistant.role !== Role.Assistant ||
        assistant.communityId !== communityId
      ) {
        throw new AppException(ErrorCode.VALIDATION_FAILED, '只能指派本小区的礼宾助理', [
          { field: 'userId', message: '只能指派本小区的礼宾助理' },
        ]);
      }
      if (!(await db.exists(AssistantBuilding, { where: { buildingId, userId: assistantId } })))
        await insertRows(db, AssistantBuilding, { buildingId, userId: assistantId });
      return this.buildingAssistants(db, buildingId);
    });
  }

  /** The assistant no longer serves the building (not serving it already: no change). */
  async unassignAssistant(
    user: AuthUser,
    buildingId: string,
    assistantId: string,
  ): Promise<StructureAssistantDto[]> {
    const { communityId } = await this.access.building(user, buildingId);
    return this.write(communityId, async (db) => {
      await db.delete(AssistantBuilding, { buildingId, userId: assistantId });
      return this.buildingAssistants(db, buildingId);
    });
  }

  private async insertRooms(
    communityId: string,
    buildingId: string,
    wanted: { unit: string; number: string }[],
  ): Promise<StructureRoomDto[]> {
    return this.write(communityId, async (db) => {
      const building = await db.findOneByOrFail(Building, { id: buildingId });
      const existing = new Set(
        (
          await db.find(Room, {
            where: { buildingId },
            select: { id: true, unit: true, number: true },
          })
        ).map((r) => roomKey('', r.unit, r.number)),
      );
      const clashes = wanted
        .filter((w) => existing.has(roomKey('', w.unit, w.number)))
        .map((w) => roomLabel(building.name, w.unit, w.number));
      if (clashes.length > 0) throw roomNumberTaken(clashes, wanted.length > 1);
      const rows: Room[] = wanted.map((w) => ({
        id: randomUUID(),
        buildingId,
        unit: w.unit,
        number: w.number,
        label: roomLabel(building.name, w.unit, w.number),
      }));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK)
        await insertRows(db, Room, rows.slice(i, i + INSERT_CHUNK));
      return rows.map((r) => presentRoom(r, null, undefined));
    });
  }

  /**
   * One transaction with the community row locked on MySQL/MariaDB (SQLite's UnitOfWork already runs
   * transactions one at a time). A unique index that still trips (a race the lock did not cover) is
   * the same refusal as the check's.
   */
  private async write<T>(communityId: string, work: (db: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.unitOfWork.run(async (db) => {
        if (db.connection.options.type !== 'better-sqlite3') {
          await db
            .createQueryBuilder(Community, 'c')
            .setLock('pessimistic_write')
            .where('c.id = :communityId', { communityId })
            .getOne();
        }
        return work(db);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppException(ErrorCode.ROOM_NUMBER_TAKEN);
      throw error;
    }
  }

  private async buildingDto(db: EntityManager, building: Building): Promise<StructureBuildingDto> {
    const rooms = await db.find(Room, { where: { buildingId: building.id } });
    const households = rooms.length
      ? await db.find(Household, {
          where: { roomId: In(rooms.map((r) => r.id)) },
          select: { id: true, roomId: true },
        })
      : [];
    const usage = await roomUsage(db, { buildingId: building.id });
    return present(
      building,
      rooms,
      new Map(households.map((h) => [h.roomId, h.id])),
      usage,
      await this.buildingAssistants(db, building.id),
    );
  }

  private async buildingAssistants(
    db: EntityManager,
    buildingId: string,
  ): Promise<StructureAssistantDto[]> {
    const links = await db.find(AssistantBuilding, {
      where: { buildingId },
      relations: { user: true },
    });
    return links
      .map((l) => ({ id: l.userId, name: l.user!.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  }

  private async assistantsOf(
    db: EntityManager,
    communityId: string,
  ): Promise<StructureAssistantDto[]> {
    const rows = await db.find(User, {
      where: { communityId, role: Role.Assistant },
      select: { id: true, name: true },
    });
    return rows
      .map((r) => ({ id: r.id, name: r.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  }
}

function sortBuildings(buildings: Building[]): Building[] {
  return [...buildings].sort((a, b) => a.sortOrder - b.sortOrder || natural(a.name, b.name));
}

function present(
  building: Building,
  rooms: Room[],
  householdOf: Map<string, string>,
  usage: Map<string, RoomUsage>,
  assistants: StructureAssistantDto[],
): StructureBuildingDto {
  const units = [...new Set(rooms.map((r) => r.unit))].sort(natural);
  return {
    id: building.id,
    name: building.name,
    sortOrder: building.sortOrder,
    roomCount: rooms.length,
    units: units.map((unit) => ({
      unit,
      rooms: rooms
        .filter((r) => r.unit === unit)
        .sort((a, b) => natural(a.number, b.number))
        .map((r) => presentRoom(r, householdOf.get(r.id) ?? null, usage.get(r.id))),
    })),
    assistants: [...assistants].sort((a, b) => a.name.localeCompare(b.name, 'zh')),
  };
}

function presentRoom(
  room: Room,
  householdId: string | null,
  usage: RoomUsage | undefined,
): StructureRoomDto {
  return {
    id: room.id,
    unit: room.unit,
    number: room.number,
    label: room.label,
    householdId,
    memberCount: usage?.members ?? 0,
    inUse: inUseReason(usage) !== null,
  };
}

function buildingNameTaken(name: string): AppException {
  return new AppException(ErrorCode.BUILDING_NAME_TAKEN, `本小区已有楼栋“${name}”，请换一个名称`);
}

function roomNumberTaken(labels: string[], range = false): AppException {
  const named =
    labels.slice(0, NAMED).join('、') + (labels.length > NAMED ? ` 等 ${labels.length} 户` : '');
  return new AppException(
    ErrorCode.ROOM_NUMBER_TAKEN,
    range ? `${named}已存在，本次未添加任何房屋` : `${named}已存在`,
  );
}
