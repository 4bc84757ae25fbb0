import { Injectable } from '@nestjs/common';
import { Role, UserProfileDto } from '@linli/contracts';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { HouseholdMember } from '../households/entities/household-member.entity';
import { AssistantBuilding } from './entities/assistant-building.entity';
import { Community } from './entities/community.entity';
import { Household } from './entities/household.entity';
import { User } from './entities/user.entity';

/** Where a household lives, copied onto its tickets. */
export interface HouseholdPlace {
  householdId: string;
  roomId: string;
  roomLabel: string;
  buildingId: string;
  communityId: string;
  communityName: string;
  /** The community's company (the access policy's scope of staff). */
  companyId: string;
}

/** Read-side of places and people: who someone is, where a household is, which buildings an assistant serves. */
@Injectable()
export class OrgDirectory {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Household) private readonly households: Repository<Household>,
    @InjectRepository(AssistantBuilding)
    private readonly assistantBuildings: Repository<AssistantBuilding>,
    @InjectRepository(Community) private readonly communities: Repository<Community>,
  ) {}

  findByOpenid(openid: string): Promise<User | null> {
    return this.users.findOne({ where: { openid } });
  }

  async authUser(id: string): Promise<AuthUser | null> {
    const user = await this.users.findOne({ where: { id } });
    return (
      user && {
        id: user.id,
        name: user.name,
        role: user.role,
        householdId: user.householdId,
        communityId: user.communityId,
      }
    );
  }

  /**
   * The communities an admin acts for: every one for the platform's admin (no community of their own),
   * else those of the company their community belongs to (as household-sheet.service decides it).
   */
  async communitiesOfAdmin(user: AuthUser): Promise<'all' | string[]> {
    if (user.role !== Role.Admin) return [];
    if (user.communityId === null) return 'all';
    const own = await this.communities.findOne({
      where: { id: user.communityId },
      select: { id: true, companyId: true },
    });
    if (!own) return [];
    return (
      await this.communities.find({ where: { companyId: own.companyId }, select: { id: true } })
    ).map((c) => c.id);
  }

  /** Whether an admin acts for this community (see communitiesOfAdmin). */
  async adminReaches(user: AuthUser, communityId: string): Promise<boolean> {
    const reach = await this.communitiesOfAdmin(user);
    return reach === 'all' || reach.includes(communityId);
  }

  async buildingsServedBy(userId: string): Promise<string[]> {
    const rows = await this.assistantBuildings.find({ where: { userId } });
    return rows.map((r) => r.buildingId).sort();
  }

  /**
   * The resident of this household who uses this phone number, if any: one whose active room it is, or a
   * member on its file linked to their account (someone with several rooms may have another one active),
   * by the account's number or the one on the file.
   */
  async boundMemberWithPhone(householdId: string, phone: string): Promise<string | null> {
    const user = await this.users.findOne({
      where: { householdId, phone, role: Role.Resident },
      select: { id: true },
    });
    if (user) return user.id;
    const member = await this.users
      .createQueryBuilder('u')
      .innerJoin(
        HouseholdMember,
        'm',
        'm.userId = u.id AND m.householdId = :householdId AND m.removedAt IS NULL',
        { householdId },
      )
      .where('u.role = :role AND (u.phone = :phone OR m.phone = :phone)', {
        role: Role.Resident,
        phone,
      })
      .orderBy('m.createdAt', 'ASC')
      .select('u.id', 'id')
      .getRawOne<{ id: string }>();
    return member?.id ?? null;
  }

  async householdPlace(householdId: string): Promise<HouseholdPlace | null> {
    // find, not findOne: with relations, findOne's LIMIT makes TypeORM run a SELECT DISTINCT pre-query first; the id is the key.
    const [household] = await this.households.find({
      where: { id: householdId },
      relations: { room: { building: { community: true } } },
    });
    const room = household?.room;
    const building = room?.building;
    if (!household || !room || !building?.community) return null;
    return {
      householdId: household.id,
      roomId: room.id,
      roomLabel: room.label,
      buildingId: building.id,
      communityId: building.communityId,
      communityName: building.community.name,
      companyId: building.community.companyId,
    };
  }

  async profile(user: AuthUser): Promise<UserProfileDto> {
    const place = user.householdId ? await this.householdPlace(user.householdId) : null;
    return {
      id: user.id,
      name: user.name,
      role: user.role,
      communityId: user.communityId ?? place?.communityId ?? null,
      household: place && {
        id: place.householdId,
        roomLabel: place.roomLabel,
        communityName: place.communityName,
      },
      buildingIds: await this.buildingsServedBy(user.id),
      department:
        (
          await this.users.findOne({
            where: { id: user.id },
            select: { id: true, department: true },
          })
        )?.department ?? null,
    };
  }
}
