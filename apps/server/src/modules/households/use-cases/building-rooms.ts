import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { BuildingDto, ErrorCode, Role, RoomSummaryDto } from '@linli/contracts';
import { OPEN_STATUSES } from '@linli/domain';
import { AuthUser } from '../../../common/auth/auth-user';
import { AppException } from '../../../common/errors/app-exception';
import { Access } from '../../org/access.service';
import { Building } from '../../org/entities/building.entity';
import { Household } from '../../org/entities/household.entity';
import { Room } from '../../org/entities/room.entity';
import { OrgDirectory } from '../../org/org-directory.service';
import { Ticket } from '../../tickets/entities/ticket.entity';
import { HouseholdMember } from '../entities/household-member.entity';
import { HouseholdAccess } from '../household-access';

/** ListMyBuildings and ListRooms: the buildings the caller works in, and a building's rooms with their households. */
@Injectable()
export class BuildingRooms {
  constructor(
    @InjectRepository(Building) private readonly buildings: Repository<Building>,
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
    @InjectRepository(Household) private readonly households: Repository<Household>,
    @InjectRepository(HouseholdMember) private readonly members: Repository<HouseholdMember>,
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly org: OrgDirectory,
    private readonly access: HouseholdAccess,
    private readonly reach: Access,
  ) {}

  /** Buildings the caller works in: an assistant's own, a supervisor's community's. */
  async buildingsOf(user: AuthUser): Promise<BuildingDto[]> {
    const rows =
      user.role === Role.Assistant
        ? await this.buildings.find({
            where: { id: In(await this.org.buildingsServedBy(user.id)) },
            order: { sortOrder: 'ASC' },
          })
        : await this.buildings.find({
            where:
              user.role === Role.Admin
                ? await this.adminBuildings(user)
                : { communityId: user.communityId ?? '-' },
            order: { sortOrder: 'ASC' },
          });
    return rows.map((b) => ({ id: b.id, name: b.name }));
  }

  async roomsOf(user: AuthUser, buildingId: string): Promise<RoomSummaryDto[]> {
    const building = await this.buildings.findOne({ where: { id: buildingId } });
    if (!building || !(await this.access.mayWorkIn(user, building)))
      throw new AppException(ErrorCode.NOT_FOUND);
    // Natural order (101, 102, 201 … 1001), not the database's text order (1001 before 101).
    const byNumber = (a: string, b: string) => a.localeCompare(b, 'zh', { numeric: true });
    const rooms = (await this.rooms.find({ where: { buildingId } })).sort(
      (a, b) => byNumber(a.unit, b.unit) || byNumber(a.number, b.number),
    );
    const households = await this.households.find({
      where: { roomId: In(rooms.map((r) => r.id)) },
    });
    const householdIds = households.map((h) => h.id);
    const memberCounts = new Map<string, number>();
    for (const m of householdIds.length
      ? await this.members.find({
          where: { householdId: In(householdIds), removedAt: IsNull() },
          select: { householdId: true },
        })
      : []) {
      memberCounts.set(m.householdId, (memberCounts.get(m.householdId) ?? 0) + 1);
    }
    const openCounts = new Map<string, number>();
    for (const t of householdIds.length
      ? await this.tickets.find({
          where: { householdId: In(householdIds), status: In([...OPEN_STATUSES]) },
          select: { householdId: true },
        })
      : []) {
      openCounts.set(t.householdId, (openCounts.get(t.householdId) ?? 0) + 1);
    }
    return rooms.map((r) => {
      const h = households.find((x) => x.roomId === r.id);
      return {
        roomId: r.id,
        label: r.label,
        householdId: h?.id ?? null,
        memberCount: h ? (memberCounts.get(h.id) ?? 0) : 0,
        openTickets: h ? (openCounts.get(h.id) ?? 0) : 0,
      };
    });
  }

  /** The buildings an admin works in: every one for the platform's admin, else those of their company's communities. */
  private async adminBuildings(user: AuthUser) {
    const reach = await this.reach.communityIds(user);
    return reach === 'all' ? {} : { communityId: In(reach) };
  }
}
