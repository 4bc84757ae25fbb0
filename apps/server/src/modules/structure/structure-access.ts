import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ErrorCode, Role } from '@linli/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { Building } from '../org/entities/building.entity';
import { Community } from '../org/entities/community.entity';
import { Room } from '../org/entities/room.entity';
import { Access } from '../org/access.service';

/**
 * Who manages a community's structure: its own supervisors, and the admins who reach it (their company's
 * communities; the platform's admin every one). Anyone else is told "not found", so a foreign id
 * reveals nothing, not even that it exists.
 */
@Injectable()
export class StructureAccess {
  constructor(
    @InjectRepository(Community) private readonly communities: Repository<Community>,
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
    private readonly access: Access,
  ) {}

  async mayManage(user: AuthUser, communityId: string): Promise<boolean> {
    return (
      (user.role === Role.Supervisor || user.role === Role.Admin) &&
      this.access.reaches(user, { communityId })
    );
  }

  /** The communities the caller manages, by name. */
  async managed(user: AuthUser): Promise<Community[]> {
    const reach = await this.access.communityIds(user);
    const rows =
      reach === 'all'
        ? await this.communities.find()
        : reach.length
          ? await this.communities.findBy(reach.map((id) => ({ id })))
          : [];
    return rows.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  }

  async community(user: AuthUser, communityId: string): Promise<Community> {
    const community = await this.communities.findOne({ where: { id: communityId } });
    if (!community || !(await this.mayManage(user, community.id)))
      throw new AppException(ErrorCode.NOT_FOUND);
    return community;
  }

  async building(user: AuthUser, buildingId: string): Promise<Building> {
    const building = await this.buildings.findOne({ where: { id: buildingId } });
    if (!building || !(await this.mayManage(user, building.communityId)))
      throw new AppException(ErrorCode.NOT_FOUND);
    return building;
  }

  async room(user: AuthUser, roomId: string): Promise<Room & { building: Building }> {
    const room = await this.rooms.findOne({ where: { id: roomId }, relations: { building: true } });
    if (!room?.building || !(await this.mayManage(user, room.building.communityId)))
      throw new AppException(ErrorCode.NOT_FOUND);
    return room as Room & { building: Building };
  }
}
