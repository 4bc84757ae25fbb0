import { Injectable } from '@nestjs/common';
import { ErrorCode, Role, StructureAssistantDto } from '@linli/contracts';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../../../common/auth/auth-user';
import { AppException } from '../../../common/errors/app-exception';
import { insertRows } from '../../../database/unit-of-work';
import { AssistantBuilding } from '../../org/entities/assistant-building.entity';
import { User } from '../../org/entities/user.entity';
import { StructureAccess } from '../structure-access';
import { buildingAssistants } from '../structure-presenter';
import { StructureWrites } from '../structure-writes';

/** AssignAssistant and UnassignAssistant: who serves a building. */
@Injectable()
export class AssistantAssignments {
  constructor(
    private readonly access: StructureAccess,
    private readonly writes: StructureWrites,
  ) {}

  /** Makes an assistant of the community one of the building's assistants (again: no change). */
  async assignAssistant(
    user: AuthUser,
    buildingId: string,
    assistantId: string,
  ): Promise<StructureAssistantDto[]> {
    return this.change(user, buildingId, async (db, communityId) => {
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
    });
  }

  /** The assistant no longer serves the building (not serving it already: no change). */
  async unassignAssistant(
    user: AuthUser,
    buildingId: string,
    assistantId: string,
  ): Promise<StructureAssistantDto[]> {
    return this.change(user, buildingId, async (db) => {
      await db.delete(AssistantBuilding, { buildingId, userId: assistantId });
    });
  }

  /** Runs the change in the building's community (one the caller may manage), then lists its assistants. */
  private async change(
    user: AuthUser,
    buildingId: string,
    write: (db: EntityManager, communityId: string) => Promise<void>,
  ): Promise<StructureAssistantDto[]> {
    const { communityId } = await this.access.building(user, buildingId);
    return this.writes.run(communityId, async (db) => {
      await write(db, communityId);
      return buildingAssistants(db, buildingId);
    });
  }
}
