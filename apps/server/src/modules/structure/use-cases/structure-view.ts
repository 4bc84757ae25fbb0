import { Injectable } from '@nestjs/common';
import { CommunityStructureDto, StructureCommunityDto } from '@linli/contracts';
import { AuthUser } from '../../../common/auth/auth-user';
import { UnitOfWork } from '../../../database/unit-of-work';
import { communityHouseholds } from '../../org/community-state';
import { AssistantBuilding } from '../../org/entities/assistant-building.entity';
import { Building } from '../../org/entities/building.entity';
import { Room } from '../../org/entities/room.entity';
import { StructureAccess } from '../structure-access';
import { assistantsOf, present, sortBuildings } from '../structure-presenter';
import { roomUsage } from '../structure-usage';

/** ListCommunities and ShowStructure: what the structure screen reads. */
@Injectable()
export class StructureView {
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
      const households = await communityHouseholds(db, communityId);
      const links = await db
        .createQueryBuilder(AssistantBuilding, 'a')
        .innerJoinAndSelect('a.user', 'u')
        .innerJoin('a.building', 'b')
        .where('b.communityId = :communityId', { communityId })
        .getMany();
      const usage = await roomUsage(db, { communityId });
      const assistants = await assistantsOf(db, communityId);
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
}
