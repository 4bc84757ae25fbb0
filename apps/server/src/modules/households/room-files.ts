import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, IsNull, Repository } from 'typeorm';
import {
  CreateJoinRequest,
  ErrorCode,
  JoinBuildingDto,
  JoinCommunityDto,
  MemberRole,
} from '@linli/contracts';
import { AppException } from '../../common/errors/app-exception';
import { isUniqueViolation } from '../../database/unit-of-work';
import { ClockService } from '../clock/clock.service';
import { Building } from '../org/entities/building.entity';
import { Community } from '../org/entities/community.entity';
import { Household } from '../org/entities/household.entity';
import { Room } from '../org/entities/room.entity';
import { HouseholdMember } from './entities/household-member.entity';

/** '1栋 1单元 101' → '1栋1单元101室': how the room labels are written. */
function normaliseRoomLabel(typed: string): string {
  const compact = typed.replace(/\s+/g, '');
  return compact.endsWith('室') ? compact : `${compact}室`;
}

/** The households of which the user is a current owner. */
export async function ownedHouseholds(
  members: Repository<HouseholdMember>,
  userId: string,
): Promise<string[]> {
  const rows = await members.find({
    where: { userId, role: MemberRole.Owner, removedAt: IsNull() },
  });
  return rows.map((m) => m.householdId);
}

/** ListJoinCommunities and ListJoinRooms: picking the room to ask for, labels only, nothing about who lives there. */
@Injectable()
export class JoinPicker {
  constructor(
    @InjectRepository(Community) private readonly communities: Repository<Community>,
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
  ) {}

  async communityList(): Promise<JoinCommunityDto[]> {
    const rows = await this.communities.find({ order: { name: 'ASC' } });
    return rows.map((c) => ({ id: c.id, name: c.name }));
  }

  /** The community's buildings and their rooms. */
  async buildingsOf(communityId: string): Promise<JoinBuildingDto[]> {
    const buildings = await this.buildings.find({
      where: { communityId },
      order: { sortOrder: 'ASC' },
    });
    if (buildings.length === 0) throw new AppException(ErrorCode.NOT_FOUND);
    const rooms = await this.rooms.find({
      where: { buildingId: In(buildings.map((b) => b.id)) },
      order: { unit: 'ASC', number: 'ASC' },
    });
    return buildings.map((b) => ({
      id: b.id,
      name: b.name,
      rooms: rooms.filter((r) => r.buildingId === b.id).map((r) => ({ id: r.id, label: r.label })),
    }));
  }
}

/** The room a join request names (by id, or by community and typed label), its building, and its household file. */
@Injectable()
export class RoomFiles {
  constructor(
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
    @InjectRepository(Household) private readonly households: Repository<Household>,
    private readonly clock: ClockService,
  ) {}

  async resolve(
    req: CreateJoinRequest,
  ): Promise<{ room: Room; building: Building; household: Household }> {
    const room = await this.findRoom(req);
    const building = await this.buildings.findOneByOrFail({ id: room.buildingId });
    return { room, building, household: await this.householdOf(room) };
  }

  private async findRoom(req: CreateJoinRequest): Promise<Room> {
    if (req.roomId) {
      const room = await this.rooms.findOneBy({ id: req.roomId });
      if (room) return room;
    } else if (req.communityId && req.roomLabel) {
      const buildings = await this.buildings.find({ where: { communityId: req.communityId } });
      const label = normaliseRoomLabel(req.roomLabel);
      const room = buildings.length
        ? await this.rooms.findOne({ where: { buildingId: In(buildings.map((b) => b.id)), label } })
        : null;
      if (room) return room;
    }
    throw new AppException(ErrorCode.ROOM_NOT_FOUND);
  }

  /** The room's household file, opened now if the room has none yet (one per room: a racing request reads the winner's). */
  private async householdOf(room: Room): Promise<Household> {
    const found = await this.households.findOneBy({ roomId: room.id });
    if (found) return found;
    try {
      const created = { id: randomUUID(), roomId: room.id, createdAt: this.clock.now() };
      await this.households.insert(created);
      return created;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return this.households.findOneByOrFail({ roomId: room.id });
    }
  }
}
