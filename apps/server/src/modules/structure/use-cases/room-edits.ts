import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Not } from 'typeorm';
import { CreatedRoomsDto, ErrorCode, StructureRoomDto } from '@linli/contracts';
import { roomKey, roomLabel, roomRangeProblems, roomsInRange } from '@linli/domain';
import { AuthUser } from '../../../common/auth/auth-user';
import { AppException } from '../../../common/errors/app-exception';
import { insertRows } from '../../../database/unit-of-work';
import { Building } from '../../org/entities/building.entity';
import { Household } from '../../org/entities/household.entity';
import { Room } from '../../org/entities/room.entity';
import { CreateRoomDto, CreateRoomRangeDto, UpdateRoomDto } from '../dto/structure.dto';
import { StructureAccess } from '../structure-access';
import { presentRoom, roomNumberTaken } from '../structure-presenter';
import { inUseReason, roomUsage } from '../structure-usage';
import { StructureWrites } from '../structure-writes';

/** Rows per INSERT, as the import writes them (well under both databases' bound-parameter limits). */
const INSERT_CHUNK = 500;

/** AddRoom, AddRoomRange, UpdateRoom and DeleteRoom (issue #4), each in one transaction with the community locked. */
@Injectable()
export class RoomEdits {
  private readonly logger = new Logger('Structure');

  constructor(
    private readonly access: StructureAccess,
    private readonly writes: StructureWrites,
  ) {}

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
    return this.writes.run(building.communityId, async (db) => {
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
    await this.writes.run(building.communityId, async (db) => {
      const room = await db.findOneByOrFail(Room, { id: roomId });
      const reason = inUseReason((await roomUsage(db, { roomId })).get(roomId));
      if (reason) throw new AppException(ErrorCode.ROOM_IN_USE, `${room.label}${reason}，不能删除`);
      await db.delete(Household, { roomId });
      await db.delete(Room, { id: roomId });
    });
    this.logger.log(`room ${roomId} deleted from building ${building.id} by ${user.id}`);
  }

  private async insertRooms(
    communityId: string,
    buildingId: string,
    wanted: { unit: string; number: string }[],
  ): Promise<StructureRoomDto[]> {
    return this.writes.run(communityId, async (db) => {
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
}
